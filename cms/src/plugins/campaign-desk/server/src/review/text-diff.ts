/**
 * What changed in a story's text since the version a reviewer last passed, block by block as a
 * reviewer reads it (标题, 副标题, 摘要, 正文第 n 段), each changed block down to the character
 * (Chinese has no spaces to split words at). Pure: the `diff` library does the comparing.
 */
import { diffArrays, diffChars } from 'diff';
import { blocksSchema, blocksToText } from '@campaign-desk/shared';
import type { TextChange, TextBlock } from '../../../common/review-api';

/** The fields of a story whose text is reviewed. */
export interface StoryText {
  title?: string | null;
  subtitle?: string | null;
  summary?: string | null;
  coverCaption?: string | null;
  coverCredit?: string | null;
  bylines?: string | null;
  body?: unknown;
}

/** Every short text field the public reads, as a reviewer names it. */
const FIELDS = [
  ['title', '标题'],
  ['subtitle', '副标题'],
  ['summary', '摘要'],
  ['bylines', '署名'],
  ['coverCaption', '图片说明'],
  ['coverCredit', '图片署名'],
] as const;

const paragraph = (index: number) => `正文第 ${index + 1} 段`;

/** The story's text as blocks: its short fields, then each paragraph of the body with text. */
export function textBlocks(story: StoryText): TextBlock[] {
  const fields = FIELDS.flatMap(([field, place]) => (story[field]?.trim() ? [{ place, text: story[field]!.trim() }] : []));
  // Block by block: one the contract cannot read (an editor's stray node) costs only itself.
  const paragraphs = (Array.isArray(story.body) ? story.body : [])
    .map((block: unknown) => {
      const parsed = blocksSchema.safeParse([block]);
      return parsed.success ? blocksToText(parsed.data).trim() : '';
    })
    .filter(Boolean);
  return [...fields, ...paragraphs.map((text, index) => ({ place: paragraph(index), text }))];
}

function changed(place: string, before: string, after: string): TextChange {
  return {
    place,
    change: 'changed',
    parts: diffChars(before, after).map((part) => ({
      text: part.value,
      ...(part.added ? { change: 'added' as const } : part.removed ? { change: 'removed' as const } : {}),
    })),
  };
}

/** The blocks added, removed or changed from `before` to `after`, in the order of the text now. */
export function textChanges(before: TextBlock[], after: TextBlock[]): TextChange[] {
  const changes: TextChange[] = [];
  for (const [, place] of FIELDS) {
    const was = before.find((block) => block.place === place)?.text ?? '';
    const now = after.find((block) => block.place === place)?.text ?? '';
    if (was === now) continue;
    if (!was) changes.push({ place, change: 'added', parts: [{ text: now, change: 'added' }] });
    else if (!now) changes.push({ place, change: 'removed', parts: [{ text: was, change: 'removed' }] });
    else changes.push(changed(place, was, now));
  }
  const isBody = (block: TextBlock) => block.place.startsWith('正文');
  const [was, now] = [before.filter(isBody).map((block) => block.text), after.filter(isBody).map((block) => block.text)];
  // Paragraphs aligned as lists; a removed run followed by an added one is read as those paragraphs rewritten.
  let [inBefore, inAfter] = [0, 0];
  const hunks = diffArrays(was, now);
  for (let index = 0; index < hunks.length; index++) {
    const hunk = hunks[index]!;
    if (!hunk.added && !hunk.removed) {
      inBefore += hunk.count;
      inAfter += hunk.count;
      continue;
    }
    const next = hunks[index + 1];
    const removed = hunk.removed ? hunk.value : [];
    const added = hunk.removed && next?.added ? next.value : hunk.added ? hunk.value : [];
    if (hunk.removed && next?.added) index++;
    const paired = Math.min(removed.length, added.length);
    for (let n = 0; n < paired; n++) changes.push(changed(paragraph(inAfter + n), removed[n]!, added[n]!));
    for (let n = paired; n < added.length; n++)
      changes.push({ place: paragraph(inAfter + n), change: 'added', parts: [{ text: added[n]!, change: 'added' }] });
    for (let n = paired; n < removed.length; n++) {
      changes.push({ place: `原${paragraph(inBefore + n)}`, change: 'removed', parts: [{ text: removed[n]!, change: 'removed' }] });
    }
    inBefore += removed.length;
    inAfter += added.length;
  }
  return changes;
}

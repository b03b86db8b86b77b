/**
 * One entry of a live as HTML, said once: the page renders it, the entries file carries it for
 * the page's script, and the partners' feed carries it with absolute URLs. Everything typed is
 * escaped here (xmlText), so the script inserts only what this function made.
 */
import { LIVE_ENTRY_KINDS, askerName, formatChineseDateTime, nameOf, type LiveEntry } from '@campaign-desk/shared';
import { mediaTypeOf, xmlText } from '../lib/feeds';
import { paths } from '../lib/paths';

export type EntryPhoto = { src: string; srcset: string | null; width: number; height: number; alt: string };

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p>${xmlText(line)}</p>`)
    .join('');

export function entryHtml(entry: LiveEntry, photo: EntryPhoto | null): string {
  const badges = [
    entry.pinned ? '<span class="badge">置顶</span>' : '',
    entry.correction ? '<span class="badge badge-correction">更正</span>' : '',
    entry.kind === 'entry_text' ? '' : `<span class="badge badge-kind">${nameOf(LIVE_ENTRY_KINDS, entry.kind)}</span>`,
  ].join('');
  const parts = [
    `<p class="live-entry-meta"><time datetime="${xmlText(entry.postedAt)}">${formatChineseDateTime(entry.postedAt)}</time>${badges}</p>`,
  ];
  if (photo) {
    parts.push(
      `<figure><img src="${xmlText(photo.src)}"${photo.srcset ? ` srcset="${xmlText(photo.srcset)}" sizes="(min-width: 48rem) 40rem, 100vw"` : ''}` +
        ` width="${photo.width}" height="${photo.height}" alt="${xmlText(photo.alt)}" loading="lazy"></figure>`,
    );
  }
  if (entry.question) {
    // 网友提问: the reader's question, under the nickname they gave (or 网友), then the answer.
    parts.push(
      `<div class="live-question"><p class="live-question-asker">${xmlText(askerName(entry.question.asker))} 问：</p>${paragraphs(entry.question.text)}</div>`,
    );
  }
  if (entry.kind === 'entry_quote' && entry.speaker) {
    parts.push(`<blockquote>${paragraphs(entry.text)}<footer>—— ${xmlText(entry.speaker)}</footer></blockquote>`);
  } else {
    parts.push(paragraphs(entry.text));
  }
  if (entry.videoUrl) {
    const type = mediaTypeOf(entry.videoUrl);
    if (type?.startsWith('video/')) {
      parts.push(`<video controls preload="none" src="${xmlText(entry.videoUrl)}"></video>`);
    }
    parts.push(`<p><a href="${xmlText(entry.videoUrl)}" rel="noopener noreferrer">观看短视频</a></p>`);
  }
  const classes = ['live-entry', entry.pinned ? 'pinned' : '', entry.correction ? 'correction' : '', entry.question ? 'answer' : '']
    .filter(Boolean)
    .join(' ');
  return `<article class="${classes}" id="${paths.liveEntryAnchor(entry)}" data-entry="${xmlText(entry.documentId)}" data-updated="${xmlText(entry.updatedAt)}">${parts.join('')}</article>`;
}

/** A body as plain text, for summaries, search and feed descriptions. */
import type { BlockNode, Blocks, InlineNode, ListNode } from './schema';
import { stripIllegalXmlChars } from './escaping';

/** Plain text of a body for summaries, search and feed descriptions; images are left out. */
export function blocksToText(blocks: Blocks): string {
  return nonBlank(blocks.map(blockText)).join('\n\n');
}

/** Whether inline nodes carry any visible text. */
export function hasText(nodes: InlineNode[]): boolean {
  return /\S/.test(inlineText(nodes));
}

export function inlineText(nodes: InlineNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? stripIllegalXmlChars(node.text) : inlineText(node.children))).join('');
}

function blockText(block: BlockNode): string {
  switch (block.type) {
    case 'image':
      return '';
    case 'list':
      return listText(block);
    default:
      return inlineText(block.children).trim();
  }
}

function listText(list: ListNode): string {
  return nonBlank(list.children.map((child) => (child.type === 'list' ? listText(child) : inlineText(child.children).trim()))).join('\n');
}

function nonBlank(texts: string[]): string[] {
  return texts.filter((text) => /\S/.test(text));
}

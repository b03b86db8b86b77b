/** The one HTML renderer of a body, behind both the site's pages and the feeds: nothing in it is trusted. */
import { attribute, escapeHtml, stripIllegalXmlChars } from './escaping';
import { hasText, inlineText } from './plain-text';
import type { BlockImage, BlockNode, Blocks, InlineNode, LinkNode, ListNode, TextNode } from './schema';
import { httpBase, resolveUrl } from './urls';

export type RenderOptions = {
  /**
   * An absolute http(s) URL that relative links and images are resolved against, for
   * feeds, whose readers have no page to resolve them on. Pass the story's own URL so
   * that '#fragment' links point into it.
   */
  baseUrl?: string;
};

/** Safe HTML of a body, one top-level block per line. Blocks without text are left out. */
export function renderBlocks(blocks: Blocks, options: RenderOptions = {}): string {
  const base = options.baseUrl === undefined ? null : httpBase(options.baseUrl);
  return blocks
    .map((block) => renderBlock(block, base))
    .filter((html) => html !== '')
    .join('\n');
}

/** Innermost first, so that a bold italic text renders as <strong><em>…</em></strong>. */
const MARKS = [
  ['code', 'code'],
  ['strikethrough', 's'],
  ['underline', 'u'],
  ['italic', 'em'],
  ['bold', 'strong'],
] as const;

function renderBlock(block: BlockNode, base: URL | null): string {
  switch (block.type) {
    case 'paragraph':
      return hasText(block.children) ? `<p>${renderInlines(block.children, base)}</p>` : '';
    case 'heading': {
      // The page's title is its only h1.
      const tag = `h${Math.min(Math.max(block.level, 2), 6)}`;
      return hasText(block.children) ? `<${tag}>${renderInlines(block.children, base)}</${tag}>` : '';
    }
    case 'quote':
      return hasText(block.children) ? `<blockquote><p>${renderInlines(block.children, base)}</p></blockquote>` : '';
    case 'code': {
      // Marks and links mean nothing in a code listing; its line breaks are kept by <pre>.
      const code = inlineText(block.children);
      return /\S/.test(code) ? `<pre><code>${escapeHtml(code)}</code></pre>` : '';
    }
    case 'list':
      return renderList(block, base);
    case 'image':
      return renderImage(block.image, base);
  }
}

function renderList(list: ListNode, base: URL | null): string {
  const items: string[] = [];
  for (const child of list.children) {
    if (child.type === 'list-item') {
      // An empty item is kept for now: a nested list that follows may still go into it.
      items.push(hasText(child.children) ? renderInlines(child.children, base) : '');
      continue;
    }
    const nested = renderList(child, base);
    if (nested === '') continue;
    // HTML nests a list inside the item it follows (<li>…<ul>…</ul></li>).
    const previous = items.pop();
    items.push(previous === undefined ? nested : previous + nested);
  }
  const filled = items.filter((item) => item !== '');
  if (filled.length === 0) return '';
  const tag = list.format === 'ordered' ? 'ol' : 'ul';
  return `<${tag}>${filled.map((item) => `<li>${item}</li>`).join('')}</${tag}>`;
}

function renderImage(image: BlockImage, base: URL | null): string {
  const src = resolveUrl(image.url, 'image', base);
  if (src === null) return '';
  const size = [dimension('width', image.width), dimension('height', image.height)].join('');
  const caption = stripIllegalXmlChars(image.caption ?? '').trim();
  const figcaption = caption === '' ? '' : `<figcaption>${escapeHtml(caption)}</figcaption>`;
  return (
    `<figure><img src="${attribute(src.href)}" alt="${attribute(image.alternativeText ?? '')}"${size}` +
    ` loading="lazy" decoding="async">${figcaption}</figure>`
  );
}

/** Reserves the image's box before it loads; meaningless values are left out. */
function dimension(name: 'width' | 'height', value: number | null | undefined): string {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? ` ${name}="${value}"` : '';
}

function renderInlines(nodes: InlineNode[], base: URL | null): string {
  return nodes.map((node) => (node.type === 'text' ? renderText(node) : renderLink(node, base))).join('');
}

function renderText(node: TextNode): string {
  const text = stripIllegalXmlChars(node.text);
  if (text === '') return '';
  let html = escapeHtml(text).replace(/\r\n?|\n/g, '<br>');
  for (const [mark, tag] of MARKS) {
    if (node[mark] === true) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

function renderLink(link: LinkNode, base: URL | null): string {
  const html = renderInlines(link.children, base);
  const target = resolveUrl(link.url, 'link', base);
  if (target === null || !hasText(link.children)) return html;
  // Guards against window.opener should a later template open links in a new tab.
  const rel = target.external ? ' rel="noopener"' : '';
  return `<a href="${attribute(target.href)}"${rel}>${html}</a>`;
}

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
  /**
   * Inline styles by tag, written as each element's only styling: for editors that keep no
   * stylesheet (the 公众号 editor a story is pasted into). Without it, pages style by CSS.
   */
  styles?: InlineStyles;
};

/** The elements a body renders to. */
export type RenderedTag =
  | 'p'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'blockquote'
  | 'pre'
  | 'code'
  | 'ul'
  | 'ol'
  | 'li'
  | 'figure'
  | 'img'
  | 'figcaption'
  | 'a'
  | 's'
  | 'u'
  | 'em'
  | 'strong';

export type InlineStyles = Partial<Record<RenderedTag, string>>;

/** How one render opens its elements: bare, or with the style given for the tag. */
type Opener = (tag: RenderedTag, attributes?: string) => string;

function openerOf(styles: InlineStyles | undefined): Opener {
  return (tag, attributes = '') => {
    const style = styles?.[tag];
    return `<${tag}${attributes}${style ? ` style="${attribute(style)}"` : ''}>`;
  };
}

/** Safe HTML of a body, one top-level block per line. Blocks without text are left out. */
export function renderBlocks(blocks: Blocks, options: RenderOptions = {}): string {
  const base = options.baseUrl === undefined ? null : httpBase(options.baseUrl);
  const open = openerOf(options.styles);
  return blocks
    .map((block) => renderBlock(block, base, open))
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

function renderBlock(block: BlockNode, base: URL | null, open: Opener): string {
  switch (block.type) {
    case 'paragraph':
      return hasText(block.children) ? `${open('p')}${renderInlines(block.children, base, open)}</p>` : '';
    case 'heading': {
      // The page's title is its only h1.
      const tag = `h${Math.min(Math.max(block.level, 2), 6)}` as RenderedTag;
      return hasText(block.children) ? `${open(tag)}${renderInlines(block.children, base, open)}</${tag}>` : '';
    }
    case 'quote':
      return hasText(block.children)
        ? `${open('blockquote')}${open('p')}${renderInlines(block.children, base, open)}</p></blockquote>`
        : '';
    case 'code': {
      // Marks and links mean nothing in a code listing; its line breaks are kept by <pre>.
      const code = inlineText(block.children);
      return /\S/.test(code) ? `${open('pre')}${open('code')}${escapeHtml(code)}</code></pre>` : '';
    }
    case 'list':
      return renderList(block, base, open);
    case 'image':
      return renderImage(block.image, base, open);
  }
}

function renderList(list: ListNode, base: URL | null, open: Opener): string {
  const items: string[] = [];
  for (const child of list.children) {
    if (child.type === 'list-item') {
      // An empty item is kept for now: a nested list that follows may still go into it.
      items.push(hasText(child.children) ? renderInlines(child.children, base, open) : '');
      continue;
    }
    const nested = renderList(child, base, open);
    if (nested === '') continue;
    // HTML nests a list inside the item it follows (<li>…<ul>…</ul></li>).
    const previous = items.pop();
    items.push(previous === undefined ? nested : previous + nested);
  }
  const filled = items.filter((item) => item !== '');
  if (filled.length === 0) return '';
  const tag = list.format === 'ordered' ? 'ol' : 'ul';
  return `${open(tag)}${filled.map((item) => `${open('li')}${item}</li>`).join('')}</${tag}>`;
}

function renderImage(image: BlockImage, base: URL | null, open: Opener): string {
  const src = resolveUrl(image.url, 'image', base);
  if (src === null) return '';
  const size = [dimension('width', image.width), dimension('height', image.height)].join('');
  const caption = stripIllegalXmlChars(image.caption ?? '').trim();
  const figcaption = caption === '' ? '' : `${open('figcaption')}${escapeHtml(caption)}</figcaption>`;
  const img = open(
    'img',
    ` src="${attribute(src.href)}" alt="${attribute(image.alternativeText ?? '')}"${size} loading="lazy" decoding="async"`,
  );
  return `${open('figure')}${img}${figcaption}</figure>`;
}

/** Reserves the image's box before it loads; meaningless values are left out. */
function dimension(name: 'width' | 'height', value: number | null | undefined): string {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? ` ${name}="${value}"` : '';
}

function renderInlines(nodes: InlineNode[], base: URL | null, open: Opener): string {
  return nodes.map((node) => (node.type === 'text' ? renderText(node, open) : renderLink(node, base, open))).join('');
}

function renderText(node: TextNode, open: Opener): string {
  const text = stripIllegalXmlChars(node.text);
  if (text === '') return '';
  let html = escapeHtml(text).replace(/\r\n?|\n/g, '<br>');
  for (const [mark, tag] of MARKS) {
    if (node[mark] === true) html = `${open(tag)}${html}</${tag}>`;
  }
  return html;
}

function renderLink(link: LinkNode, base: URL | null, open: Opener): string {
  const html = renderInlines(link.children, base, open);
  const target = resolveUrl(link.url, 'link', base);
  if (target === null || !hasText(link.children)) return html;
  // Guards against window.opener should a later template open links in a new tab.
  const rel = target.external ? ' rel="noopener"' : '';
  return `${open('a', ` href="${attribute(target.href)}"${rel}`)}${html}</a>`;
}

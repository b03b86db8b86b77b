/**
 * Strapi 5 "blocks" rich text: the schema the contract validates story bodies with, and the
 * one HTML renderer behind both the site's pages and the RSS feeds. Bodies are written by
 * many hands in the CMS, so the renderer trusts nothing: every text is escaped, characters
 * XML cannot carry are removed, and links and images pass only an allow-list of URLs.
 */
import { z } from 'zod';

export type TextNode = {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
};
export type LinkNode = { type: 'link'; url: string; children: TextNode[] };
export type InlineNode = TextNode | LinkNode;

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
export type ParagraphNode = { type: 'paragraph'; children: InlineNode[] };
export type HeadingNode = { type: 'heading'; level: HeadingLevel; children: InlineNode[] };
export type QuoteNode = { type: 'quote'; children: InlineNode[] };
export type CodeNode = { type: 'code'; language?: string | null; children: InlineNode[] };
export type ListItemNode = { type: 'list-item'; children: InlineNode[] };
/** A nested list sits among the items of its parent, after the item it belongs to. */
export type ListNode = {
  type: 'list';
  format: 'ordered' | 'unordered';
  indentLevel?: number;
  children: Array<ListItemNode | ListNode>;
};
/** The media library's upload record; only these fields are read, the rest are kept. */
export type BlockImage = {
  url: string;
  alternativeText?: string | null;
  width?: number | null;
  height?: number | null;
  caption?: string | null;
  name?: string;
  [field: string]: unknown;
};
export type ImageNode = { type: 'image'; image: BlockImage; children: InlineNode[] };
export type BlockNode = ParagraphNode | HeadingNode | QuoteNode | CodeNode | ListNode | ImageNode;

const textSchema = z.object({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});

// Link URLs are not checked here: a disallowed link still parses and renders as its text.
const linkSchema = z.object({ type: z.literal('link'), url: z.string(), children: z.array(textSchema) });

// Discriminated unions report an unknown `type` at its path, e.g. [3, 'children', 0, 'type'].
const inlinesSchema = z.array(z.discriminatedUnion('type', [textSchema, linkSchema]));

const listItemSchema = z.object({ type: z.literal('list-item'), children: inlinesSchema });

const listSchema = z.object({
  type: z.literal('list'),
  format: z.enum(['ordered', 'unordered']),
  indentLevel: z.number().int().nonnegative().optional(),
  children: z.array(z.lazy(() => listChildSchema)),
});

// Annotated because zod cannot infer a type that refers to itself.
const listChildSchema: z.ZodType<ListItemNode | ListNode, z.ZodTypeDef, unknown> = z.discriminatedUnion('type', [
  listItemSchema,
  listSchema,
]);

const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), children: inlinesSchema }),
  z.object({
    type: z.literal('heading'),
    level: z
      .number()
      .refine(
        (level): level is HeadingLevel => Number.isInteger(level) && level >= 1 && level <= 6,
        'Heading level must be an integer from 1 to 6',
      ),
    children: inlinesSchema,
  }),
  z.object({ type: z.literal('quote'), children: inlinesSchema }),
  z.object({ type: z.literal('code'), language: z.string().nullish(), children: inlinesSchema }),
  listSchema,
  z.object({
    type: z.literal('image'),
    image: z
      .object({
        url: z.string(),
        alternativeText: z.string().nullish(),
        width: z.number().nullish(),
        height: z.number().nullish(),
        caption: z.string().nullish(),
        name: z.string().optional(),
      })
      .passthrough(),
    children: inlinesSchema,
  }),
]);

// The input type is left open: heading levels come in as numbers and leave as HeadingLevel.
export const blocksSchema: z.ZodType<BlockNode[], z.ZodTypeDef, unknown> = z.array(blockSchema);

export type Blocks = z.infer<typeof blocksSchema>;

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

/** Plain text of a body for summaries, search and feed descriptions; images are left out. */
export function blocksToText(blocks: Blocks): string {
  return nonBlank(blocks.map(blockText)).join('\n\n');
}

/**
 * Removes what XML 1.0 cannot carry (C0 controls other than tab, LF and CR, U+FFFE, U+FFFF
 * and unpaired surrogates): one such character makes a whole feed unreadable.
 */
export function stripIllegalXmlChars(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

/** Escapes text for HTML and XML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Whether a link may be followed: http(s) and mailto URLs, site-relative paths ('/…' but
 * not the protocol-relative '//…') and '#fragments'. Everything else, javascript: and
 * data: included, renders as plain text.
 */
export function isAllowedUrl(url: string): boolean {
  return resolveUrl(url, 'link', null) !== null;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Innermost first, so that a bold italic text renders as <strong><em>…</em></strong>. */
const MARKS = [
  ['code', 'code'],
  ['strikethrough', 's'],
  ['underline', 'u'],
  ['italic', 'em'],
  ['bold', 'strong'],
] as const;

const HTTP_SCHEMES = new Set(['http:', 'https:']);
const LINK_SCHEMES = new Set([...HTTP_SCHEMES, 'mailto:']);

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

function attribute(value: string): string {
  return escapeHtml(stripIllegalXmlChars(value));
}

type ResolvedUrl = { href: string; external: boolean };

/** The URL to emit for an allowed link or image source, or null when it is not allowed. */
function resolveUrl(raw: string, use: 'link' | 'image', base: URL | null): ResolvedUrl | null {
  // Stripped before checking, so that removing a character cannot turn '/\uFFFE/x' into '//x'.
  const url = stripIllegalXmlChars(raw).trim();
  // Browsers drop tabs and line breaks inside URLs and read '\' as '/', so such a URL would
  // not go where it seems to ('/\evil.example' is protocol-relative to them).
  if (/[\u0000-\u001F\u007F\\]/.test(url)) return null;
  const siteRelative = url.startsWith('/') && url[1] !== '/';
  if (siteRelative || (use === 'link' && url.startsWith('#'))) {
    return { href: base === null ? url : new URL(url, base).href, external: false };
  }
  const absolute = parseUrl(url);
  const schemes = use === 'link' ? LINK_SCHEMES : HTTP_SCHEMES;
  if (absolute === null || !schemes.has(absolute.protocol)) return null;
  return { href: absolute.href, external: absolute.protocol !== 'mailto:' };
}

function httpBase(baseUrl: string): URL {
  const base = parseUrl(baseUrl);
  if (base === null || !HTTP_SCHEMES.has(base.protocol)) {
    throw new RangeError(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  return base;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function hasText(nodes: InlineNode[]): boolean {
  return /\S/.test(inlineText(nodes));
}

function inlineText(nodes: InlineNode[]): string {
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

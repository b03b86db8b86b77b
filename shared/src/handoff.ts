/**
 * The 公众号 hand-off: a published story as the WeChat editor takes it (HTML whose only styling
 * is inline, images and links absolute, the source line and the original link), the same as
 * plain text, and a short text for Weibo with the link, within Weibo's length as Weibo counts
 * it. The body goes through the site's one renderer (blocks/render.ts) with inline styles, so
 * everything a story's text holds comes out escaped and every URL passes the same allow-list.
 */
import { escapeHtml } from './blocks/escaping';
import { blocksToText } from './blocks/plain-text';
import { type InlineStyles, renderBlocks } from './blocks/render';
import type { Blocks } from './blocks/schema';
import { resolveUrl } from './blocks/urls';

/** The hand-off's forms, as the review log names them. */
export const HANDOFF_FORMS = {
  wechat: '交付公众号',
  weibo: '交付微博',
} as const;

export type HandoffForm = keyof typeof HANDOFF_FORMS;

/** A short Weibo's limit: what shows in the timeline without 展开. */
export const WEIBO_LIMIT = 140;

/** What the 公众号 editor keeps of a style: font, colour, spacing, no positioning or classes. */
export const WECHAT_STYLES: InlineStyles = {
  p: 'margin:0 0 1em;line-height:1.75;font-size:16px;color:#333;text-align:justify',
  h2: 'margin:1.5em 0 0.75em;font-size:19px;font-weight:bold;color:#a61b1b;line-height:1.4',
  h3: 'margin:1.25em 0 0.5em;font-size:17px;font-weight:bold;color:#333;line-height:1.4',
  h4: 'margin:1em 0 0.5em;font-size:16px;font-weight:bold;color:#333',
  h5: 'margin:1em 0 0.5em;font-size:16px;font-weight:bold;color:#333',
  h6: 'margin:1em 0 0.5em;font-size:16px;font-weight:bold;color:#333',
  blockquote: 'margin:0 0 1em;padding:0.5em 1em;border-left:4px solid #a61b1b;background:#f7f3ee;color:#555',
  pre: 'margin:0 0 1em;padding:0.75em;background:#f5f5f5;white-space:pre-wrap;font-size:14px',
  code: 'font-family:Menlo,Consolas,monospace;font-size:14px',
  ul: 'margin:0 0 1em;padding-left:1.5em;line-height:1.75;font-size:16px;color:#333',
  ol: 'margin:0 0 1em;padding-left:1.5em;line-height:1.75;font-size:16px;color:#333',
  li: 'margin:0 0 0.25em',
  figure: 'margin:0 0 1em;text-align:center',
  img: 'display:block;max-width:100%;height:auto;margin:0 auto',
  figcaption: 'margin-top:0.5em;font-size:14px;color:#888;text-align:center',
  a: 'color:#576b95;text-decoration:none;word-break:break-all',
  strong: 'font-weight:bold',
  em: 'font-style:italic',
  u: 'text-decoration:underline',
  s: 'text-decoration:line-through',
};

const SOURCE_STYLE = 'margin:1.5em 0 0.25em;font-size:14px;color:#888';
const LINK_LINE_STYLE = 'margin:0 0 1em;font-size:14px;color:#888;word-break:break-all';

export type HandoffStory = {
  title: string;
  summary: string | null;
  body: Blocks;
};

export type Handoff = {
  /** For the 公众号 editor: inline styles only, absolute URLs, no class, id, script or frame. */
  html: string;
  /** The same words, for where HTML is not taken. */
  text: string;
  weibo: string;
  /** Its length as Weibo counts it (weiboLength), never over WEIBO_LIMIT. */
  weiboLength: number;
};

/**
 * The hand-off of a story whose page is `storyUrl` (absolute, from the site's paths), its
 * source line naming `source` (the outlet that first carried it, or the site).
 */
export function handoffOf(story: HandoffStory, storyUrl: string, source: string): Handoff {
  const url = resolveUrl(storyUrl, 'link', null);
  if (url === null || !/^https?:/.test(url.href)) throw new RangeError(`a story's URL must be absolute http(s), got ${storyUrl}`);
  const link = escapeHtml(url.href);
  const body = renderBlocks(story.body, { baseUrl: url.href, styles: WECHAT_STYLES });
  const html = [
    '<section style="font-size:16px;line-height:1.75;color:#333">',
    body,
    `<p style="${SOURCE_STYLE}">来源：${escapeHtml(source)}</p>`,
    `<p style="${LINK_LINE_STYLE}">原文链接：<a href="${link}" style="${WECHAT_STYLES.a}">${link}</a></p>`,
    '</section>',
  ].join('\n');
  const text = [blocksToText(story.body), `来源：${source}`, `原文链接：${url.href}`].filter((part) => part !== '').join('\n\n');
  const weibo = weiboText(story, url.href);
  return { html, text, weibo, weiboLength: weiboLength(weibo) };
}

/** `【标题】摘要 链接`, the summary (then the title) shortened with '…' to fit WEIBO_LIMIT. */
export function weiboText(story: Pick<HandoffStory, 'title' | 'summary'>, url: string): string {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const title = oneLine(story.title);
  const summary = oneLine(story.summary ?? '');
  const compose = (head: string, lead: string) => `【${head}】${lead}${lead === '' ? '' : ' '}${url}`;
  if (weiboLength(compose(title, summary)) <= WEIBO_LIMIT) return compose(title, summary);
  const lead = longestFitting(summary, (cut) => compose(title, cut));
  if (lead !== null) return compose(title, lead);
  return compose(longestFitting(title, (cut) => compose(cut, '')) ?? '', '');
}

/** The longest prefix of `text` (with '…') whose composition fits, or null when not even '…' alone does. */
function longestFitting(text: string, compose: (cut: string) => string): string | null {
  const chars = [...text];
  for (let end = chars.length - 1; end >= 0; end--) {
    const cut = end === 0 ? '' : `${chars.slice(0, end).join('')}…`;
    if (weiboLength(compose(cut)) <= WEIBO_LIMIT) return cut;
  }
  return null;
}

/** A URL as Weibo's web client finds it in a post. */
const WEIBO_URL = /https?:\/\/[a-zA-Z0-9]+(\.[a-zA-Z0-9]+)+([-A-Z0-9a-z_$.+!*()/,:;@&=?~#%]*)*/g;

/**
 * A post's length as Weibo counts it (its web client's getLength): two bytes for every
 * character beyond Latin-1, one for the rest, halved and rounded up; a link of more than
 * 41 bytes is shortened to t.cn and counts 23 bytes (more if over 140).
 */
export function weiboLength(post: string): number {
  const bytes = (text: string) => text.replace(/[^\x00-\xff]/g, '**').length;
  let rest = post;
  let links = 0;
  for (const url of post.match(WEIBO_URL) ?? []) {
    const length = bytes(url);
    if (length <= 41) continue;
    links += length <= 140 ? 23 : length - 140 + 23;
    rest = rest.replace(url, '');
  }
  return Math.ceil((links + bytes(rest)) / 2);
}

/** The 公众号 hand-off's rules, read back with an HTML parser as the WeChat editor reads what is pasted. */
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { Blocks } from '../src/blocks';
import { WEIBO_LIMIT, handoffOf, weiboLength, weiboText } from '../src/handoff';
import { story } from './support/blocks';

type Element = DefaultTreeAdapterMap['element'];
const URL_OF_STORY = 'https://zt.example.cn/liuda/stories/jie-li/';
const ATTRIBUTES = new Set(['style', 'href', 'src', 'alt', 'width', 'height', 'loading', 'decoding', 'rel']);

function elementsOf(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: { childNodes?: unknown[] }) => {
    for (const child of (node.childNodes ?? []) as Array<Element & { nodeName: string }>) {
      if ('tagName' in child) found.push(child);
      walk(child);
    }
  };
  walk(parseFragment(html));
  return found;
}

const hostile: Blocks = [
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(2)><iframe src="https://evil.example"></iframe>' },
      { type: 'link', url: 'javascript:alert(3)', children: [{ type: 'text', text: '点我' }] },
      { type: 'link', url: ' JaVaScRiPt:alert(4)', children: [{ type: 'text', text: '再点' }] },
      { type: 'link', url: '//evil.example/x', children: [{ type: 'text', text: '协议相对' }] },
      { type: 'link', url: 'data:text/html,<script>alert(5)</script>', children: [{ type: 'text', text: '数据' }] },
    ],
  },
  { type: 'image', image: { url: 'javascript:alert(6)', alternativeText: '" onerror="alert(7)' }, children: [] },
  { type: 'image', image: { url: 'data:image/svg+xml,<svg onload=alert(8)>' }, children: [] },
  { type: 'image', image: { url: '/\\evil.example/a.jpg' }, children: [] },
  { type: 'image', image: { url: 'https://cdn.example.cn/a.jpg" onerror="alert(9)', caption: '</figure><script>' }, children: [] },
];

describe('the 公众号 hand-off', () => {
  it('styles every element inline, with no class, id, script or frame, and absolute URLs only', () => {
    for (const body of [story, hostile]) {
      const { html } = handoffOf({ title: '标题', summary: null, body }, URL_OF_STORY, '咸宁日报');
      const elements = elementsOf(html);
      expect(elements.length).toBeGreaterThan(3);
      for (const element of elements) {
        expect(['script', 'iframe', 'style', 'object', 'embed', 'link', 'meta', 'form']).not.toContain(element.tagName);
        for (const { name, value } of element.attrs) {
          expect(ATTRIBUTES.has(name), `${element.tagName} ${name}`).toBe(true);
          if (name === 'href' || name === 'src') expect(value).toMatch(/^https?:\/\/[^/\\]/);
        }
        const inline = ['br'].includes(element.tagName) || element.attrs.some((attr) => attr.name === 'style');
        expect(inline, `${element.tagName} has its style inline`).toBe(true);
      }
    }
  });

  it('keeps the body’s formatting and pictures, made absolute, and ends with the source line and the original link', () => {
    const { html, text } = handoffOf({ title: '标题', summary: null, body: story }, URL_OF_STORY, '咸宁日报');
    expect(html).toContain('<strong style="font-weight:bold">咸宁市委</strong>');
    expect(html).toMatch(/<img src="https:\/\/cdn\.example\.cn\/uploads\/hui\.jpg"[^>]* style="[^"]+">/);
    expect(html).toContain('src="https://zt.example.cn/uploads/map.svg"');
    expect(html).toContain('href="https://zt.example.cn/stories/da-diao-yan"');
    expect(html).toMatch(/来源：咸宁日报<\/p>\n<p style="[^"]+">原文链接：<a href="https:\/\/zt\.example\.cn\/liuda\/stories\/jie-li\/"/);
    expect(text.endsWith('来源：咸宁日报\n\n原文链接：https://zt.example.cn/liuda/stories/jie-li/')).toBe(true);
    expect(text.startsWith('接力唐光友，为民做好事')).toBe(true);
  });

  it('leaves a hostile text inert: markup as text, javascript:, data: and odd image URLs left out', () => {
    const { html, text } = handoffOf({ title: '<b>', summary: null, body: hostile }, URL_OF_STORY, '<script>x</script>');
    const tags = elementsOf(html).map((element) => element.tagName);
    expect(tags).not.toContain('script');
    expect(tags).not.toContain('iframe');
    // Only the https image is kept, its quotes percent-encoded inside its URL.
    const images = elementsOf(html).filter((element) => element.tagName === 'img');
    expect(images.map((image) => image.attrs.find((attr) => attr.name === 'src')?.value)).toEqual([
      'https://cdn.example.cn/a.jpg%22%20onerror=%22alert(9)',
    ]);
    expect(html).not.toMatch(/javascript:|data:/i);
    expect(
      elementsOf(html)
        .flatMap((element) => element.attrs.map((attr) => attr.name))
        .filter((name) => name.startsWith('on')),
    ).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('来源：&lt;script&gt;x&lt;/script&gt;');
    expect(text).toContain('点我再点协议相对数据');
    expect(() => handoffOf({ title: 't', summary: null, body: [] }, 'javascript:alert(1)', 's')).toThrow(RangeError);
  });
});

describe('the Weibo text', () => {
  it('counts as Weibo does: a Chinese character 1, two Latin letters 1, a long link 11.5 (t.cn)', () => {
    expect(weiboLength('咸宁')).toBe(2);
    expect(weiboLength('abc')).toBe(2);
    expect(weiboLength('http://a.cn/x')).toBe(7);
    expect(weiboLength(`看 ${URL_OF_STORY}${'x'.repeat(20)}`)).toBe(Math.ceil((2 + 1 + 23) / 2));
  });

  it('fits the limit with the link whole, shortening the summary, then the title', () => {
    const long = '咸宁'.repeat(200);
    const url = `${URL_OF_STORY}?from=weibo`;
    const text = weiboText({ title: '“六大”活动推进会召开', summary: long }, url);
    expect(weiboLength(text)).toBeLessThanOrEqual(WEIBO_LIMIT);
    expect(weiboLength(text)).toBeGreaterThan(WEIBO_LIMIT - 2);
    expect(text).toMatch(/^【“六大”活动推进会召开】咸宁咸宁.*… https:\/\/zt\.example\.cn\/liuda\/stories\/jie-li\/\?from=weibo$/);
    const titled = weiboText({ title: long, summary: null }, url);
    expect(weiboLength(titled)).toBeLessThanOrEqual(WEIBO_LIMIT);
    expect(titled.endsWith(`…】 ${url}`)).toBe(false);
    expect(titled).toMatch(/^【咸宁.*…】https:/);
    expect(weiboText({ title: '短标题', summary: '摘要\n两行' }, url)).toBe(`【短标题】摘要 两行 ${url}`);
  });
});

import { describe, expect, it } from 'vitest';
import { blocksSchema, blocksToText, escapeHtml, isAllowedUrl, stripIllegalXmlChars } from '../src/blocks';
import { paragraph, story } from './support/blocks';

describe('blocksToText', () => {
  it('gives the plain text, paragraphs apart and list items on their own lines', () => {
    expect(blocksToText(story)).toBe(
      [
        '接力唐光友，为民做好事',
        '5月20日，咸宁市委召开“六大”活动推进会。\n会议强调：市政府网站、大调研',
        '旧提法config.yml',
        '力争全覆盖',
        'if (a < b) {\n  go();\n}',
        '大学习\n专题学习\n研讨会\n大调研',
      ].join('\n\n'),
    );
  });

  it('removes characters XML cannot carry and keeps markup as text', () => {
    expect(blocksToText([paragraph('\u001b<b>大调研</b>\u0000')])).toBe('<b>大调研</b>');
  });
});

describe('blocksSchema', () => {
  it('accepts a story as it comes from the API, keeping the upload fields of images', () => {
    const parsed = blocksSchema.parse(JSON.parse(JSON.stringify(story)));
    expect(parsed).toEqual(story);
    const image = parsed[7];
    expect(image?.type === 'image' && image.image.hash).toBe('hui_1a2b');
  });

  it('rejects an unknown block type at its path', () => {
    const result = blocksSchema.safeParse([paragraph('甲'), { type: 'video', children: [] }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([1, 'type']);
    expect(result.error?.issues[0]?.message).toContain("'paragraph'");
  });

  it('rejects an unknown inline type deep in a list at its path', () => {
    const result = blocksSchema.safeParse([
      {
        type: 'list',
        format: 'unordered',
        children: [
          {
            type: 'list',
            format: 'ordered',
            children: [{ type: 'list-item', children: [{ type: 'mention', text: '@someone' }] }],
          },
        ],
      },
    ]);
    expect(result.error?.issues[0]?.path).toEqual([0, 'children', 0, 'children', 0, 'children', 0, 'type']);
  });

  it('rejects malformed nodes', () => {
    const bad = [
      [{ type: 'heading', level: 7, children: [] }],
      [{ type: 'heading', level: 2.5, children: [] }],
      [{ type: 'list', format: 'numbered', children: [] }],
      [{ type: 'paragraph', children: [{ type: 'link', children: [] }] }],
      [{ type: 'paragraph', children: [{ type: 'text', text: 1 }] }],
      [{ type: 'image', image: { alternativeText: 'no url' }, children: [] }],
      { type: 'paragraph', children: [] },
    ];
    for (const input of bad) expect(blocksSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
  });
});

describe('helpers', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('strips only what XML 1.0 forbids', () => {
    expect(stripIllegalXmlChars('\u0000\u0001\u0008\u000B\u000C\u000E\u001F\uFFFE\uFFFF')).toBe('');
    expect(stripIllegalXmlChars('\t\n\r \u007F\u00A0\uFFFD😀')).toBe('\t\n\r \u007F\u00A0\uFFFD😀');
    expect(stripIllegalXmlChars('a\uDBFFb\uDFFFc\uD83D')).toBe('abc');
  });

  it('allows http(s), mailto, site paths and fragments only', () => {
    for (const url of ['https://www.xianning.gov.cn/', 'http://example.cn', 'mailto:a@example.cn', '/', '/a/b?c#d', '#top']) {
      expect(isAllowedUrl(url), url).toBe(true);
    }
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:,x', '//evil.example', '/\\evil.example', 'tel:12345']) {
      expect(isAllowedUrl(url), url).toBe(false);
    }
  });
});

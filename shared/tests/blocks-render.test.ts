import { describe, expect, it } from 'vitest';
import { type BlockNode, type Blocks, renderBlocks } from '../src/blocks';
import { imaged, linked, paragraph, story } from './support/blocks';

describe('renderBlocks', () => {
  it('renders a whole story', () => {
    expect(renderBlocks(story)).toBe(
      [
        '<h2>接力唐光友，为民做好事</h2>',
        '<p>5月20日，<strong>咸宁市委</strong><strong><em>召开“六大”活动</em></strong>推进会。<br>会议强调：' +
          '<a href="https://www.xianning.gov.cn/" rel="noopener">市政府网站</a>、' +
          '<a href="/stories/da-diao-yan"><u>大调研</u></a></p>',
        '<h3><s>旧提法</s><code>config.yml</code></h3>',
        '<blockquote><p>力争全覆盖</p></blockquote>',
        '<pre><code>if (a &lt; b) {\n  go();\n}</code></pre>',
        '<ul><li>大学习<ol><li>专题学习</li><li>研讨会</li></ol></li><li>大调研</li></ul>',
        '<figure><img src="https://cdn.example.cn/uploads/hui.jpg" alt="推进会现场" width="1280" height="720"' +
          ' loading="lazy" decoding="async"><figcaption>推进会现场（记者 摄）</figcaption></figure>',
        '<figure><img src="/uploads/map.svg" alt="" loading="lazy" decoding="async"></figure>',
      ].join('\n'),
    );
  });

  it('makes relative links and images absolute against baseUrl, for feeds', () => {
    const html = renderBlocks(story, { baseUrl: 'https://zt.example.cn/stories/jie-li/' });
    expect(html).toContain('<a href="https://zt.example.cn/stories/da-diao-yan"><u>大调研</u></a>');
    expect(html).toContain('<img src="https://zt.example.cn/uploads/map.svg"');
    expect(html).toContain('<a href="https://www.xianning.gov.cn/" rel="noopener">');
    expect(html).toContain('<img src="https://cdn.example.cn/uploads/hui.jpg"');
    expect(renderBlocks(linked('#section-2'), { baseUrl: 'https://zt.example.cn/liuda/stories/jie-li' })).toBe(
      '<p><a href="https://zt.example.cn/liuda/stories/jie-li#section-2">点我</a></p>',
    );
  });

  it('refuses a baseUrl that is not an absolute http(s) URL', () => {
    for (const baseUrl of ['zt.example.cn', '/stories/', 'ftp://zt.example.cn/', 'javascript:alert(1)']) {
      expect(() => renderBlocks(story, { baseUrl })).toThrow(RangeError);
    }
  });

  it('maps heading levels to h2–h6, the page owning h1', () => {
    const headings = ([1, 2, 6] as const).map(
      (level): BlockNode => ({ type: 'heading', level, children: [{ type: 'text', text: '标题' }] }),
    );
    expect(renderBlocks(headings)).toBe('<h2>标题</h2>\n<h2>标题</h2>\n<h6>标题</h6>');
  });

  it('drops blocks without text', () => {
    const empty: Blocks = [
      paragraph(''),
      paragraph(' \u3000\n\t'),
      { type: 'paragraph', children: [] },
      { type: 'heading', level: 2, children: [{ type: 'text', text: ' ' }] },
      { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: '' }] }] },
      paragraph('\u0000\u0008'),
    ];
    expect(renderBlocks(empty)).toBe('');
  });

  it('nests a list that opens its parent list inside an item of its own', () => {
    const list: Blocks = [
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: '甲' }] }] },
          { type: 'list-item', children: [{ type: 'text', text: '乙' }] },
        ],
      },
    ];
    expect(renderBlocks(list)).toBe('<ol><li><ul><li>甲</li></ul></li><li>乙</li></ol>');
  });

  it('escapes text, so markup in a story stays text', () => {
    expect(renderBlocks([paragraph('<script>alert(1)</script>')])).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(renderBlocks([paragraph(`Tom & "Jerry" 's <b>`)])).toBe('<p>Tom &amp; &quot;Jerry&quot; &#39;s &lt;b&gt;</p>');
  });

  it('escapes the end of a CDATA section, so feeds can wrap the HTML in one', () => {
    expect(renderBlocks([paragraph('a]]>b')])).toBe('<p>a]]&gt;b</p>');
  });

  it('removes characters XML cannot carry from text and attributes', () => {
    expect(renderBlocks([paragraph('a\u0000b\u0008c\u001bd\uFFFEe\uFFFFf\uD800g\uDC00h\tI')])).toBe('<p>abcdefgh\tI</p>');
    expect(renderBlocks(imaged('/uploads/a.jpg', { alternativeText: '现\u001b场', caption: '图\u0000注' }))).toBe(
      '<figure><img src="/uploads/a.jpg" alt="现场" loading="lazy" decoding="async"><figcaption>图注</figcaption></figure>',
    );
  });

  it('keeps emoji and characters beyond the BMP', () => {
    expect(renderBlocks([paragraph('点赞👍🏻 咸宁🎉 𠮷')])).toBe('<p>点赞👍🏻 咸宁🎉 𠮷</p>');
  });

  it('escapes attribute values', () => {
    expect(renderBlocks(imaged('/uploads/a.jpg', { alternativeText: '"onerror="alert(1)' }))).toBe(
      '<figure><img src="/uploads/a.jpg" alt="&quot;onerror=&quot;alert(1)" loading="lazy" decoding="async"></figure>',
    );
    expect(renderBlocks(linked('/search?q="><script>&x=1'))).toBe('<p><a href="/search?q=&quot;&gt;&lt;script&gt;&amp;x=1">点我</a></p>');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/path',
    '/\\evil.example/path',
    '/\u0000/evil.example/path',
    '/\uFFFE/evil.example/path',
    'ftp://files.example.cn/a.zip',
    'stories/relative',
    'https://',
    '',
  ])('renders a link to %j as its text only', (url) => {
    expect(renderBlocks(linked(url))).toBe('<p>点我</p>');
    expect(renderBlocks(linked(url), { baseUrl: 'https://zt.example.cn/' })).toBe('<p>点我</p>');
  });

  it('leaves out a link with nothing to click on', () => {
    const blocks: Blocks = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '甲' },
          { type: 'link', url: 'https://www.xianning.gov.cn/', children: [{ type: 'text', text: ' ' }] },
          { type: 'link', url: 'https://www.xianning.gov.cn/', children: [] },
          { type: 'text', text: '乙' },
        ],
      },
    ];
    expect(renderBlocks(blocks)).toBe('<p>甲 乙</p>');
  });

  it('links mailto and fragments without rel', () => {
    expect(renderBlocks(linked('mailto:xnliuda@example.cn'))).toBe('<p><a href="mailto:xnliuda@example.cn">点我</a></p>');
    expect(renderBlocks(linked('#section-2'))).toBe('<p><a href="#section-2">点我</a></p>');
  });

  it.each([
    'javascript:alert(1)',
    'data:image/svg+xml,<svg onload="alert(1)">',
    '//evil.example/a.png',
    '#a.png',
    'mailto:a@example.cn',
    'uploads/a.png',
  ])('drops an image from %j', (url) => {
    expect(renderBlocks(imaged(url))).toBe('');
  });

  it('leaves out sizes that are not positive integers', () => {
    const blocks: Blocks = [{ type: 'image', image: { url: '/uploads/a.jpg', width: 0, height: 10.5 }, children: [] }];
    expect(renderBlocks(blocks)).toBe('<figure><img src="/uploads/a.jpg" alt="" loading="lazy" decoding="async"></figure>');
  });
});

/** What readers get: the live release served, and a draft's preview. */
import { describe, expect, it } from 'vitest';
import { signPreviewToken } from '@campaign-desk/shared';
import { SECRET } from '../support/system';
import { story, system } from './system';

export function serving(): void {
  describe('serving the live release', () => {
    it('caches fingerprinted assets and images for good, pages briefly, and sends compressed copies', async () => {
      const home = await fetch(`${system.site}/`, { headers: { 'accept-encoding': 'br' } });
      expect(home.headers.get('content-encoding')).toBe('br');
      expect(home.headers.get('cache-control')).toContain('must-revalidate');
      expect(await home.text()).toContain('<html lang="zh-CN">');
      const css = /href="(\/_astro\/[^"]+\.css)"/.exec(await (await system.get('/')).text())![1]!;
      expect((await system.get(css)).headers.get('cache-control')).toContain('immutable');
    });

    it('gives feeds the types readers expect and sends search index files byte for byte', async () => {
      expect((await system.get('/rss.xml')).headers.get('content-type')).toMatch(/^application\/xml/);
      expect((await system.get('/feed.json')).headers.get('content-type')).toMatch(/^application\/feed\+json/);
      const entry = await (
        await fetch(`${system.site}/pagefind/4-0/pagefind-entry.json`, { headers: { 'accept-encoding': 'gzip, br' } })
      ).json();
      expect(entry.languages['zh-cn']).toBeTruthy();
    });

    it('answers a missing page with the site’s 404 page', async () => {
      const response = await system.get('/stories/no-such-story/');
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('页面未找到');
    });
  });

  describe('a draft’s preview', () => {
    it('shows the draft on its page with the site’s CSS, the 预览 banner and noindex; the published page stays as it was', async () => {
      const published = story('sample-story-032');
      const before = await (await system.get(`/stories/${published.slug}/`)).text();
      const draft = { ...structuredClone(published), title: '草稿里改过的标题' };
      system.drafts.answer = { ok: true, record: draft };
      const token = await signPreviewToken(SECRET, published.documentId, 1);
      const response = await system.get(`/_preview/?token=${encodeURIComponent(token)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const page = await response.text();
      expect(page).toContain('草稿里改过的标题');
      expect(page).toContain('<strong>预览</strong>：这是稿件的草稿按发布后的样子显示');
      expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
      // The same stylesheet as the published page.
      const css = (html: string) => /href="(\/_astro\/[^"]+\.css)"/.exec(html)![1];
      expect(css(page)).toBe(css(before));
      expect(system.drafts.tokens.at(-1)).toBe(token);
      expect(await (await system.get(`/stories/${published.slug}/`)).text()).toBe(before);
      expect(await (await system.get('/rss.xml')).text()).not.toContain('草稿里改过的标题');
    });

    it('is refused without a good token, before the CMS is asked; and says why the CMS refused', async () => {
      const asked = system.drafts.tokens.length;
      const expired = await signPreviewToken(SECRET, story('sample-story-032').documentId, 1, new Date(Date.now() - 3_600_000));
      const forged = await signPreviewToken('another-secret-0123456789', story('sample-story-032').documentId, 1);
      for (const [query, message] of [
        ['', '预览链接缺少 token，请从后台打开预览'],
        [`?token=${encodeURIComponent(expired)}`, '预览链接已过期，请回到后台重新打开预览'],
        [`?token=${encodeURIComponent(forged)}`, '预览链接无效'],
        ['?token=%3Cscript%3E', '预览链接无效'],
      ] as const) {
        const response = await system.get(`/_preview/${query}`);
        expect([response.status, await response.text()]).toEqual([403, expect.stringContaining(`<p>${message}</p>`)]);
      }
      expect(system.drafts.tokens).toHaveLength(asked);
      system.drafts.answer = { ok: false, status: 404, message: '没有找到稿件 x 的草稿' };
      const missing = await system.get(`/_preview/?token=${encodeURIComponent(await signPreviewToken(SECRET, 'x', 1))}`);
      expect([missing.status, await missing.text()]).toEqual([404, expect.stringContaining('<p>没有找到稿件 x 的草稿</p>')]);
    });
  });
}

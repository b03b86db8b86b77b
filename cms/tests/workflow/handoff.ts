/** The 公众号 hand-off of a published story: its forms through the admin API, and its record in the review log. */
import { describe, expect, it } from 'vitest';
import { CM, api, approve, call, cms, people } from './newsroom';

export function handoffOfStories(): void {
  describe('the 公众号 hand-off', () => {
    it('gives a published story’s forms, inert whatever its text holds, and records each copy in its log', async () => {
      const picture = (await api.upload(people.reporter, 'handoff-picture')).body[0] as Record<string, unknown>;
      const created = await call(people.reporter, 'POST', CM, {
        title: '交付测试<script>',
        kind: 'news',
        summary: '摘要',
        body: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: '<script>alert(1)</script>加粗', bold: true },
              // Strapi refuses a javascript: link itself; one it lets through and the renderer drops:
              { type: 'link', url: '//evil.example/x', children: [{ type: 'text', text: '链接' }] },
            ],
          },
          { type: 'image', image: picture, children: [{ type: 'text', text: '' }] },
          { type: 'image', image: { ...picture, url: 'javascript:alert(3)' }, children: [{ type: 'text', text: '' }] },
        ],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.data.documentId as string;
      const slug = created.body.data.slug as string;
      const url = `/campaign-desk/stories/${id}/handoff`;

      const unpublished = await call(people.reporter, 'GET', url);
      expect(unpublished.status).toBe(400);
      expect(unpublished.body.error.message).toBe('稿件尚未发布，发布后才能交付公众号和微博');

      await approve(id);
      expect((await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {})).status).toBe(200);
      const answer = await call(people.reporter, 'GET', url);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const storyUrl = answer.body.url as string;
      expect(storyUrl).toMatch(new RegExp(`^https?://[^/]+/stories/${slug}/$`));
      const html = answer.body.html as string;
      expect(html).toMatch(/<strong style="[^"]+">&lt;script&gt;alert\(1\)&lt;\/script&gt;加粗<\/strong>链接/);
      expect(html).toContain(`<img src="${cms.url}${picture.url as string}"`);
      expect(html.match(/<img /g)).toHaveLength(1);
      expect(html).not.toMatch(/javascript:|<script|class=|id=/i);
      expect(html).toContain('来源：“六大”活动专题');
      expect(html).toContain(`原文链接：<a href="${storyUrl}"`);
      expect(answer.body.weibo).toBe(`【交付测试<script>】摘要 ${storyUrl}`);
      expect(answer.body.weiboLength).toBeLessThanOrEqual(140);

      expect((await call(people.reporter, 'POST', url, { form: 'wechat' })).status).toBe(204);
      expect((await call(people.editor, 'POST', url, { form: 'weibo' })).status).toBe(204);
      expect((await call(people.editor, 'POST', url, { form: 'douyin' })).status).toBe(400);
      const log = (await call(people.chief, 'GET', `/campaign-desk/stories/${id}/review`)).body.log as Array<Record<string, string>>;
      expect(log.slice(-2).map(({ action, actorName }) => [action, actorName])).toEqual([
        ['handoff-wechat', '测试记者'],
        ['handoff-weibo', '测试编辑'],
      ]);
    });
  });
}

/**
 * The editor's day in production (issue 22), on deploy.test.ts's stack: a draft's 预览 through
 * the portal's path (the kit's `location = <path>_preview/`), refused without a good token, with
 * nothing else under `_preview/` reaching the publisher; and a story scheduled a few seconds
 * ahead published once by one of the two instances, its delay printed as a figure.
 */
import { describe, expect, it } from 'vitest';
import { UID } from 'strapi-plugin-campaign-desk/names';
import { json, send, type Answer } from './support/https';
import { SITE_PATH, type Role, type Stack } from './support/stack';

export interface DeployContext {
  stack(): Stack;
  /** An admin API call through nginx that must succeed. */
  call(role: Role, method: string, path: string, body?: unknown): Promise<any>;
  token(role: Role): string;
}

const CM = `/content-manager/collection-types/${UID.story}`;
const site = (path = '') => `${SITE_PATH}${path}`;

export function editorsDay({ stack, call, token }: DeployContext): void {
  /** A reporter's story, moved through `moves` of 三审. */
  async function story(title: string, slug: string, moves: Array<[Role, string, string]>): Promise<string> {
    const created = await call('reporter', 'POST', CM, {
      title,
      slug,
      kind: 'news',
      summary: `${title}的摘要。`,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: `${title}。咸宁各地深入开展“六大”活动。` }] }],
    });
    const id = created.data.documentId as string;
    for (const [role, action, stage] of moves) await call(role, 'POST', `/campaign-desk/stories/${id}/review`, { action, stage });
    return id;
  }

  /** Lines of the portal's access log that nginx passed to the publisher's site port. */
  const toPublisher = () => {
    const port = stack().sitePort;
    return stack()
      .nginx.log('campaign-desk-site')
      .split('\n')
      .filter((line) => line.endsWith(`127.0.0.1:${port}`));
  };

  describe('预览 through the portal', () => {
    let previewPath: string;
    const TITLE = '预览里的送审稿件';
    const SLUG = 'yu-lan-song-shen-gao-jian';

    it('answers the draft, rendered by the site, with the 预览 banner, noindex and no-store', async () => {
      const id = await story(TITLE, SLUG, [['reporter', 'submit', 'draft']]);
      const answer = await json(
        stack().cms,
        'GET',
        `/content-manager/preview/url/${UID.story}?documentId=${id}&status=draft`,
        token('editor'),
      );
      expect(answer.status, answer.text).toBe(200);
      const url = new URL(answer.json.data.url as string);
      expect(`${url.origin}${url.pathname}`).toBe(`${stack().siteUrl}_preview/`);
      previewPath = `${url.pathname}${url.search}`;

      const page = await send(stack().portal, 'GET', previewPath);
      expect(page.status, page.text.slice(0, 300)).toBe(200);
      expect(page.text).toContain(TITLE);
      expect(page.text).toContain('<strong>预览</strong>');
      expect(page.text).toMatch(/<meta name="robots" content="noindex/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['x-robots-tag']).toBe('noindex, nofollow');
      expect(page.headers['strict-transport-security']).toBeDefined();
      expect(toPublisher().some((line) => line.startsWith(`GET ${previewPath} HTTP`))).toBe(true);
      // Not published: the story's own address is still the site's 404.
      expect((await send(stack().portal, 'GET', site(`stories/${SLUG}/`))).status).toBe(404);
    });

    it('refuses a bad or missing token without showing the draft', async () => {
      // A character of the MAC other than its last, whose lowest bits base64 leaves unused.
      const bad = previewPath.replace(/.(?=.{4}$)/, (one) => (one === 'A' ? 'B' : 'A'));
      for (const path of [bad, site('_preview/'), site('_preview/?token=x')]) {
        const answer = await send(stack().portal, 'GET', path);
        expect(answer.status, path).toBe(403);
        expect(answer.text).not.toContain(TITLE);
        expect(answer.headers['cache-control']).toBe('no-store');
      }
    });

    // nginx's own answers: a 404, the refused POST, the redirect to _preview/, the site's home for `_preview/..`.
    it.each([
      ['GET', '_preview/index.html', 404],
      ['GET', '_preview/x/', 404],
      ['HEAD', '_preview/x', 404],
      ['GET', '_preview/..%2F..%2Fstatus', 404],
      ['POST', '_preview/?token=x', 403],
      ['GET', '_preview', 301],
      ['GET', '_preview/%2e%2e/', 200],
    ])('passes nothing else under _preview to the publisher: %s %s', async (method, path, status) => {
      const before = toPublisher().length;
      const answer: Answer = await send(stack().portal, method, site(path));
      expect(answer.status).toBe(status);
      expect(answer.headers['x-robots-tag']).toBeUndefined();
      expect(toPublisher().length).toBe(before);
    });
  });

  describe('定时发布 with two instances', () => {
    it('publishes a story scheduled a few seconds ahead once, at its time', async () => {
      const TITLE = '按时发布的部署稿件';
      const SLUG = 'an-shi-fa-bu-bu-shu-gao-jian';
      const id = await story(TITLE, SLUG, [
        ['reporter', 'submit', 'draft'],
        ['editor', 'first', 'submitted'],
        ['deskHead', 'second', 'first_passed'],
        ['chief', 'final', 'second_passed'],
      ]);
      // A whole second 5 s ahead, typed in Beijing time as a person types it.
      const at = Math.ceil((Date.now() + 5_000) / 1000) * 1000;
      const typed = new Date(at + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
      const scheduled = await call('chief', 'PUT', `/campaign-desk/stories/${id}/schedule`, { publishAt: typed });
      expect(new Date(scheduled.schedule.publishAt as string).getTime()).toBe(at);

      const deadline = at + 60_000;
      let served = 0;
      while (!served) {
        const page = await send(stack().portal, 'GET', site(`stories/${SLUG}/`));
        if (page.status === 200 && page.text.includes(TITLE)) served = Date.now();
        else if (Date.now() > deadline) throw new Error(`not served a minute after its time\n${stack().publisher.output.slice(-3000)}`);
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const [row] = await stack().rows(UID.schedule, { storyId: id });
      console.log(
        `[deploy test] 定时发布: served through nginx ${((served - at) / 1000).toFixed(1)} s after its time (published by ${row?.claimedBy}; two instances polling every 1 s)`,
      );

      // A few more polls of both instances: still once.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await stack().rows(UID.schedule, { storyId: id })).toMatchObject([{ state: 'published' }]);
      expect(await stack().rows(UID.change, { recordId: id, operation: 'upsert' })).toHaveLength(1);
      expect(await stack().rows(UID.outboxEvent, { recordId: id, type: 'publish' })).toHaveLength(1);
      expect(await stack().rows(UID.reviewEntry, { storyId: id, action: 'scheduled-publish' })).toHaveLength(1);
      expect(await stack().rows(UID.story, { documentId: id, publishedAt: { $notNull: true } })).toHaveLength(1);
    });
  });
}

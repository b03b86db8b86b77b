/**
 * Publish to live, end to end: a story written by a reporter, reviewed by an editor and the
 * chief editor, published, is served by the publisher and carried by its feed and search
 * index; withdrawn, it is gone; a broken record or a killed publisher never leave readers
 * with a broken site; a burst of publishes ends with everything live in few builds.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_ID_HEADER, signEvent } from '@campaign-desk/shared';
import type { Browser } from 'playwright-core';
import { launchChromium } from '@campaign-desk/testing/browser';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import plan from '../../scripts/seed/plan.json';
import { call as callAs, signUp as signUpAs, type Person } from '@campaign-desk/testing/newsroom';
import { startSystem, waitFor, type CampaignSystem } from './support/system';

const CM = `/content-manager/collection-types/${UID.story}`;
const COLUMN = plan.columns[1]!; // 咸宁日报's “六大”活动 column
let system: CampaignSystem;

type Session = Person;
const signUp = (roleCode: string, name: string) => signUpAs({ strapi: system.strapi, url: system.cmsUrl }, roleCode, name);
/** An admin API call that must succeed; its JSON answer. */
async function call(session: Session, method: string, path: string, body?: unknown) {
  const answer = await callAs({ strapi: system.strapi, url: system.cmsUrl }, session, method, path, body);
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
  return answer.body;
}

const people = {} as Record<'reporter' | 'editor' | 'deskHead' | 'chief', Session>;

/** A story through the whole newsroom: written, reviewed three times, published. */
async function publishThroughNewsroom(title: string, slug: string) {
  const columnId = (await system.strapi.db.query(UID.column).findOne({ where: { slug: COLUMN.slug } })).documentId;
  const created = await call(people.reporter, 'POST', CM, {
    title,
    slug,
    kind: 'news',
    summary: '咸宁市各地深入开展“六大”活动。',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: `${title}。党员干部走遍咸宁，为群众办实事。` }] }],
    columns: { connect: [{ documentId: columnId }] },
  });
  const id = created.data.documentId as string;
  // Each move from the stage the reviewer sees; 初审, 复审 and 终审 by three different people.
  const review = (session: Session, action: string, stage: string) =>
    call(session, 'POST', `/campaign-desk/stories/${id}/review`, { action, stage });
  await review(people.reporter, 'submit', 'draft');
  await review(people.editor, 'first', 'submitted');
  await review(people.deskHead, 'second', 'first_passed');
  await review(people.chief, 'final', 'second_passed');
  await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {});
  return id;
}

/** A story published from code (approved as an import would be), for bulk scenarios. */
async function publishDirectly(title: string, slug: string) {
  const story = await system.strapi.documents(UID.story).create({
    data: { title, slug, kind: 'news', body: [{ type: 'paragraph', children: [{ type: 'text', text: title }] }], sample: true },
  } as never);
  await system.strapi.plugin(PLUGIN_ID).service('review').approveAsSystem(story.documentId, 'e2e');
  await system.strapi.documents(UID.story).publish({ documentId: story.documentId } as never);
  return story.documentId as string;
}

const served = (slug: string) => async () => (await system.publisher.get(`/stories/${slug}/`)).status === 200;
const idle = () =>
  waitFor(async () => {
    const status = await system.publisher.status();
    return status && !status.building && !status.queued && status.live ? status : null;
  }, 'the publisher to be idle');

beforeAll(async () => {
  system = await startSystem({ ...plan });
  people.reporter = await signUp('campaign-desk-reporter', '记者');
  people.editor = await signUp('campaign-desk-editor', '编辑');
  people.deskHead = await signUp('campaign-desk-editor', '部门主任');
  people.chief = await signUp('campaign-desk-chief-editor', '主编');
  await idle();
});
afterAll(async () => system?.stop());

describe('publish to live', () => {
  const slug = 'e2e-zou-bian-xian-ning';

  it('serves a story reviewed and published in the newsroom, in its column feed and search index', async () => {
    await publishThroughNewsroom('咸安区党员干部走遍咸宁大调研', slug);
    await waitFor(served(slug), 'the story page');
    const page = await system.publisher.get(`/stories/${slug}/`);
    expect(page.text).toContain('咸安区党员干部走遍咸宁大调研');
    const feed = await system.publisher.get(`/feeds/columns/${COLUMN.slug}.xml`);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain('咸安区党员干部走遍咸宁大调研');
    expect((await system.publisher.get('/pagefind/4-0/pagefind-entry.json')).status).toBe(200);
    // The publisher asks the CMS, with the site's token, whether it holds undelivered events.
    expect((await idle()).cms).toMatchObject({ checked: true, ok: true, undelivered: false, failed: 0, overdue: 0 });
  });

  it('takes a withdrawn story off the site and out of its feeds', async () => {
    const story = await system.strapi.db.query(UID.story).findOne({ where: { slug } });
    await call(people.chief, 'POST', `${CM}/${story.documentId}/actions/unpublish`, {});
    await waitFor(async () => (await system.publisher.get(`/stories/${slug}/`)).status === 404, 'the page to be gone');
    expect((await system.publisher.get(`/feeds/columns/${COLUMN.slug}.xml`)).text).not.toContain('咸安区党员干部走遍咸宁大调研');
    expect((await system.publisher.get('/rss.xml')).text).not.toContain('咸安区党员干部走遍咸宁大调研');
  });

  it('keeps the live site when a record breaks the contract, and names the record', async () => {
    const before = await idle();
    const id = await publishDirectly('将被破坏的稿件', 'e2e-broken');
    await waitFor(served('e2e-broken'), 'the story to go live');
    const live = (await idle()).live;
    // Damage the public version behind the plugin's back, then publish something else.
    await system.strapi.db
      .query(UID.story)
      .updateMany({ where: { documentId: id, publishedAt: { $notNull: true } }, data: { kind: 'novel' } });
    await system.strapi.plugin(PLUGIN_ID).service('journal').record('story', id, 'upsert');
    await publishDirectly('另一篇稿件', 'e2e-trigger');
    const failed = await waitFor(async () => {
      const status = await system.publisher.status();
      return status?.lastBuild && !status.lastBuild.ok && !status.building ? status : null;
    }, 'the build to fail');
    expect(failed.live).toBe(live);
    expect(failed.lastBuild!.error).toContain(id);
    expect((await system.publisher.get('/stories/e2e-broken/')).status).toBe(200);
    expect(before.live).not.toBeNull();
    // Repair it: the next build goes live again.
    await system.strapi.db.query(UID.story).updateMany({ where: { documentId: id }, data: { kind: 'news' } });
    await system.strapi.plugin(PLUGIN_ID).service('journal').record('story', id, 'upsert');
    await publishDirectly('修复后的稿件', 'e2e-after-repair');
    await waitFor(served('e2e-after-repair'), 'the repaired site to go live');
  });

  it('catches up after being killed in the middle of a build, and still knows the events it took', async () => {
    await idle();
    // An event taken before the kill: its id is kept on disk, so a replay after the restart is known as one.
    const body = JSON.stringify({
      id: randomUUID(),
      type: 'publish',
      recordType: 'story',
      contentType: UID.story,
      documentId: 'e2e-replayed',
      slug: 'e2e-replayed',
      occurredAt: new Date().toISOString(),
    });
    const headers = {
      'content-type': 'application/json',
      [EVENT_ID_HEADER]: JSON.parse(body).id,
      ...(await signEvent(body, system.hookSecret)),
    };
    const deliver = () => fetch(`${system.publisher.controlUrl}/hooks/publish`, { method: 'POST', headers, body });
    expect((await deliver()).status).toBe(202);
    // Down while a story is published: the CMS keeps the event and retries.
    await system.publisher.kill();
    await publishDirectly('发布器中断时发布的稿件', 'e2e-during-crash');
    // Killed again in the middle of its start-up build (a whole one, long enough to catch).
    system.publisher.start();
    await waitFor(async () => (await system.publisher.status())?.building, 'the start-up build to begin');
    await system.publisher.kill();
    expect((await system.publisher.get('/')).status).toBe(0);
    system.publisher.start();
    await waitFor(served('e2e-during-crash'), 'the story after the restart');
    const status = await idle();
    expect(status.lastBuild).toMatchObject({ ok: true });
    expect(status.live).not.toMatch(/partial/);
    const replayed = await deliver();
    expect(replayed.status).toBe(200);
    expect(await replayed.json()).toMatchObject({ replay: true });
  });

  it('puts a burst of 20 publishes live with far fewer builds', async () => {
    const before = (await idle()).builds;
    const slugs = Array.from({ length: 20 }, (_, n) => `e2e-burst-${n}`);
    for (const [n, burst] of slugs.entries()) await publishDirectly(`集中发布第${n + 1}篇`, burst);
    for (const burst of slugs) await waitFor(served(burst), `${burst} to go live`);
    const after = await idle();
    expect(after.builds - before).toBeLessThanOrEqual(5);
  });
});

describe('a reader on the live site', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('walks home → column → story → search', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(system.publisher.pageUrl('/'));
    await page.locator(`a[href*="/columns/${COLUMN.slug}/"]`).first().click();
    await page.waitForURL(`**/columns/${COLUMN.slug}/**`);
    await page.goto(system.publisher.pageUrl('/stories/e2e-after-repair/'));
    await expect(page.locator('h1').first().textContent()).resolves.toContain('修复后的稿件');
    await page.goto(system.publisher.pageUrl(`/search/?q=${encodeURIComponent('修复')}`));
    await page.locator('#search a', { hasText: '修复后的稿件' }).first().click({ timeout: 20_000 });
    await page.waitForURL('**/stories/e2e-after-repair/');
  });
});

describe('图文直播 on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('shows an entry a 值班编辑 approves, and the answer to a reader’s question asked there, on a page already open at 375 px', async () => {
    const plenary = await system.strapi.db.query(UID.event).findOne({ where: { kind: 'plenary', publishedAt: { $notNull: true } } });
    const LIVE_CM = `/content-manager/collection-types/${UID.live}`;
    const live = await call(people.editor, 'POST', LIVE_CM, {
      title: '市委全体会议图文直播',
      slug: 'e2e-quanhui',
      event: plenary.documentId,
      questions: true,
    });
    const liveId = live.data.documentId as string;
    await call(people.editor, 'PUT', `/campaign-desk/lives/${liveId}/state`, { state: 'on_air' });
    await waitFor(async () => (await system.publisher.get('/lives/e2e-quanhui/')).status === 200, 'the live page');

    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    try {
      await page.goto(system.publisher.pageUrl('/lives/e2e-quanhui/'));
      expect(await page.locator('#live-state').textContent()).toBe('直播中');
      const desk = await call(people.reporter, 'POST', `/campaign-desk/lives/${liveId}/entries`, {
        kind: 'entry_text',
        text: '会议开始，现场座无虚席。',
      });
      const entryId = desk.entries[0].documentId as string;
      await call(people.deskHead, 'POST', `/campaign-desk/live-entries/${entryId}/approve`, {});
      // Picked up by the page's script from the live's entries file, the page never reloaded.
      const entry = page.locator(`[data-entry="${entryId}"]`);
      await entry.waitFor({ timeout: 60_000 });
      expect(await entry.textContent()).toContain('会议开始，现场座无虚席。');
      const widths = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [number, number];
      expect(widths[0]).toBeLessThanOrEqual(widths[1]);
      const feed = await system.publisher.get('/lives/e2e-quanhui/feed.xml');
      expect(feed.text).toContain(`urn:campaign-desk:liveEntry:${entryId}`);

      // 网友提问: asked from the open page (posted in place), answered by the 值班编辑 as an entry.
      await page.locator('.live-ask-box summary').click();
      await page.locator('#live-ask-question').fill('会议什么时候结束？');
      await page.locator('#live-ask-nickname').fill('老张');
      await page.locator('#live-ask button[type=submit]').click();
      await expect.poll(() => page.locator('#live-ask .form-status').textContent(), { timeout: 30_000 }).toContain('提问已收到');
      const asked = await call(people.editor, 'GET', `/campaign-desk/lives/${liveId}`);
      expect(asked.questions).toMatchObject([{ text: '会议什么时候结束？', nickname: '老张' }]);
      const { entryId: answerId } = await call(
        people.editor,
        'POST',
        `/campaign-desk/live-questions/${asked.questions[0].documentId}/answer`,
        {
          text: '预计中午十二点结束。',
        },
      );
      await call(people.deskHead, 'POST', `/campaign-desk/live-entries/${answerId}/approve`, {});
      const answer = page.locator(`[data-entry="${answerId}"]`);
      await answer.waitFor({ timeout: 60_000 });
      expect(await answer.locator('.live-question').textContent()).toBe('老张 问：会议什么时候结束？');
      expect(await answer.textContent()).toContain('预计中午十二点结束。');
    } finally {
      await page.close();
    }
  });
});

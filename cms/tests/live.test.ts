/**
 * 图文直播 through the admin API, as a newsroom covers a meeting: a reporter writes entries, a
 * 值班编辑 approves each before it is public (logged like a review move, never by its writer),
 * hostile input is refused in Chinese naming the record and the field at every door, and when
 * the live ends one click drafts its 综述 story for 三审. Readers' questions (网友提问) come
 * through the public route while a live is on air and takes them, and are answered as entries.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { snapshotPageSchema } from '@campaign-desk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UID } from 'strapi-plugin-campaign-desk/names';
import { adminApi, type Session } from './support/admin-api';
import { fixtures } from './support/fixtures';
import { send } from './support/participation';
import { startCms, type TestCms } from './support/strapi';

let cms: TestCms;
let api: ReturnType<typeof adminApi>;
let token: string;
let wordsDir: string;
let liveId: string;
const people: Record<'reporter' | 'editor' | 'deskHead' | 'chief', Session> = {} as never;
const LIVE_CM = `/content-manager/collection-types/${UID.live}`;
const ENTRY_CM = `/content-manager/collection-types/${UID.liveEntry}`;

const SITE = 'http://site.example.test:4321';
let loopback = 10;
const nextAddress = () => {
  loopback += 1;
  return `127.0.5.${loopback}`;
};
/** A question as the live page's form posts it (urlencoded), each from an address of its own. */
const ask = (slug: string, fields: Record<string, string>, options: { as?: 'json' | 'page'; origin?: string | null } = {}) =>
  send(`${cms.url}/api/campaign-desk/participation/live-question/${slug}`, {
    origin: SITE,
    from: nextAddress(),
    raw: { body: Buffer.from(new URLSearchParams(fields).toString()), type: 'application/x-www-form-urlencoded' },
    ...options,
  });

const call = (session: Session, method: string, path: string, body?: unknown) => api.call(session, method, path, body);

async function write(session: Session, entry: Record<string, unknown>) {
  const before = new Set(((await call(session, 'GET', `/campaign-desk/lives/${liveId}`)).body.entries ?? []).map((e: any) => e.documentId));
  const answer = await call(session, 'POST', `/campaign-desk/lives/${liveId}/entries`, { kind: 'entry_text', ...entry });
  const created = (answer.body.entries ?? []).find((e: any) => !before.has(e.documentId));
  return { answer, id: created?.documentId as string };
}

async function publicEntries() {
  const response = await fetch(`${cms.url}/api/campaign-desk/snapshot?limit=500`, { headers: { Authorization: `Bearer ${token}` } });
  return snapshotPageSchema.parse(await response.json()).records.filter((record) => record.type === 'liveEntry');
}

beforeAll(async () => {
  wordsDir = mkdtempSync(path.join(tmpdir(), 'campaign-live-words-'));
  writeFileSync(path.join(wordsDir, 'words.txt'), '违禁词\n');
  cms = await startCms({ env: { CAMPAIGN_DESK_SENSITIVE_WORDS_FILE: path.join(wordsDir, 'words.txt'), SITE_URL: SITE } });
  api = adminApi(cms);
  Object.assign(people, await api.newsroom());
  token = await fixtures(cms.strapi).apiToken('read-only');
  const event = await cms.strapi.documents(UID.event).create({
    data: { kind: 'plenary', title: '市委全体（扩大）会议', startsAt: '2020-09-25T01:00:00Z' } as never,
    status: 'published',
  });
  const live = await call(people.editor, 'POST', LIVE_CM, {
    title: '市委全体（扩大）会议图文直播',
    event: event.documentId,
    state: 'upcoming',
  });
  expect(live.status, JSON.stringify(live.body)).toBe(201);
  liveId = live.body.data.documentId;
  const published = await call(people.editor, 'POST', `${LIVE_CM}/${liveId}/actions/publish`, {});
  expect(published.status, JSON.stringify(published.body)).toBe(200);
});
afterAll(async () => {
  await cms?.destroy();
  rmSync(wordsDir, { recursive: true, force: true });
});

describe('entries and their approval', () => {
  it('keeps a reporter’s entry off the public until a 值班编辑 approves it, and logs the approval', async () => {
    const { answer, id } = await write(people.reporter, { text: '会议开始，市委书记主持。', pinned: true });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.entries.find((e: any) => e.documentId === id)).toMatchObject({ state: 'awaiting', writer: expect.any(String) });
    expect((await publicEntries()).map((entry) => entry.documentId)).not.toContain(id);

    const refused = await call(people.reporter, 'POST', `/campaign-desk/live-entries/${id}/approve`);
    expect(refused.status).toBe(403);
    const approved = await call(people.editor, 'POST', `/campaign-desk/live-entries/${id}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const entry = (await publicEntries()).find((record) => record.documentId === id);
    expect(entry).toMatchObject({ liveId, kind: 'entry_text', text: '会议开始，市委书记主持。', pinned: true, correction: false });
    const log = await cms.strapi.db.query(UID.reviewEntry).findMany({ where: { storyId: id } });
    expect(log).toEqual([
      expect.objectContaining({ action: 'live.approve', fromStage: 'awaiting', toStage: 'cleared', actorId: people.editor.id }),
    ]);
  });

  it('refuses the writer’s own approval (separation of duties) and lets another 值班编辑 approve', async () => {
    const { id } = await write(people.editor, { kind: 'entry_quote', text: '要把“六大”活动抓实抓细。', speaker: '市委书记' });
    const desk = await call(people.editor, 'GET', `/campaign-desk/lives/${liveId}`);
    expect(desk.body.entries.find((e: any) => e.documentId === id).approvable).toBe(false);
    const own = await call(people.editor, 'POST', `/campaign-desk/live-entries/${id}/approve`);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('须由另一位值班编辑');
    expect((await call(people.deskHead, 'POST', `/campaign-desk/live-entries/${id}/approve`)).status).toBe(200);
    expect((await publicEntries()).find((record) => record.documentId === id)).toMatchObject({ speaker: '市委书记' });
  });

  it('refuses hostile input in Chinese, naming the record and the field, through the admin API and the content manager', async () => {
    const long = await write(people.reporter, { text: '长'.repeat(2001) });
    expect(long.answer.status).toBe(400);
    const script = await write(people.reporter, { kind: 'entry_video', text: '短视频', videoUrl: 'javascript:alert(1)' });
    expect(script.answer.status).toBe(400);
    expect(script.answer.body.error.message).toContain('视频链接（videoUrl）只接受 http 或 https 开头的网址');

    const viaCm = await call(people.reporter, 'POST', ENTRY_CM, { live: liveId, kind: 'entry_text', text: '   ' });
    expect(viaCm.status).toBe(400);
    expect(viaCm.body.error.message).toContain('直播条目的文字（text）');
    const title = await call(people.editor, 'POST', LIVE_CM, { title: '题'.repeat(201) });
    expect(title.status).toBe(400);
    expect(title.body.error.message).toContain('图文直播的直播标题（title）');

    // A quote without its speaker, a listed word: written, but not approved.
    const quote = await write(people.reporter, { kind: 'entry_quote', text: '无人说的话' });
    const noSpeaker = await call(people.editor, 'POST', `/campaign-desk/live-entries/${quote.id}/approve`);
    expect(noSpeaker.status).toBe(400);
    expect(noSpeaker.body.error.message).toContain('发言人（speaker）');
    const word = await write(people.reporter, { text: '含违禁词的一条' });
    const flagged = await call(people.editor, 'POST', `/campaign-desk/live-entries/${word.id}/approve`);
    expect(flagged.status).toBe(400);
    expect(flagged.body.error.message).toContain('敏感词：违禁词');

    // The approval's fields are never typed: a reporter cannot create an approved entry.
    const forged = await call(people.reporter, 'POST', ENTRY_CM, { live: liveId, kind: 'entry_text', text: '自己批准', state: 'cleared' });
    expect(forged.status).toBe(403);
  });

  it('takes an approved entry off the page when its writer edits it, until it is approved again', async () => {
    const { id } = await write(people.reporter, { text: '原来的说法' });
    expect((await call(people.editor, 'POST', `/campaign-desk/live-entries/${id}/approve`)).status).toBe(200);
    const edited = await call(people.reporter, 'PUT', `${ENTRY_CM}/${id}`, { text: '改过的说法', correction: true, state: 'cleared' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.data.state).toBe('awaiting');
    expect((await publicEntries()).map((entry) => entry.documentId)).not.toContain(id);
    expect((await call(people.reporter, 'DELETE', `${ENTRY_CM}/${id}`)).status).toBe(403);
    expect((await call(people.editor, 'POST', `/campaign-desk/live-entries/${id}/approve`)).status).toBe(200);
    expect((await publicEntries()).find((record) => record.documentId === id)).toMatchObject({ text: '改过的说法', correction: true });
    const moves = (await cms.strapi.db.query(UID.reviewEntry).findMany({ where: { storyId: id }, orderBy: { id: 'asc' } })) as Array<{
      action: string;
    }>;
    expect(moves.map((move) => move.action)).toEqual(['live.approve', 'live.reopen', 'live.approve']);
  });

  it('copies a live as a new draft, never an entry', async () => {
    const entry = (await publicEntries())[0]!;
    const cloneEntry = await call(people.editor, 'POST', `${ENTRY_CM}/clone/${entry.documentId}`, {});
    expect(cloneEntry.status).toBe(400);
    expect(cloneEntry.body.error.message).toContain('直播条目不能复制');
    const cloneLive = await call(people.editor, 'POST', `${LIVE_CM}/clone/${liveId}`, { title: '另一场直播' });
    expect(cloneLive.status, JSON.stringify(cloneLive.body)).toBe(200);
    expect(cloneLive.body.data).toMatchObject({ title: '另一场直播', publishedAt: null });
  });
});

describe('网友提问', () => {
  let askedLive: string;
  let slug: string;
  const error = (answer: { json: unknown }) =>
    (answer.json as { error: { message: string; details: { errors?: Array<{ field: string }> } } }).error;

  beforeAll(async () => {
    const live = await call(people.editor, 'POST', LIVE_CM, { title: '网友提问的直播', state: 'upcoming', questions: false });
    expect(live.status, JSON.stringify(live.body)).toBe(201);
    askedLive = live.body.data.documentId;
    slug = live.body.data.slug;
    expect((await call(people.editor, 'POST', `${LIVE_CM}/${askedLive}/actions/publish`, {})).status).toBe(200);
  });

  it('refuses a question to a live with questions off, not on air, or not there, in Chinese', async () => {
    const off = await ask(slug, { question: '会议开多久？' });
    expect(off.status, off.text).toBe(403);
    expect(error(off).message).toBe('这场图文直播没有开放网友提问');
    expect((await call(people.editor, 'PUT', `${LIVE_CM}/${askedLive}`, { questions: true })).status).toBe(200);
    expect((await call(people.editor, 'POST', `${LIVE_CM}/${askedLive}/actions/publish`, {})).status).toBe(200);
    const upcoming = await ask(slug, { question: '会议开多久？' });
    expect(upcoming.status, upcoming.text).toBe(403);
    expect(error(upcoming).message).toBe('这场图文直播现在不在直播中，不接受提问');
    expect((await ask('no-such-live', { question: '会议开多久？' })).status).toBe(404);
    expect((await call(people.editor, 'PUT', `/campaign-desk/lives/${askedLive}/state`, { state: 'on_air' })).status).toBe(200);
  });

  it('refuses every hostile field, naming it in Chinese, to the script and to the plain form', async () => {
    const fieldsOf = (answer: { json: unknown }) => (error(answer).details.errors ?? []).map((problem) => problem.field);
    const empty = await ask(slug, { question: '  ' });
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty)).toEqual(['question']);
    const long = await ask(slug, { question: '问'.repeat(301), nickname: '昵'.repeat(21) });
    expect(fieldsOf(long)).toEqual(['question', 'nickname']);
    expect(error(long).message).toContain('问题最多 300 个字');
    const broken = await ask(slug, { question: '\ufffd坏字' });
    expect(fieldsOf(broken)).toEqual(['question']);
    const page = await ask(slug, { question: '' }, { as: 'page' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('问题');
    expect(page.text).not.toContain('<script');
    expect((await ask(slug, { question: '会议开多久？' }, { origin: 'https://elsewhere.example' })).status).toBe(403);
  });

  it('keeps questions for the 值班编辑, flagged, who answers one as an entry approved like any other and declines another', async () => {
    const flagged = await ask(slug, { question: '违禁词怎么理解？', nickname: '<b>小李</b>' });
    expect(flagged.status, flagged.text).toBe(201);
    expect(flagged.json).toMatchObject({ ok: true, message: expect.stringContaining('提问已收到') });
    const plain = await ask(slug, { question: '会议开多久？' }, { as: 'page' });
    expect(plain.status).toBe(303);
    expect(plain.headers.location).toBe(`${SITE}/xiexie/`);

    expect((await call(people.reporter, 'GET', `/campaign-desk/lives/${askedLive}`)).body.questions).toEqual([]);
    const desk = await call(people.editor, 'GET', `/campaign-desk/lives/${askedLive}`);
    const [first, second] = desk.body.questions;
    expect(first).toMatchObject({ text: '违禁词怎么理解？', nickname: '<b>小李</b>', flags: ['违禁词'] });
    expect(second).toMatchObject({ text: '会议开多久？', nickname: null, flags: [] });

    expect(
      (await call(people.reporter, 'POST', `/campaign-desk/live-questions/${second.documentId}/answer`, { text: '半天。' })).status,
    ).toBe(403);
    const answered = await call(people.editor, 'POST', `/campaign-desk/live-questions/${second.documentId}/answer`, { text: '半天。' });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const twice = await call(people.deskHead, 'POST', `/campaign-desk/live-questions/${second.documentId}/answer`, { text: '一天。' });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain('已经有人处理过了');
    const entryId = answered.body.entryId;
    expect((await publicEntries()).map((entry) => entry.documentId)).not.toContain(entryId);
    expect((await call(people.deskHead, 'POST', `/campaign-desk/live-entries/${entryId}/approve`)).status).toBe(200);
    expect((await publicEntries()).find((entry) => entry.documentId === entryId)).toMatchObject({
      text: '半天。',
      question: { text: '会议开多久？', asker: null },
    });

    // A question holding a listed word is answered only over the word check: declined here.
    expect((await call(people.editor, 'POST', `/campaign-desk/live-questions/${first.documentId}/decline`)).status).toBe(200);
    expect((await call(people.editor, 'GET', `/campaign-desk/lives/${askedLive}`)).body.questions).toEqual([]);
  });
});

describe('the live’s state and its 综述', () => {
  it('moves the live on, published at once, and drafts the 综述 story from the approved entries by whoever clicks', async () => {
    const early = await call(people.editor, 'POST', `/campaign-desk/lives/${liveId}/roundup`);
    expect(early.status).toBe(400);
    expect((await call(people.reporter, 'PUT', `/campaign-desk/lives/${liveId}/state`, { state: 'ended' })).status).toBe(403);
    for (const state of ['on_air', 'ended']) {
      const moved = await call(people.editor, 'PUT', `/campaign-desk/lives/${liveId}/state`, { state });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body.live).toMatchObject({ state, published: true });
    }
    const roundup = await call(people.deskHead, 'POST', `/campaign-desk/lives/${liveId}/roundup`);
    expect(roundup.status, JSON.stringify(roundup.body)).toBe(200);
    const story = (await cms.strapi.db.query(UID.story).findOne({
      where: { documentId: roundup.body.storyId, publishedAt: null },
      populate: { createdBy: { select: ['id'] }, event: { select: ['title'] } },
    })) as Record<string, any>;
    expect(story).toMatchObject({ kind: 'roundup', reviewStage: 'draft', createdBy: { id: people.deskHead.id } });
    expect(JSON.stringify(story.body)).toContain('会议开始，市委书记主持。');
    expect(JSON.stringify(story.body)).toContain('市委书记：“要把“六大”活动抓实抓细。”');
    expect(JSON.stringify(story.body)).not.toContain('违禁词');
    // In 三审 as the author's own story: the one who clicked sends it.
    expect((await api.review(people.deskHead, roundup.body.storyId, 'submit')).status).toBe(200);
  });
});

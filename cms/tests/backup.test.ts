/**
 * A backup restores exactly: a seeded campaign with stories in every review stage, reviewed by
 * real accounts, with an upload, publish events in several delivery states and the site's
 * token, is backed up (`pnpm backup`'s code), restored into a fresh SQLite and a fresh
 * PostgreSQL database (`pnpm restore`'s code), booted again, and compared.
 */
import { REVIEW_STAGES } from '@campaign-desk/shared';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '@strapi/strapi';
import { adminLogin, signUp } from '@campaign-desk/testing/newsroom';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { backUp, restore } from '../../scripts/lib/backup';
import { campaignDataset } from '../../scripts/seed/index';
import { fixtures, paragraph } from './support/fixtures';
import { startReceiver, type Receiver } from './support/receiver';
import { startCms, type TestCms, type TestDatabase } from './support/strapi';

/** The secrets a restore needs the backed-up instance's values of: API tokens are kept salted and encrypted. */
const KEPT_SECRETS = ['APP_KEYS', 'ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY'];
const BACKUP_KEY = randomBytes(24).toString('base64url');
/** Records are compared as the snapshot carries them, with URLs made from one address. */
const BASE_URL = 'https://cms.example.cn';
const CM = `/content-manager/collection-types/${UID.story}`;
/** A 1×1 PNG: a real upload, so the backup has a file to carry. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const targets: TestDatabase[] = ['sqlite', ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : [])];

let work: string;
let receiver: Receiver;
let backup: string;
let secrets: Record<string, string>;
let before: Awaited<ReturnType<typeof stateOf>>;
const people = {} as Record<'reporter' | 'editorA' | 'editorB' | 'chief', { email: string; password: string; token: string }>;
let siteToken: string;
let upload: { url: string; bytes: Buffer };

/** Datetimes as instants, whatever the dialect hands back. */
function normalized<T>(rows: T[]): unknown[] {
  return JSON.parse(JSON.stringify(rows));
}

/** Everything the round trip must keep, read the same way from either database. */
async function stateOf(strapi: Core.Strapi) {
  const rows = (uid: string) =>
    strapi.db
      .query(uid as never)
      .findMany({ orderBy: { id: 'asc' } })
      .then(normalized);
  const snapshot = strapi.plugin(PLUGIN_ID).service('snapshot');
  const pages: unknown[] = [];
  let page = await snapshot.page(await snapshot.start(), 100, BASE_URL);
  pages.push(page);
  while (page.hasMore) {
    page = await snapshot.page(JSON.parse(Buffer.from(page.cursor, 'base64url').toString('utf8')), 100, BASE_URL);
    pages.push(page);
  }
  return {
    snapshot: pages,
    reviewLog: await rows(UID.reviewEntry),
    outboxEvents: await rows(UID.outboxEvent),
    outboxDeliveries: await rows(UID.outboxDelivery),
    journal: await rows(UID.change),
    accounts: normalized(
      await strapi.db.query('admin::user').findMany({
        select: ['id', 'email', 'firstname', 'isActive'],
        populate: { roles: { select: ['id', 'code'] } },
        orderBy: { id: 'asc' },
      }),
    ),
    stories: normalized(
      await strapi.db.query(UID.story).findMany({
        select: ['id', 'documentId', 'title', 'reviewStage', 'publishedAt', 'updatedAt'],
        populate: { createdBy: { select: ['id'] }, cover: { select: ['id', 'url'] } },
        orderBy: { id: 'asc' },
      }),
    ),
  };
}

async function call(cms: TestCms, token: string, method: string, pathname: string, body?: unknown) {
  const response = await fetch(`${cms.url}${pathname}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, any>;
  expect(response.status, JSON.stringify(json)).toBeLessThan(300);
  return json;
}

/** The newsroom at work on the source: a story per review stage, each move made by its own person. */
async function newsroom(cms: TestCms, coverId: number) {
  for (const [who, code, name] of [
    ['reporter', 'campaign-desk-reporter', '记者'],
    ['editorA', 'campaign-desk-editor', '编辑甲'],
    ['editorB', 'campaign-desk-editor', '编辑乙'],
    ['chief', 'campaign-desk-chief-editor', '主编'],
  ] as const) {
    people[who] = await signUp(cms, code, name);
  }
  const moves = {
    draft: [],
    submitted: [['reporter', 'submit']],
    first: [
      ['reporter', 'submit'],
      ['editorA', 'first'],
    ],
    second: [
      ['reporter', 'submit'],
      ['editorA', 'first'],
      ['editorB', 'second'],
    ],
    approved: [
      ['reporter', 'submit'],
      ['editorA', 'first'],
      ['editorB', 'second'],
      ['chief', 'final'],
    ],
    published: [
      ['reporter', 'submit'],
      ['editorA', 'first'],
      ['editorB', 'second'],
      ['chief', 'final'],
    ],
    returned: [
      ['reporter', 'submit'],
      ['editorA', 'return'],
    ],
  } as const;
  for (const [stage, steps] of Object.entries(moves)) {
    const created = await call(cms, people.reporter.token, 'POST', CM, {
      title: `备份测试稿件：${stage}`,
      kind: 'news',
      body: paragraph(`处于“${stage}”阶段的稿件。`),
      ...(stage === 'published' ? { cover: coverId } : {}),
    });
    const id = created.data.documentId as string;
    for (const [who, action] of steps) {
      // A move names the stage its reviewer saw, as the panel sends it.
      const { stage: seen } = await call(cms, people[who].token, 'GET', `/campaign-desk/stories/${id}/review`);
      await call(cms, people[who].token, 'POST', `/campaign-desk/stories/${id}/review`, {
        action,
        stage: seen,
        ...(action === 'return' ? { comment: '请补充数据来源' } : {}),
      });
    }
    if (stage === 'published') await call(cms, people.chief.token, 'POST', `${CM}/${id}/actions/publish`, {});
  }
}

/** The seed, smaller: the plan's records and a dozen sample stories with their deeds and placements. */
function smallSeed() {
  const dataset = campaignDataset();
  const stories = dataset.stories.slice(0, 12);
  const kept = new Set(stories.map((story) => story.slug));
  return {
    ...dataset,
    stories,
    goodDeeds: dataset.goodDeeds.slice(0, 4),
    placements: dataset.placements.filter((placement) => kept.has(placement.story)),
  };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'campaign-backup-'));
  receiver = await startReceiver();
  const publicDir = path.join(work, 'source-public');
  mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  const source = await startCms({
    env: {
      PUBLIC_DIR: publicDir,
      CAMPAIGN_DESK_BUILD_HOOKS: JSON.stringify([{ name: 'site', url: receiver.url, secret: receiver.secret }]),
      CAMPAIGN_DESK_OUTBOX_POLL_MS: '100',
    },
  });
  try {
    const { strapi } = source;
    secrets = Object.fromEntries(KEPT_SECRETS.map((name) => [name, source.env[name]!]));
    await strapi.plugin(PLUGIN_ID).service('seed').load(smallSeed(), 'backup-test');

    const picture = path.join(work, 'cover.png');
    writeFileSync(picture, PNG);
    const [file] = (await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { alternativeText: '咸宁市民参加活动' } },
        files: { filepath: picture, originalFilename: 'cover.png', mimetype: 'image/png', size: PNG.length },
      })) as Array<{ id: number; url: string }>;
    upload = { url: file!.url, bytes: readFileSync(path.join(publicDir, file!.url)) };
    await newsroom(source, file!.id);
    siteToken = await fixtures(strapi).apiToken('read-only');

    // Publish events in every state: delivered, given up on (失败), still pending.
    const worker = strapi.plugin(PLUGIN_ID).service('delivery-worker');
    const undelivered = () => strapi.db.query(UID.outboxDelivery).count({ where: { status: { $ne: 'delivered' } } });
    await vi.waitFor(async () => expect(await undelivered()).toBe(0), { timeout: 30_000, interval: 100 });
    await receiver.down();
    strapi.config.set(`plugin::${PLUGIN_ID}.outbox.maxAttempts`, 1);
    await fixtures(strapi).outlet({ name: '投递失败的媒体' });
    await vi.waitFor(async () => expect(await strapi.db.query(UID.outboxDelivery).count({ where: { status: 'failed' } })).toBe(1), {
      timeout: 20_000,
      interval: 50,
    });
    await worker.stop();
    await fixtures(strapi).outlet({ name: '尚未推送的媒体' });

    before = await stateOf(strapi);
    backup = await backUp(strapi, path.join(work, 'campaign-desk-backup'), BACKUP_KEY);
  } finally {
    await source.destroy();
  }
}, 240_000);

afterAll(async () => {
  await receiver?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the source', () => {
  it('holds what a backup must carry: every review stage, an upload, events in every delivery state', () => {
    const stages = new Set((before.stories as Array<{ reviewStage: string | null }>).map((story) => story.reviewStage ?? 'draft'));
    expect([...stages].sort()).toEqual(REVIEW_STAGES.map((stage) => stage.key).sort());
    const reviewers = new Set((before.reviewLog as Array<{ actorId: number | null }>).map((entry) => entry.actorId));
    expect(reviewers.size).toBeGreaterThanOrEqual(4);
    expect(new Set((before.outboxDeliveries as Array<{ status: string }>).map((row) => row.status))).toEqual(
      new Set(['delivered', 'failed', 'pending']),
    );
    expect(backup).toMatch(/\.tar\.gz\.enc$/);
    // Encrypted: none of the campaign's words can be read in it.
    expect(readFileSync(backup).includes(Buffer.from('备份测试稿件'))).toBe(false);
  });
});

describe.each(targets)('restored into a fresh %s database', (target) => {
  let cms: TestCms;
  /** The fresh instance, once stopped: its database is dropped whatever happens next. */
  let stopped: TestCms | undefined;
  let after: Awaited<ReturnType<typeof stateOf>>;
  let publicDir: string;

  beforeAll(async () => {
    publicDir = path.join(work, `${target}-public`);
    mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
    // No build hooks: nothing is delivered (and no row changes) while the restored data is compared.
    cms = await startCms({ database: target, env: { ...secrets, PUBLIC_DIR: publicDir, CAMPAIGN_DESK_BUILD_HOOKS: '[]' } });
    await restore(cms.strapi, backup, BACKUP_KEY);
    await cms.stop();
    stopped = cms;
    // Started again on what was restored, as after `pnpm restore`.
    cms = await startCms({ reuse: stopped });
    stopped = undefined;
    after = await stateOf(cms.strapi);
  }, 180_000);
  afterAll(async () => {
    if (stopped) await stopped.drop();
    else await cms?.destroy();
  });

  it('serves the same full snapshot, cursor included', () => {
    expect(after.snapshot).toEqual(before.snapshot);
  });

  it('keeps every review log entry as it was, naming the same accounts', () => {
    expect(after.reviewLog).toEqual(before.reviewLog);
    expect(after.accounts).toEqual(before.accounts);
    expect(after.stories).toEqual(before.stories);
  });

  it('keeps every outbox row and the change journal as they were', () => {
    expect(after.outboxEvents).toEqual(before.outboxEvents);
    expect(after.outboxDeliveries).toEqual(before.outboxDeliveries);
    expect(after.journal).toEqual(before.journal);
  });

  it('keeps the uploads, the passwords and the site’s token working', async () => {
    expect(readFileSync(path.join(publicDir, upload.url))).toEqual(upload.bytes);
    expect((await fetch(`${cms.url}${upload.url}`)).status).toBe(200);
    expect((await adminLogin(cms, people.chief)).status).toBe(200);
    const snapshot = await fetch(`${cms.url}/api/campaign-desk/snapshot?limit=1`, { headers: { Authorization: `Bearer ${siteToken}` } });
    expect(snapshot.status).toBe(200);
  });

  it('is not restored over a database in use unless asked to replace it, nor with a wrong key or a truncated file', async () => {
    await expect(restore(cms.strapi, backup, BACKUP_KEY)).rejects.toThrow(/already holds \d+ admin account\(s\).*pass --force/);
    await expect(restore(cms.strapi, backup, 'not-the-key', { replace: true })).rejects.toThrow(/^the restore failed: /);
    const truncated = path.join(work, `${target}-truncated.tar.gz.enc`);
    const whole = readFileSync(backup);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(restore(cms.strapi, truncated, BACKUP_KEY, { replace: true })).rejects.toThrow(/^the restore failed: /);
    expect(await stateOf(cms.strapi)).toEqual(after);
    expect(readFileSync(path.join(publicDir, upload.url))).toEqual(upload.bytes);
  });

  it('refuses a backup with one byte changed, anywhere, before anything is written', async () => {
    const whole = readFileSync(backup);
    expect(whole.subarray(0, 8).toString('latin1')).toBe('CDBACKUP');
    // In the archive, in the header's salt, and in the tag at its end.
    for (const at of [Math.floor(whole.length / 2), 12, whole.length - 1]) {
      const tampered = path.join(work, `${target}-tampered-${at}.tar.gz.enc`);
      const copy = Buffer.from(whole);
      copy[at] = copy[at]! ^ 0x01;
      writeFileSync(tampered, copy);
      await expect(restore(cms.strapi, tampered, BACKUP_KEY, { replace: true })).rejects.toThrow(
        /^the restore failed: the backup .* was refused and nothing was restored: its integrity check failed: it was changed or damaged/,
      );
    }
    const strapisOwn = path.join(work, `${target}-strapi-format.tar.gz.enc`);
    writeFileSync(strapisOwn, whole.subarray(8));
    await expect(restore(cms.strapi, strapisOwn, BACKUP_KEY, { replace: true })).rejects.toThrow(/it is not a sealed Campaign Desk backup/);
    expect(await stateOf(cms.strapi)).toEqual(after);
    expect(readFileSync(path.join(publicDir, upload.url))).toEqual(upload.bytes);
  });

  it('goes on where it stopped: a new story is reviewed and gets the next ids', async () => {
    const chief = ((await (await adminLogin(cms, people.chief)).json()) as { data: { token: string } }).data.token;
    const created = await call(cms, chief, 'POST', CM, { title: '恢复之后的新稿件', kind: 'news', body: paragraph('正文') });
    await call(cms, chief, 'POST', `/campaign-desk/stories/${created.data.documentId}/review`, { action: 'submit', stage: 'draft' });
    const lastEntry = (before.reviewLog as Array<{ id: number }>).at(-1)!.id;
    const entry = (await cms.strapi.db.query(UID.reviewEntry).findOne({ where: { storyId: created.data.documentId } })) as { id: number };
    expect(entry.id).toBe(lastEntry + 1);
  });
});

import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import type { Core } from '@strapi/strapi';
import { signUp } from '@campaign-desk/testing/newsroom';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { backUp } from '../../../scripts/lib/backup';
import { campaignDataset } from '../../../scripts/seed/index';
import { fixtures, paragraph } from '../support/fixtures';
import { startReceiver, type Receiver } from '../support/receiver';
import { startCms, type TestCms, type TestDatabase } from '../support/strapi';

/** The secrets a restore needs the backed-up instance's values of: API tokens are kept salted and encrypted. */
export const KEPT_SECRETS = ['APP_KEYS', 'ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY'];

export const BACKUP_KEY = randomBytes(24).toString('base64url');

/** Records are compared as the snapshot carries them, with URLs made from one address. */
export const BASE_URL = 'https://cms.example.cn';

export const CM = `/content-manager/collection-types/${UID.story}`;

/** A 1×1 PNG: a real upload, so the backup has a file to carry. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export const targets: TestDatabase[] = ['sqlite', ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : [])];

export let work: string;

export let receiver: Receiver;

export let backup: string;

export let secrets: Record<string, string>;

export let before: Awaited<ReturnType<typeof stateOf>>;

export const people = {} as Record<'reporter' | 'editorA' | 'editorB' | 'chief', { email: string; password: string; token: string }>;

export let siteToken: string;

export let upload: { url: string; bytes: Buffer };

/** Datetimes as instants, whatever the dialect hands back. */
export function normalized<T>(rows: T[]): unknown[] {
  return JSON.parse(JSON.stringify(rows));
}

/** Everything the round trip must keep, read the same way from either database. */
export async function stateOf(strapi: Core.Strapi) {
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

export async function call(cms: TestCms, token: string, method: string, pathname: string, body?: unknown) {
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
export async function newsroom(cms: TestCms, coverId: number) {
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
export function smallSeed() {
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

/** Boots the source once for the file, puts the newsroom to work and backs it up. */
export function bootSource(): void {
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
}

/**
 * Uploads in S3-compatible object storage (UPLOAD_PROVIDER=s3), against a real S3-protocol
 * server on 127.0.0.1 (@campaign-desk/testing/object-storage): a picture and an evidence PDF
 * uploaded through the admin API are objects in the bucket, read anonymously from its public
 * address, and nothing is written to local disk; the snapshot carries the bucket's address; a
 * reader's photo goes there once adopted (never while it waits); the media library's guards (owner only, nothing a published
 * story shows replaced or deleted) hold, and a file removed is removed from the bucket;
 * `pnpm backup` carries the bucket's files, and a restore puts them into another bucket.
 * (The deployment suite, deploy/tests, publishes a story whose picture is in the bucket.)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startObjectStorage, type ObjectStorage } from '@campaign-desk/testing/object-storage';
import { snapshotPageSchema } from '@campaign-desk/shared';
import { PLUGIN_ID, UPLOAD_FILE_UID } from 'strapi-plugin-campaign-desk/names';
import { backUp, restore } from '../../scripts/lib/backup';
import { adminApi, type Session } from './support/admin-api';
import { fixtures } from './support/fixtures';
import { startCms, type TestCms } from './support/strapi';

let storage: ObjectStorage;
/** The bucket a backup is restored into. */
let restoredStorage: ObjectStorage | undefined;
let work: string;
let cms: TestCms;
let api: ReturnType<typeof adminApi>;
let reporter: Session;
let otherReporter: Session;

type Uploaded = { id: number; url: string; hash: string; ext: string; provider: string };
const keyOf = (file: Uploaded) => file.url.slice(storage.publicUrl.length + 1);

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'campaign-object-storage-'));
  storage = await startObjectStorage();
  cms = await startCms({ env: storage.env });
  api = adminApi(cms);
  reporter = await api.signUp('campaign-desk-reporter', '记者');
  otherReporter = await api.signUp('campaign-desk-reporter', '另一位记者');
});
afterAll(async () => {
  try {
    await cms?.destroy();
  } finally {
    // bootCms leaves its environment in process.env: the next suite in this worker keeps its uploads on disk.
    for (const name of Object.keys(storage?.env ?? {})) delete process.env[name];
    await Promise.all([storage?.stop(), restoredStorage?.stop()]);
    rmSync(work, { recursive: true, force: true });
  }
});

describe('uploads in object storage', () => {
  it('keeps a picture and an evidence PDF in the bucket, readable at its public address, and nothing on local disk', async () => {
    const picture = (await api.upload(reporter, 'bucket-picture')).body[0] as Uploaded;
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const evidence = (await api.upload(reporter, 'placement-evidence', undefined, { body: pdf, type: 'application/pdf', extension: 'pdf' }))
      .body[0] as Uploaded;
    for (const file of [picture, evidence]) {
      expect(file.provider).toBe('aws-s3');
      expect(file.url.startsWith(`${storage.publicUrl}/`)).toBe(true);
      expect(await storage.keys()).toContain(keyOf(file));
      expect(existsSync(path.join(cms.strapi.dirs.static.public, 'uploads', `${file.hash}${file.ext}`))).toBe(false);
    }
    const served = await fetch(picture.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(1);
    expect(Buffer.from(await (await fetch(evidence.url)).arrayBuffer()).toString('latin1')).toContain('%PDF-1.4');
  });

  it('carries the bucket’s address in the snapshot, and lets nobody replace or delete what a published story shows', async () => {
    const make = fixtures(cms.strapi);
    const token = await make.apiToken('read-only');
    const cover = (await api.upload(reporter, 'published-cover')).body[0] as Uploaded;
    const story = await make.story({ title: '封面在对象存储中', cover: cover.id });
    const snapshot = await fetch(`${cms.url}/api/campaign-desk/snapshot?limit=500`, { headers: { Authorization: `Bearer ${token}` } });
    const carried = snapshotPageSchema.parse(await snapshot.json()).records.find((record) => record.documentId === story.documentId);
    expect(carried?.type === 'story' && carried.cover?.url).toBe(cover.url);

    const before = Buffer.from(await (await fetch(cover.url)).arrayBuffer());
    const replaced = await api.upload(reporter, 'other-picture', cover.id);
    expect(replaced.status).toBe(403);
    expect(replaced.body.error.message).toContain('《封面在对象存储中》');
    expect((await api.call(reporter, 'DELETE', `/upload/files/${cover.id}`)).status).toBe(403);
    expect(Buffer.from(await (await fetch(cover.url)).arrayBuffer())).toEqual(before);
    expect(await storage.keys()).toContain(keyOf(cover));
  });

  it('lets only the uploader delete a file, and then it is gone from the bucket', async () => {
    const own = (await api.upload(reporter, 'draft-only')).body[0] as Uploaded;
    expect((await api.call(otherReporter, 'DELETE', `/upload/files/${own.id}`)).status).toBe(403);
    expect(await storage.keys()).toContain(keyOf(own));
    expect((await api.call(reporter, 'DELETE', `/upload/files/${own.id}`)).status).toBe(200);
    expect(await storage.keys()).not.toContain(keyOf(own));
    expect((await fetch(own.url)).status).toBe(404);
  });

  it('keeps a reader’s photo out of the bucket while it waits, and puts it there once adopted', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#1e6b2e' } })
      .jpeg()
      .toBuffer();
    const photos = cms.strapi.plugin(PLUGIN_ID).service('photos');
    const before = await storage.keys();
    const held = (await photos.hold(jpeg)) as { heldPhoto: string };
    expect(await storage.keys()).toEqual(before);
    const adopted = (await photos.adopt(held.heldPhoto, '读者照片')) as { id: number };
    const file = (await cms.strapi.db.query(UPLOAD_FILE_UID).findOne({ where: { id: adopted.id } })) as Uploaded;
    expect(file.url.startsWith(`${storage.publicUrl}/`)).toBe(true);
    expect((await fetch(file.url)).status).toBe(200);
    await photos.remove(adopted.id);
    expect(await storage.keys()).not.toContain(keyOf(file));
  });
});

describe('backups of a bucket', () => {
  it('carries every file of the bucket, and restores them into another bucket, byte for byte', async () => {
    type Kept = Uploaded & { formats: Record<string, { url: string }> | null };
    const files = (await cms.strapi.db.query(UPLOAD_FILE_UID).findMany({ orderBy: { id: 'asc' } })) as Kept[];
    expect(files.length).toBeGreaterThan(0);
    const bytesOf = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
    const before = await Promise.all(files.map((file) => bytesOf(file.url)));
    const key = randomBytes(24).toString('base64url');
    const archive = await backUp(cms.strapi, path.join(work, 'backup'), key);
    // Restored with the secrets of the instance that made it, into a new database and an empty bucket.
    const secrets = Object.fromEntries(
      ['APP_KEYS', 'ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY'].map((name) => [name, cms.env[name]!]),
    );
    await cms.destroy();
    restoredStorage = await startObjectStorage('campaign-desk-restored');
    cms = await startCms({ env: { ...secrets, ...restoredStorage.env } });
    await restore(cms.strapi, archive, key);

    const restored = (await cms.strapi.db.query(UPLOAD_FILE_UID).findMany({ orderBy: { id: 'asc' } })) as Kept[];
    expect(restored.map((file) => file.hash)).toEqual(files.map((file) => file.hash));
    for (const [n, file] of restored.entries()) {
      expect(file.url.startsWith(`${restoredStorage.publicUrl}/`), file.url).toBe(true);
      expect(await bytesOf(file.url)).toEqual(before[n]);
    }
  });
});

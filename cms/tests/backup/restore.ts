/** The backup of the source, and what a restore into a fresh database keeps. */
import { REVIEW_STAGES } from '@campaign-desk/shared';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin } from '@campaign-desk/testing/newsroom';
import { UID } from 'strapi-plugin-campaign-desk/names';
import { restore } from '../../../scripts/lib/backup';
import { paragraph } from '../support/fixtures';
import { startCms, type TestCms } from '../support/strapi';
import { BACKUP_KEY, CM, backup, before, call, people, secrets, siteToken, stateOf, targets, upload, work } from './source';

export function sourceAndRestores(): void {
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
      await expect(restore(cms.strapi, strapisOwn, BACKUP_KEY, { replace: true })).rejects.toThrow(
        /it is not a sealed Campaign Desk backup/,
      );
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
}

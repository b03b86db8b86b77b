/** One CMS taking readers' forms on its public route, and the newsroom that moderates them. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import type contactVault from '../../src/plugins/campaign-desk/server/src/participation/services/contact-vault';
import type proofService from '../../src/plugins/campaign-desk/server/src/participation/services/proof';
import type rateLimits from '../../src/plugins/campaign-desk/server/src/participation/services/rate-limits';
import { signUp, type Person as Session } from '@campaign-desk/testing/newsroom';
import { solve } from '@campaign-desk/testing/proof-of-work';
import { send, type Send } from '../support/participation';
import { startCms, type TestCms } from '../support/strapi';

export const SITE = 'http://site.example.test:4321';

export const LIMITS = {
  perAddress: { max: 4, windowMs: 600_000 },
  global: { max: 30, windowMs: 600_000 },
  withoutProofPerAddress: { max: 2, windowMs: 600_000 },
  withoutProofGlobal: { max: 3, windowMs: 600_000 },
  likesPerAddress: { max: 20, windowMs: 600_000 },
  likesGlobal: { max: 150, windowMs: 600_000 },
};

/** A 64×48 HEIC photo (as an iPhone saves them), made with libheif's heif-enc. */
export const HEIC =
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAaptZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHOAAEAAAAAAAAAGgACAAEAAAAAAAAAAQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADVaXBycAAAALNpcGNvAAAAc2h2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACdCAQEDcAAAAwCQAAADAAADAB6gIIEFlurkprmwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGltZwACAAEAAQAAACJtZGF0AAAAFigBrxmA70mlv//iAt/wWb+0rWmPm4A=';

export let cms: TestCms;

export let words: string;

export let editor: Session;

export let reporter: Session;

export let loopback = 10;

export const service = <T>(name: string) => cms.strapi.plugin(PLUGIN_ID).service(name) as T;

export const limits = () => service<ReturnType<typeof rateLimits>>('rate-limits');

export const vault = () => service<ReturnType<typeof contactVault>>('contact-vault');

export const base = () => `${cms.url}/api/campaign-desk/participation`;

/** A fresh loopback address, so one test's posts do not count against another's. */
export const nextAddress = () => `127.0.3.${(loopback += 1)}`;

export const suggestion = { topic: 'shifanqu', text: '建议在温泉新区增设夜间公交线路，方便游客和市民出行。', consent: 'on' };

export const deed = {
  doer: '通山县某村党员',
  place: 'tongshan',
  date: '2020-06-05',
  description: '冒雨帮助村民抢收晾晒的稻谷，没留姓名就走了。',
  consent: 'on',
};

export function post(form: string, options: Send) {
  return send(`${base()}/${form}`, { origin: SITE, from: options.from ?? nextAddress(), ...options });
}

export async function proof(): Promise<string> {
  return solve(await service<ReturnType<typeof proofService>>('proof').challenge());
}

export async function submissions(where: Record<string, unknown> = {}) {
  return (await cms.strapi.db.query(UID.submission).findMany({ where, populate: { photo: true }, orderBy: { id: 'asc' } })) as Array<
    Record<string, any>
  >;
}

/** Boots the CMS once for the file and signs up the moderators. */
export function bootPublicRoute(): void {
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'campaign-words-'));
    words = path.join(dir, 'words.txt');
    writeFileSync(words, '# 敏感词，一行一个\n违禁词\nBADWORD\n');
    cms = await startCms({
      env: {
        SITE_URL: SITE,
        CAMPAIGN_DESK_SENSITIVE_WORDS_FILE: words,
        CAMPAIGN_DESK_PARTICIPATION_LIMITS: JSON.stringify(LIMITS),
        // Cheap to solve: these tests are about the checks, not the cost.
        CAMPAIGN_DESK_PARTICIPATION_PROOF: JSON.stringify({ cost: 1, counterMin: 0, counterMax: 50 }),
      },
    });
    editor = await signUp(cms, 'campaign-desk-editor', '编辑');
    reporter = await signUp(cms, 'campaign-desk-reporter', '记者');
  });
  afterAll(async () => {
    await cms?.destroy();
    rmSync(path.dirname(words), { recursive: true, force: true });
  });
  beforeEach(() => limits().reset());
}

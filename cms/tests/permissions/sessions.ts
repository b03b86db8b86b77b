/** One CMS with a logged-in account of every role of the role matrix. */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  OUTBOX_READ_ACTION,
  OUTBOX_REDELIVER_ACTION,
  REVIEW_ACTIONS,
  UID,
  UPLOAD_FILE_UID,
  type CampaignContentKey,
  type ReviewAction,
} from 'strapi-plugin-campaign-desk/names';
import { roleMatrix, type Access } from '../../src/plugins/campaign-desk/server/src/newsroom/role-matrix';
import { adminApi, type Answer, type Session } from '../support/admin-api';
import { sampleRecords } from '../support/sample-records';
import { startCms, type TestCms } from '../support/strapi';

export const matrix = roleMatrix();

export let cms: TestCms;

export let api: ReturnType<typeof adminApi>;

export let records: ReturnType<typeof sampleRecords>;

export const sessions = new Map<string, Session>();

/** Where the body parser writes uploads while their request is read (UPLOAD_TMP_DIR). */
export let uploadsWaiting: string;

export type Outcome = 'done' | 'forbidden' | 'refused';

/** What an answer says: done, refused for want of a permission (403), or refused by a rule (400). */
export function outcomeOf({ status }: Answer): Outcome | `HTTP ${number}` {
  if (status >= 200 && status < 300) return 'done';
  return status === 403 ? 'forbidden' : status === 400 ? 'refused' : `HTTP ${status}`;
}

/** What the matrix expects of an action on a record that is the user's own, or someone else's. */
export function expected(access: Access, own: boolean): Outcome {
  if (access === 'fixed') return 'refused';
  return access === 'all' || (access === 'own' && own) ? 'done' : 'forbidden';
}

/** Collects every cell's expectation and answer, so one failure lists all that differ. */
export function ledger() {
  const differences: string[] = [];
  return {
    check(what: string, want: Outcome, answer: Answer) {
      const got = outcomeOf(answer);
      if (got !== want) differences.push(`${what}: expected ${want}, got ${got} ${JSON.stringify(answer.body?.error?.message ?? '')}`);
    },
    differences,
  };
}

export const CM = (type: CampaignContentKey) => `/content-manager/collection-types/${UID[type]}`;

export const sharedRecords = new Map<CampaignContentKey, Promise<{ documentId: string }>>();

/** One draft of `type` nobody in the matrix created (or, for a fixed type, one of the plan's). */
export function sharedRecord(type: CampaignContentKey, fixed: boolean): Promise<{ documentId: string }> {
  if (!sharedRecords.has(type)) {
    sharedRecords.set(
      type,
      fixed
        ? cms.strapi.db
            .query(UID[type])
            .findOne({})
            .then((row) => row as { documentId: string })
        : records.create(type),
    );
  }
  return sharedRecords.get(type)!;
}

export const reviewMoveOf = (id: string) => (Object.keys(REVIEW_ACTIONS) as ReviewAction[]).find((move) => REVIEW_ACTIONS[move].id === id);

/** Endpoints of the plugin actions that are not review moves; the others are checked by the permissions a user holds. */
export const PLUGIN_ENDPOINTS: Record<string, (session: Session) => Promise<Answer>> = {
  [OUTBOX_READ_ACTION.id]: (session) => api.call(session, 'GET', '/campaign-desk/outbox'),
  // A delivery given up on (no hook is configured here, so nothing delivers it meanwhile).
  [OUTBOX_REDELIVER_ACTION.id]: async (session) => {
    const failed = (await cms.strapi.db.query(UID.outboxDelivery).create({
      data: { eventId: randomUUID(), hook: 'matrix', status: 'failed', attempts: 3, nextAttemptAt: new Date(), queuedAt: new Date() },
    })) as { id: number };
    return api.call(session, 'POST', `/campaign-desk/outbox/deliveries/${failed.id}/redeliver`);
  },
};

/** Boots the CMS once for the file and signs up one account per role. */
export function bootWithEveryRole(): void {
  beforeAll(async () => {
    uploadsWaiting = await mkdtemp(path.join(tmpdir(), 'campaign-uploads-'));
    cms = await startCms({ env: { UPLOAD_TMP_DIR: uploadsWaiting } });
    api = adminApi(cms);
    records = sampleRecords(cms.strapi);
    for (const role of matrix.roles) sessions.set(role.code, await api.signUp(role.code, role.name));
  });
  afterAll(async () => {
    if (uploadsWaiting) await rm(uploadsWaiting, { recursive: true, force: true });
    if (!cms) return;
    try {
      // Uploads were written to the app's public/uploads: removed by code, which the media rules trust.
      const upload = cms.strapi.plugin('upload').service('upload');
      for (const file of await cms.strapi.db.query(UPLOAD_FILE_UID).findMany()) await upload.remove(file);
    } finally {
      await cms.destroy();
    }
  });
}

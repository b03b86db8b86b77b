/**
 * Who may do what, through the admin API as real accounts of every role (记者, 编辑, 主编 and
 * Super Admin): the role matrix, made from the roles table, walked cell by cell (every content
 * type × create, read, update, delete, publish; every review move; the outbox; the media
 * library), and the developers' table (docs/developer/roles.md) compared with the one the
 * matrix prints. Then the media library's rules no role escapes, and the roles of an older
 * database limited once.
 *
 * Content types and actions come from names.ts and the roles table: one added there is walked
 * here without a change to this file (records of any type come from tests/support/sample-records.ts).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  OUTBOX_READ_ACTION,
  OUTBOX_REDELIVER_ACTION,
  PLUGIN_ID,
  REVIEW_ACTIONS,
  UID,
  UPLOAD_ACTIONS,
  UPLOAD_FILE_UID,
  type CampaignContentKey,
  type ReviewAction,
} from 'strapi-plugin-campaign-desk/names';
import { REVIEW_MOVES } from '../src/plugins/campaign-desk/common/review-stages';
import { roleMatrix, roleTable, type Access, type MatrixRole } from '../src/plugins/campaign-desk/server/src/newsroom/role-matrix';
import { adminApi, type Answer, type Session } from './support/admin-api';
import { paragraph } from './support/fixtures';
import { ROLES_DOC, tableIn } from './support/roles-doc';
import { sampleRecords } from './support/sample-records';
import { startCms, type TestCms } from './support/strapi';

const matrix = roleMatrix();
let cms: TestCms;
let api: ReturnType<typeof adminApi>;
let records: ReturnType<typeof sampleRecords>;
const sessions = new Map<string, Session>();
/** Where the body parser writes uploads while their request is read (UPLOAD_TMP_DIR). */
let uploadsWaiting: string;

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

type Outcome = 'done' | 'forbidden' | 'refused';

/** What an answer says: done, refused for want of a permission (403), or refused by a rule (400). */
function outcomeOf({ status }: Answer): Outcome | `HTTP ${number}` {
  if (status >= 200 && status < 300) return 'done';
  return status === 403 ? 'forbidden' : status === 400 ? 'refused' : `HTTP ${status}`;
}

/** What the matrix expects of an action on a record that is the user's own, or someone else's. */
function expected(access: Access, own: boolean): Outcome {
  if (access === 'fixed') return 'refused';
  return access === 'all' || (access === 'own' && own) ? 'done' : 'forbidden';
}

/** Collects every cell's expectation and answer, so one failure lists all that differ. */
function ledger() {
  const differences: string[] = [];
  return {
    check(what: string, want: Outcome, answer: Answer) {
      const got = outcomeOf(answer);
      if (got !== want) differences.push(`${what}: expected ${want}, got ${got} ${JSON.stringify(answer.body?.error?.message ?? '')}`);
    },
    differences,
  };
}

const CM = (type: CampaignContentKey) => `/content-manager/collection-types/${UID[type]}`;

const sharedRecords = new Map<CampaignContentKey, Promise<{ documentId: string }>>();
/** One draft of `type` nobody in the matrix created (or, for a fixed type, one of the plan's). */
function sharedRecord(type: CampaignContentKey, fixed: boolean): Promise<{ documentId: string }> {
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
const reviewMoveOf = (id: string) => (Object.keys(REVIEW_ACTIONS) as ReviewAction[]).find((move) => REVIEW_ACTIONS[move].id === id);

/** Endpoints of the plugin actions that are not review moves; the others are checked by the permissions a user holds. */
const PLUGIN_ENDPOINTS: Record<string, (session: Session) => Promise<Answer>> = {
  [OUTBOX_READ_ACTION.id]: (session) => api.call(session, 'GET', '/campaign-desk/outbox'),
  // A delivery given up on (no hook is configured here, so nothing delivers it meanwhile).
  [OUTBOX_REDELIVER_ACTION.id]: async (session) => {
    const failed = (await cms.strapi.db.query(UID.outboxDelivery).create({
      data: { eventId: randomUUID(), hook: 'matrix', status: 'failed', attempts: 3, nextAttemptAt: new Date(), queuedAt: new Date() },
    })) as { id: number };
    return api.call(session, 'POST', `/campaign-desk/outbox/deliveries/${failed.id}/redeliver`);
  },
};

describe('docs/developer/roles.md', () => {
  it('shows the table the roles table makes (`pnpm docs:roles` writes it)', () => {
    expect(tableIn(readFileSync(ROLES_DOC, 'utf8'))).toBe(roleTable(matrix));
  });
});

describe.each(matrix.roles)('$name', (role: MatrixRole) => {
  const session = () => sessions.get(role.code)!;

  it('holds exactly the plugin and media library actions the table grants', async () => {
    const { body } = await api.call(session(), 'GET', '/admin/users/me/permissions');
    const held = body.data as Array<{ action: string; conditions: string[] }>;
    const holding = (action: string): Access => {
      const permission = held.find((candidate) => candidate.action === action);
      if (!permission) return 'none';
      return permission.conditions.includes('admin::is-creator') ? 'own' : 'all';
    };
    for (const { action, access } of matrix.plugin) {
      // A reporter's 送审 is the action itself; that it reaches only their own stories is the review service's rule.
      expect([action.id, holding(action.id)]).toEqual([action.id, access[role.code] === 'none' ? 'none' : 'all']);
    }
    for (const [verb, access] of Object.entries(matrix.media)) {
      const action = UPLOAD_ACTIONS[verb as keyof typeof UPLOAD_ACTIONS];
      expect([action, holding(action)]).toEqual([action, access[role.code]]);
    }
  });

  it.each(matrix.content)('on $type: create, read, update, delete and publish as the table grants', async ({ type, fixed, access }) => {
    const { check, differences } = ledger();
    const cell = (verb: keyof typeof access) => access[verb]![role.code]!;
    // Someone else's record, shared by the cells that leave it in place (reads, edits, refusals);
    // a cell expected to delete or publish gets a fresh one. Themes, activities and places are
    // only ever the plan's: an existing one stands in.
    const shared = await sharedRecord(type, fixed);
    const fresh = async (want: Outcome) => (want === 'done' && !fixed ? records.create(type) : shared);
    const targets = async (verb: keyof typeof access) =>
      [
        ['someone else’s', verb === 'delete' ? await fresh(expected(cell(verb), false)) : shared, false],
        ...(cell(verb) === 'own' ? [['their own', await records.create(type, { author: session().id }), true]] : []),
      ] as Array<[string, { documentId: string }, boolean]>;

    check('create', expected(cell('create'), false), await api.call(session(), 'POST', CM(type), await records.data(type, 'api')));
    for (const [whose, record, own] of await targets('read')) {
      check(`read ${whose}`, expected(cell('read'), own), await api.call(session(), 'GET', `${CM(type)}/${record.documentId}`));
    }
    for (const [whose, record, own] of await targets('update')) {
      const answer = await api.call(session(), 'PUT', `${CM(type)}/${record.documentId}`, records.edit(type));
      check(`update ${whose}`, expected(cell('update'), own), answer);
    }
    for (const [whose, record, own] of await targets('delete')) {
      check(`delete ${whose}`, expected(cell('delete'), own), await api.call(session(), 'DELETE', `${CM(type)}/${record.documentId}`));
    }
    if (access.publish) {
      const want = expected(cell('publish'), false);
      const draft = await fresh(want);
      if (type === 'story' && want === 'done')
        await cms.strapi.plugin(PLUGIN_ID).service('review').approveAsSystem(draft.documentId, '测试');
      const answer = await api.call(session(), 'POST', `${CM(type)}/${draft.documentId}/actions/publish`, {});
      check('publish', want, answer);
    }
    expect(differences).toEqual([]);
  });

  it('makes the review moves and the other plugin actions the table grants', async () => {
    const { check, differences } = ledger();
    for (const { action, access } of matrix.plugin) {
      const move = reviewMoveOf(action.id);
      const endpoint = PLUGIN_ENDPOINTS[action.id];
      if (endpoint) check(action.displayName, expected(access[role.code]!, false), await endpoint(session()));
      if (!move) continue;
      // A story waiting for this move, with no review of its version yet: nothing but the role decides.
      const stage = REVIEW_MOVES[move].from[0]!;
      const waiting = async (author?: number) => {
        const story = await records.create('story', { author });
        await cms.strapi.db.query(UID.story).updateMany({ where: { documentId: story.documentId }, data: { reviewStage: stage } });
        return story.documentId;
      };
      const make = async (documentId: string) =>
        api.call(session(), 'POST', `/campaign-desk/stories/${documentId}/review`, { action: move, stage, comment: '矩阵测试' });
      check(`${move} someone else’s story`, expected(access[role.code]!, false), await make(await waiting()));
      if (access[role.code] === 'own') check(`${move} their own story`, 'done', await make(await waiting(session().id)));
    }
    expect(differences).toEqual([]);
  });

  it('changes files in the media library as the table grants', async () => {
    const { check, differences } = ledger();
    const cell = (verb: keyof typeof matrix.media) => matrix.media[verb][role.code]!;
    // Someone else's file: uploaded by the account of another role.
    const other = [...sessions.entries()].find(([code]) => code !== role.code)![1];
    check('browse', expected(cell('read'), false), await api.call(session(), 'GET', '/upload/files'));
    const uploaded = await api.upload(session(), `own-${role.code}`);
    check('upload', expected(cell('create'), false), uploaded);
    for (const [whose, owner, own] of [
      ['someone else’s', other, false],
      ['their own', session(), true],
    ] as const) {
      const replaced = (await api.upload(owner, 'to-replace')).body[0] as { id: number };
      check(`replace ${whose}`, expected(cell('update'), own), await api.upload(session(), 'replacement', replaced.id));
      const deleted = (await api.upload(owner, 'to-delete')).body[0] as { id: number };
      check(`delete ${whose}`, expected(cell('update'), own), await api.call(session(), 'DELETE', `/upload/files/${deleted.id}`));
    }
    expect(differences).toEqual([]);
  });
});

describe('the media library', () => {
  const reporter = () => sessions.get('campaign-desk-reporter')!;
  const chief = () => sessions.get('campaign-desk-chief-editor')!;
  const uploadAs = async (session: Session, name: string) => (await api.upload(session, name)).body[0] as { id: number };
  const exists = async (id: number) => (await cms.strapi.db.query(UPLOAD_FILE_UID).count({ where: { id } })) === 1;

  it('refuses what a browser would run when opened from /uploads (HTML, SVG, a script); takes images and PDFs', async () => {
    const html = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>';
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>';
    for (const file of [
      { body: html, type: 'text/html', extension: 'html' },
      { body: svg, type: 'image/svg+xml', extension: 'svg' },
      { body: 'alert(1)', type: 'application/javascript', extension: 'js' },
    ]) {
      const refused = await api.upload(chief(), 'hostile', undefined, file);
      expect(refused.status, `${file.type} .${file.extension}`).toBeGreaterThanOrEqual(400);
    }
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    expect([200, 201]).toContain(
      (await api.upload(chief(), 'evidence', undefined, { body: pdf, type: 'application/pdf', extension: 'pdf' })).status,
    );
    expect([200, 201]).toContain((await api.upload(chief(), 'picture')).status);
  });

  it('lets nobody replace, delete or re-caption in place a file a published story shows, and says why', async () => {
    const cover = await uploadAs(reporter(), 'published-cover');
    const story = await records.create('story', { author: reporter().id });
    await cms.strapi
      .documents(UID.story)
      .update({ documentId: story.documentId, data: { title: '已发布稿件的封面', cover: cover.id } } as never);
    await cms.strapi.plugin(PLUGIN_ID).service('review').approveAsSystem(story.documentId, '测试');
    await cms.strapi.documents(UID.story).publish({ documentId: story.documentId } as never);

    for (const session of [reporter(), chief()]) {
      const replaced = await api.upload(session, 'other-picture', cover.id);
      expect(replaced.status).toBe(403);
      expect(replaced.body.error.message).toContain('已发布的稿件《已发布稿件的封面》');
      expect(replaced.body.error.message).toContain('请上传新文件');
      expect((await api.call(session, 'DELETE', `/upload/files/${cover.id}`)).status).toBe(403);
      const recaptioned = await api.call(session, 'PUT', `/upload/files/${cover.id}`, { fileInfo: { alternativeText: '另一段替代文字' } });
      expect(recaptioned.status).toBe(403);
    }
    // The refused replacements' uploads are not left waiting on disk (Strapi removes them only after a success).
    await vi.waitFor(async () => expect(await readdir(uploadsWaiting)).toEqual([]), { timeout: 2_000, interval: 50 });
    const kept = await cms.strapi.db.query(UPLOAD_FILE_UID).findOne({ where: { id: cover.id } });
    expect(kept).toMatchObject({ name: 'published-cover.png', alternativeText: null });
    // Renaming it changes nothing readers see (the media library sends its empty texts along).
    const renamed = await api.call(reporter(), 'PUT', `/upload/files/${cover.id}`, {
      fileInfo: { name: '封面.png', alternativeText: '', caption: '' },
    });
    expect(renamed.status).toBe(200);
  });

  it('guards a story approved for publishing, and an image inside a published body, the same way', async () => {
    const approvedCover = await uploadAs(reporter(), 'approved-cover');
    const approved = await records.create('story', { author: reporter().id });
    await cms.strapi
      .documents(UID.story)
      .update({ documentId: approved.documentId, data: { title: '待发布稿件', cover: approvedCover.id } } as never);
    await cms.strapi.plugin(PLUGIN_ID).service('review').approveAsSystem(approved.documentId, '测试');
    const refused = await api.upload(reporter(), 'other-picture', approvedCover.id);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('已终审待发布的稿件《待发布稿件》');

    const inline = await uploadAs(reporter(), 'inline-image');
    // An image block holds the file as the media library describes it.
    const image = await cms.strapi.db.query(UPLOAD_FILE_UID).findOne({ where: { id: inline.id } });
    const body = [...paragraph('正文'), { type: 'image', image, children: [{ type: 'text', text: '' }] }];
    await records.create('story', { author: reporter().id }).then(async ({ documentId }) => {
      await cms.strapi.documents(UID.story).update({ documentId, data: { title: '正文配图', body } } as never);
      await cms.strapi.plugin(PLUGIN_ID).service('review').approveAsSystem(documentId, '测试');
      await cms.strapi.documents(UID.story).publish({ documentId } as never);
    });
    const deleted = await api.call(reporter(), 'DELETE', `/upload/files/${inline.id}`);
    expect(deleted.status).toBe(403);
    expect(deleted.body.error.message).toContain('《正文配图》');
    expect(await exists(inline.id)).toBe(true);
  });

  it.each([
    ['first_passed', '初审通过'],
    ['second_passed', '复审通过'],
  ])('guards the cover of a story at %s: the picture a reviewer passed is the one published', async (stage, name) => {
    const cover = await uploadAs(reporter(), `cover-${stage}`);
    const story = await records.create('story', { author: reporter().id });
    await cms.strapi
      .documents(UID.story)
      .update({ documentId: story.documentId, data: { title: `${name}的稿件`, cover: cover.id } } as never);
    await cms.strapi.db.query(UID.story).updateMany({ where: { documentId: story.documentId }, data: { reviewStage: stage } });
    const refused = await api.upload(reporter(), 'swapped-picture', cover.id);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(`${name}的稿件《${name}的稿件》`);
    expect((await cms.strapi.db.query(UPLOAD_FILE_UID).findOne({ where: { id: cover.id } }))?.name).toBe(`cover-${stage}.png`);
  });

  it('lets the uploader replace a file only drafts show', async () => {
    const picture = await uploadAs(reporter(), 'draft-picture');
    const story = await records.create('story', { author: reporter().id });
    await cms.strapi.documents(UID.story).update({ documentId: story.documentId, data: { cover: picture.id } } as never);
    expect((await api.upload(reporter(), 'better-picture', picture.id)).status).toBe(200);
  });

  it('checks every file of a bulk or folder delete against the reporter’s own uploads, and deletes none if one is refused', async () => {
    const own = await uploadAs(reporter(), 'own-file');
    const foreign = await uploadAs(chief(), 'chief-file');
    const bulk = await api.call(reporter(), 'POST', '/upload/actions/bulk-delete', { fileIds: [own.id, foreign.id] });
    expect(bulk.status).toBe(403);
    expect(bulk.body.error.message).toContain('chief-file.png');
    expect([await exists(own.id), await exists(foreign.id)]).toEqual([true, true]);

    const folder = (await cms.strapi
      .plugin('upload')
      .service('folder')
      .create({ name: '主编的图片' }, { user: { id: chief().id } })) as { id: number };
    await cms.strapi.db
      .query(UPLOAD_FILE_UID)
      .update({ where: { id: foreign.id }, data: { folder: folder.id, folderPath: (folder as unknown as { path: string }).path } });
    const folderDelete = await api.call(reporter(), 'POST', '/upload/actions/bulk-delete', { folderIds: [folder.id] });
    expect(folderDelete.status).toBe(403);
    expect(await exists(foreign.id)).toBe(true);
    expect(await cms.strapi.db.query('plugin::upload.folder').count({ where: { id: folder.id } })).toBe(1);
  });
});

describe('the roles of a database from before a limit', () => {
  it('are limited once: a reporter’s changing of files becomes their own uploads only, and an administrator may widen it again', async () => {
    const permissions = cms.strapi.db.query('admin::permission');
    const reporter = (await cms.strapi.db.query('admin::role').findOne({ where: { code: 'campaign-desk-reporter' } })) as { id: number };
    const { id } = (await permissions.findOne({ where: { role: reporter.id, action: UPLOAD_ACTIONS.update } })) as { id: number };
    const conditions = async () => ((await permissions.findOne({ where: { id } })) as { conditions: string[] }).conditions;
    const setConditions = (value: string[]) => permissions.update({ where: { id }, data: { conditions: value } });
    const store = cms.strapi.store({ type: 'plugin', name: PLUGIN_ID });
    const roles = cms.strapi.plugin(PLUGIN_ID).service('roles');
    // As an older version left it: unlimited, and no record of limits applied.
    await setConditions([]);
    await store.delete({ key: 'ownLimits' });

    await roles.ensure();
    expect(await conditions()).toEqual(['admin::is-creator']);

    await setConditions([]);
    await roles.ensure();
    expect(await conditions()).toEqual([]);
    await setConditions(['admin::is-creator']);
  });
});

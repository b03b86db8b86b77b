import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLUGIN_ID, UID, UPLOAD_ACTIONS } from 'strapi-plugin-campaign-desk/names';
import { REVIEW_MOVES } from '../../src/plugins/campaign-desk/common/review-stages';
import { roleTable, type Access, type MatrixRole } from '../../src/plugins/campaign-desk/server/src/newsroom/role-matrix';
import { ROLES_DOC, tableIn } from '../support/roles-doc';
import {
  CM,
  type Outcome,
  PLUGIN_ENDPOINTS,
  api,
  cms,
  expected,
  ledger,
  matrix,
  records,
  reviewMoveOf,
  sessions,
  sharedRecord,
} from './sessions';

export function roleMatrix(): void {
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
}

/**
 * The newsroom's admin roles, created once (an administrator's later changes to them in
 * Settings → Roles are never overwritten), and the review actions they are granted.
 *
 * | role | stories | other campaign content | review |
 * | 记者 Reporter | create, read; edit and delete own (not once published) | good deeds and placements: create, read, edit own; the rest: read | submit own |
 * | 编辑 Editor | create, read, edit all | events, good deeds: + publish; figures, outlets, clauses: create, edit; placements: + delete; columns, opinions, taxonomy: edit | submit, first, second, return |
 * | 主编 Chief editor | everything incl. publish, unpublish, delete | everything | every move incl. final |
 */
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../record-types';
import { REVIEW_PERMISSIONS, type ReviewAction } from '../workflow';

type Verb = 'create' | 'read' | 'update' | 'delete' | 'publish';
/** A verb on a content type, “own” limiting it to records the user created. */
type Grant = Verb | `${Verb}:own`;

const ALL: Grant[] = ['create', 'read', 'update', 'delete', 'publish'];
const CONTENT = ['story', 'column', 'theme', 'activity', 'place', 'outlet', 'figure', 'good-deed', 'opinion', 'clause', 'event', 'placement'] as const;
type Content = (typeof CONTENT)[number];

interface RoleSpec {
  code: string;
  name: string;
  description: string;
  content: Partial<Record<Content, Grant[]>>;
  review: ReviewAction[];
  extra?: string[];
}

export const NEWSROOM_ROLES: RoleSpec[] = [
  {
    code: 'campaign-desk-reporter',
    name: '记者',
    description: '撰写稿件、修改自己的稿件并送审；不能发布、撤回或删除已发布的稿件。',
    content: {
      story: ['create', 'read', 'update:own', 'delete:own'],
      'good-deed': ['create', 'read', 'update:own'],
      placement: ['create', 'read', 'update:own'],
      ...Object.fromEntries(
        (['column', 'theme', 'activity', 'place', 'outlet', 'figure', 'opinion', 'clause', 'event'] as const).map((type) => [type, ['read']]),
      ),
    },
    review: ['submit'],
  },
  {
    code: 'campaign-desk-editor',
    name: '编辑',
    description: '阅改全部稿件，负责初审、复审或退回；不能发布稿件。',
    content: {
      story: ['create', 'read', 'update'],
      event: ['create', 'read', 'update', 'publish'],
      'good-deed': ['create', 'read', 'update', 'publish'],
      placement: ['create', 'read', 'update', 'delete'],
      figure: ['create', 'read', 'update'],
      outlet: ['create', 'read', 'update'],
      clause: ['create', 'read', 'update'],
      column: ['read', 'update'],
      opinion: ['read', 'update'],
      theme: ['read', 'update'],
      activity: ['read', 'update'],
      place: ['read', 'update'],
    },
    review: ['submit', 'first', 'second', 'return'],
  },
  {
    code: 'campaign-desk-chief-editor',
    name: '主编',
    description: '终审，发布和撤回稿件；管理全部专题内容。',
    content: Object.fromEntries(CONTENT.map((type) => [type, ALL])),
    review: ['submit', 'first', 'second', 'final', 'return'],
    extra: [`plugin::${PLUGIN_ID}.outbox.read`],
  },
];

const STORE_KEY = 'rolesCreated';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Creates the newsroom roles the first time the plugin starts; later starts leave them alone. */
  async ensure(): Promise<void> {
    const store = strapi.store({ type: 'plugin', name: PLUGIN_ID });
    if (await store.get({ key: STORE_KEY })) return;

    const roles = strapi.service('admin::role');
    // Plugins start before the admin, which creates Super Admin (and its Editor and Author)
    // only while no role exists at all: let it do so first, or the app would have none.
    await roles.createRolesIfNoneExist();
    const registered = new Set(
      (strapi.service('admin::permission').actionProvider.values() as Array<{ actionId: string }>).map((action) => action.actionId),
    );
    const actions = (strapi.service('admin::permission').actionProvider.values() as Array<{ section: string }>).filter(
      (action) => action.section === 'contentTypes',
    );
    // Content-manager permissions with every field, as Strapi builds them for its own roles.
    const withFields = strapi.service('admin::content-type').getPermissionsWithNestedFields(actions) as Array<{
      action: string;
      subject: string;
      properties: { fields?: string[] };
    }>;

    for (const spec of NEWSROOM_ROLES) {
      if (await roles.exists({ code: spec.code })) continue;
      const role = await roles.create({ name: spec.name, code: spec.code, description: spec.description });
      const permissions: Array<Record<string, unknown>> = [];
      for (const [type, grants] of Object.entries(spec.content) as Array<[Content, Grant[]]>) {
        const subject = `plugin::${PLUGIN_ID}.${type}`;
        for (const grant of grants) {
          const [verb, scope] = grant.split(':') as [Verb, 'own' | undefined];
          const action = `plugin::content-manager.explorer.${verb}`;
          const base = withFields.find((permission) => permission.action === action && permission.subject === subject);
          if (!base) continue;
          // The review stage is moved by review actions, never written through a form.
          const fields = base.properties.fields?.filter((field) => verb === 'read' || field !== 'reviewStage');
          permissions.push({
            action,
            subject,
            properties: fields ? { ...base.properties, fields } : base.properties,
            conditions: scope === 'own' ? ['admin::is-creator'] : [],
          });
        }
      }
      const uploads = ['plugin::upload.read', 'plugin::upload.assets.create', 'plugin::upload.assets.update', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];
      for (const action of [...uploads, ...spec.review.map((move) => REVIEW_PERMISSIONS[move]), ...(spec.extra ?? [])]) {
        if (registered.has(action)) permissions.push({ action, subject: null, properties: {}, conditions: [] });
      }
      // Plugins start before the admin registers its RBAC conditions, and the role service would
      // drop an unknown `admin::is-creator`; so the permissions are written as it writes them.
      await strapi.service('admin::permission').createMany(permissions.map((permission) => ({ ...permission, role: role.id })));
    }
    await store.set({ key: STORE_KEY, value: new Date().toISOString() });
  },

  /** Registers the review moves as RBAC actions, so Settings → Roles can grant them. */
  registerReviewActions(): Promise<void> {
    const moves: Array<[ReviewAction, string]> = [
      ['submit', '送审'],
      ['first', '初审'],
      ['second', '复审'],
      ['final', '终审'],
      ['return', '退回修改'],
    ];
    return strapi.service('admin::permission').actionProvider.registerMany(
      moves.map(([move, displayName]) => ({
        section: 'plugins',
        displayName,
        uid: REVIEW_PERMISSIONS[move].replace(`plugin::${PLUGIN_ID}.`, ''),
        pluginName: PLUGIN_ID,
        subCategory: '审稿',
      })),
    );
  },
});

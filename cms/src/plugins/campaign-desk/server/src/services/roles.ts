/**
 * The newsroom's admin roles, created once (an administrator's later changes to them in
 * Settings → Roles are never overwritten), and the plugin's own RBAC actions they are granted.
 *
 * | role | stories | other campaign content | coverage desk | plugin actions |
 * | 记者 Reporter | create, read; edit and delete own (not once published) | good deeds and placements: create, read, edit own; the rest: read | plans, staff: read; topics: read, edit | submit own |
 * | 编辑 Editor | create, read, edit all | events, good deeds: + publish; figures, outlets, clauses: create, edit; placements: + delete; columns, opinions, taxonomy: edit | plans, topics: everything; staff: read | submit, first, second, return; verify placements; statistics |
 * | 主编 Chief editor | everything incl. publish, unpublish, delete | everything | everything | every move incl. final; outbox, verify placements, statistics, partner tokens |
 */
import type { Core } from '@strapi/strapi';
import {
  CAMPAIGN_CONTENT_TYPES,
  EXPLORER_ACTIONS,
  OUTBOX_READ_ACTION,
  PARTNER_TOKENS_ACTION,
  PLACEMENT_VERIFY_ACTION,
  PLUGIN_ACTIONS,
  PLUGIN_ID,
  REVIEW_ACTIONS,
  STATISTICS_READ_ACTION,
  UID,
  UPLOAD_ACTIONS,
  type CampaignContentKey,
  type ReviewAction,
} from '../../../common/names';

type Verb = keyof typeof EXPLORER_ACTIONS;
/** A verb on a content type, “own” limiting it to records the user created. */
type Grant = Verb | `${Verb}:own`;

const ALL = Object.keys(EXPLORER_ACTIONS) as Verb[];

interface RoleSpec {
  code: string;
  name: string;
  description: string;
  content: Partial<Record<CampaignContentKey, Grant[]>>;
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
      goodDeed: ['create', 'read', 'update:own'],
      placement: ['create', 'read', 'update:own'],
      // Reporters move their topics along (采写中, 已成稿) and link the stories that fulfil them.
      topic: ['read', 'update'],
      ...Object.fromEntries(
        (['column', 'theme', 'activity', 'place', 'outlet', 'figure', 'opinion', 'clause', 'event', 'reportingPlan', 'staffMember'] as const).map(
          (type) => [type, ['read']],
        ),
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
      goodDeed: ['create', 'read', 'update', 'publish'],
      placement: ['create', 'read', 'update', 'delete'],
      figure: ['create', 'read', 'update'],
      outlet: ['create', 'read', 'update'],
      clause: ['create', 'read', 'update'],
      column: ['read', 'update'],
      opinion: ['read', 'update'],
      theme: ['read', 'update'],
      activity: ['read', 'update'],
      place: ['read', 'update'],
      reportingPlan: ['create', 'read', 'update', 'delete'],
      topic: ['create', 'read', 'update', 'delete'],
      staffMember: ['read'],
    },
    review: ['submit', 'first', 'second', 'return'],
    extra: [PLACEMENT_VERIFY_ACTION.id, STATISTICS_READ_ACTION.id],
  },
  {
    code: 'campaign-desk-chief-editor',
    name: '主编',
    description: '终审，发布和撤回稿件；管理全部专题内容。',
    content: Object.fromEntries(CAMPAIGN_CONTENT_TYPES.map((type) => [type, ALL])),
    review: ['submit', 'first', 'second', 'final', 'return'],
    extra: [OUTBOX_READ_ACTION.id, PLACEMENT_VERIFY_ACTION.id, STATISTICS_READ_ACTION.id, PARTNER_TOKENS_ACTION.id],
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
      for (const [type, grants] of Object.entries(spec.content) as Array<[CampaignContentKey, Grant[]]>) {
        const subject = UID[type];
        for (const grant of grants) {
          const [verb, scope] = grant.split(':') as [Verb, 'own' | undefined];
          const action = EXPLORER_ACTIONS[verb];
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
      for (const action of [...UPLOAD_ACTIONS, ...spec.review.map((move) => REVIEW_ACTIONS[move].id), ...(spec.extra ?? [])]) {
        if (registered.has(action)) permissions.push({ action, subject: null, properties: {}, conditions: [] });
      }
      // Plugins start before the admin registers its RBAC conditions, and the role service would
      // drop an unknown `admin::is-creator`; so the permissions are written as it writes them.
      await strapi.service('admin::permission').createMany(permissions.map((permission) => ({ ...permission, role: role.id })));
    }
    await store.set({ key: STORE_KEY, value: new Date().toISOString() });
  },

  /** Registers the plugin's RBAC actions (the review moves, the outbox, the coverage desk's), so Settings → Roles can grant them. */
  registerActions(): Promise<void> {
    return strapi.service('admin::permission').actionProvider.registerMany(
      PLUGIN_ACTIONS.map(({ uid, displayName, subCategory }) => ({
        section: 'plugins',
        displayName,
        uid,
        pluginName: PLUGIN_ID,
        subCategory,
      })),
    );
  },
});

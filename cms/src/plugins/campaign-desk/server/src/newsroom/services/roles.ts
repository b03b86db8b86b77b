/**
 * The newsroom's admin roles as a table (记者, 编辑, 主编), created once (an administrator's
 * later changes to them in Settings → Roles are never overwritten), and the plugin's own RBAC
 * actions they are granted. This table is the one source of who may do what: docs/developer/roles.md's
 * table and the role matrix test are made from it (`role-matrix.ts`).
 */
import type { Core } from '@strapi/strapi';
import {
  CAMPAIGN_CONTENT_TYPES,
  EXPLORER_ACTIONS,
  LECTURES_ACTION,
  LIVE_APPROVE_ACTION,
  MODERATE_ACTION,
  OUTBOX_READ_ACTION,
  OUTBOX_REDELIVER_ACTION,
  PARTNER_TOKENS_ACTION,
  PLACEMENT_VERIFY_ACTION,
  PLUGIN_ACTIONS,
  PLUGIN_ID,
  REVIEW_ACTIONS,
  STATISTICS_READ_ACTION,
  UID,
  UPLOAD_ACTIONS,
  type CampaignContentKey,
  type PluginAction,
  type ReviewAction,
} from '../../../../common/names';
import { defineService } from '../../utils';

export type Verb = keyof typeof EXPLORER_ACTIONS;
export type MediaVerb = keyof typeof UPLOAD_ACTIONS;
/** A verb, “own” limiting it to the records (or uploaded files) the user created. */
export type Grant<V extends string> = V | `${V}:own`;

const ALL = Object.keys(EXPLORER_ACTIONS) as Verb[];
const ALL_MEDIA = Object.keys(UPLOAD_ACTIONS) as MediaVerb[];

export interface RoleSpec {
  code: string;
  name: string;
  description: string;
  content: Partial<Record<CampaignContentKey, Grant<Verb>[]>>;
  /** The media library; `update` is editing, replacing and deleting files. */
  media: Grant<MediaVerb>[];
  review: ReviewAction[];
  /** The plugin's other actions. */
  extra?: Array<PluginAction['id']>;
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
      // Reporters at a meeting write a live's entries; a 值班编辑 approves them.
      liveEntry: ['create', 'read', 'update:own'],
      ...Object.fromEntries(
        (
          [
            'column',
            'theme',
            'activity',
            'place',
            'outlet',
            'figure',
            'opinion',
            'clause',
            'event',
            'suggestion',
            'reportingPlan',
            'staffMember',
            'live',
            'quiz',
            'quizQuestion',
            'lectureTopic',
          ] as const
        ).map((type) => [type, ['read']]),
      ),
    },
    // Reporters pick and upload images for their stories; changing or deleting a file is for its uploader.
    media: ['read', 'create', 'update:own', 'download', 'copyLink'],
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
      // Made by adopting a reader's suggestion; editors correct the reply or withdraw it.
      suggestion: ['read', 'update', 'publish'],
      // Editors run a live (its state) and are its 值班编辑.
      live: ['create', 'read', 'update', 'publish'],
      liveEntry: ['create', 'read', 'update', 'delete'],
      // 知识竞答: editors write the questions and run the quizzes.
      quiz: ['create', 'read', 'update', 'publish'],
      quizQuestion: ['create', 'read', 'update', 'delete'],
      // 宣讲点单: editors keep the 宣讲菜单 and, as the 宣传组, answer the units' bookings.
      lectureTopic: ['create', 'read', 'update', 'publish'],
    },
    media: ALL_MEDIA,
    review: ['submit', 'first', 'second', 'return'],
    extra: [PLACEMENT_VERIFY_ACTION.id, STATISTICS_READ_ACTION.id, MODERATE_ACTION.id, LIVE_APPROVE_ACTION.id, LECTURES_ACTION.id],
  },
  {
    code: 'campaign-desk-chief-editor',
    name: '主编',
    description: '终审，发布和撤回稿件；管理全部专题内容。',
    content: Object.fromEntries(CAMPAIGN_CONTENT_TYPES.map((type) => [type, ALL])),
    media: ALL_MEDIA,
    review: ['submit', 'first', 'second', 'final', 'return'],
    extra: [
      OUTBOX_READ_ACTION.id,
      OUTBOX_REDELIVER_ACTION.id,
      PLACEMENT_VERIFY_ACTION.id,
      STATISTICS_READ_ACTION.id,
      PARTNER_TOKENS_ACTION.id,
      MODERATE_ACTION.id,
      LIVE_APPROVE_ACTION.id,
      LECTURES_ACTION.id,
    ],
  },
];

/** A role's grant as a permission: the action, its subject (a content type, or none) and whether it is limited to the user's own. */
interface Permit {
  action: string;
  subject: string | null;
  own: boolean;
}

function permitsOf(spec: RoleSpec): Permit[] {
  const scoped = <V extends string>(grant: Grant<V>) => grant.split(':') as [V, 'own' | undefined];
  const content = (Object.entries(spec.content) as Array<[CampaignContentKey, Grant<Verb>[]]>).flatMap(([type, grants]) =>
    grants.map(scoped).map(([verb, scope]) => ({ action: EXPLORER_ACTIONS[verb], subject: UID[type] as string, own: scope === 'own' })),
  );
  const media = spec.media.map(scoped).map(([verb, scope]) => ({ action: UPLOAD_ACTIONS[verb], subject: null, own: scope === 'own' }));
  const plugin = [...spec.review.map((move) => REVIEW_ACTIONS[move].id), ...(spec.extra ?? [])].map((action) => ({
    action,
    subject: null,
    own: false,
  }));
  return [...content, ...media, ...plugin];
}

/** The `admin::is-creator` condition: what “own” means. */
const OWN = ['admin::is-creator'];

/** Marks that the roles were created; and which own-limits roles hold (see `limitToOwn`). */
const STORE_KEY = 'rolesCreated';
const OWN_LIMITS_KEY = 'ownLimits';

const limitKey = (spec: RoleSpec, permit: Permit) => `${spec.code} ${permit.action} ${permit.subject ?? ''}`;

export default defineService('roles', ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID });

  async function create(): Promise<void> {
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
      for (const { action, subject, own } of permitsOf(spec)) {
        const conditions = own ? OWN : [];
        if (subject === null) {
          if (registered.has(action)) permissions.push({ action, subject, properties: {}, conditions });
          continue;
        }
        // Publishing a type without Draft & Publish is no permission at all: none to grant.
        const base = withFields.find((permission) => permission.action === action && permission.subject === subject);
        if (!base) continue;
        // The review stage is moved by review actions, never written through a form.
        const fields = base.properties.fields?.filter((field) => action === EXPLORER_ACTIONS.read || field !== 'reviewStage');
        permissions.push({ action, subject, properties: fields ? { ...base.properties, fields } : base.properties, conditions });
      }
      // Plugins start before the admin registers its RBAC conditions, and the role service would
      // drop an unknown `admin::is-creator`; so the permissions are written as it writes them.
      await strapi.service('admin::permission').createMany(permissions.map((permission) => ({ ...permission, role: role.id })));
    }
  }

  return {
    /** Creates the newsroom roles the first time the plugin starts; later starts leave them alone. */
    async ensure(): Promise<void> {
      if (await store().get({ key: STORE_KEY })) return this.limitToOwn();
      await create();
      await store().set({ key: STORE_KEY, value: new Date().toISOString() });
      // Roles made from today's table hold every limit in it.
      const limits = NEWSROOM_ROLES.flatMap((spec) =>
        permitsOf(spec)
          .filter((permit) => permit.own)
          .map((permit) => limitKey(spec, permit)),
      );
      await store().set({ key: OWN_LIMITS_KEY, value: limits });
    },

    /**
     * A grant the table has come to limit to the user's own records (a reporter's changing
     * and deleting of files was once unlimited) is limited on roles created before, once: the
     * permission is given the is-creator condition where it still has none. An administrator
     * who widens it again afterwards is not overruled.
     */
    async limitToOwn(): Promise<void> {
      const applied = new Set(((await store().get({ key: OWN_LIMITS_KEY })) as string[] | null) ?? []);
      const pending = NEWSROOM_ROLES.flatMap((spec) =>
        permitsOf(spec)
          .filter((permit) => permit.own && !applied.has(limitKey(spec, permit)))
          .map((permit) => ({ spec, permit })),
      );
      if (pending.length === 0) return;
      const permissions = strapi.db.query('admin::permission');
      for (const { spec, permit } of pending) {
        const held = (await permissions.findMany({
          where: { role: { code: spec.code }, action: permit.action, subject: permit.subject },
        })) as Array<{ id: number; conditions: string[] | null }>;
        for (const permission of held.filter((row) => (row.conditions ?? []).length === 0)) {
          await permissions.update({ where: { id: permission.id }, data: { conditions: OWN } });
        }
        applied.add(limitKey(spec, permit));
      }
      await store().set({ key: OWN_LIMITS_KEY, value: [...applied] });
    },

    /** Registers the plugin's RBAC actions, so Settings → Roles can grant them. */
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
  };
});

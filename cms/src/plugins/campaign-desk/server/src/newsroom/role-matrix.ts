/**
 * Who may do what: the roles table (services/roles.ts beside it) and Super Admin, bounded by the
 * plugin's fixed rules, as one cell per role × content type × action, per role × media
 * library action and per role × plugin action. The table in docs/developer/roles.md is printed from it
 * (`roleTable`) and the role matrix test walks it through the admin API, so a content type
 * or action declared in names.ts and granted in the roles table appears in both.
 *
 * Pure: it reads the tables and the content types' schemas, never a database.
 */
import {
  CAMPAIGN_CONTENT_TYPES,
  CONTENT_TYPES,
  EXPLORER_ACTIONS,
  PLUGIN_ACTIONS,
  REVIEW_ACTIONS,
  SUPER_ADMIN_ROLE,
  UPLOAD_ACTIONS,
  type CampaignContentKey,
  type PluginAction,
  type ReviewAction,
} from '../../../common/names';
import { CHAINED_MOVES, moveScope } from '../../../common/review-stages';
import contentTypes from '../content-types';
import { NEWSROOM_ROLES, type Grant, type MediaVerb, type RoleSpec, type Verb } from './services/roles';
import { isTaxonomyType } from '../content/services/taxonomy';

/**
 * On any record (file, story); on those the user created only; not at all; or granted but
 * refused by a rule of the plugin for everyone (the plan fixes themes, activities and places).
 */
export type Access = 'all' | 'own' | 'none' | 'fixed';

export interface MatrixRole {
  code: string;
  name: string;
}

export interface ContentRow {
  type: CampaignContentKey;
  /** Themes, activities and places: nobody creates or deletes them. */
  fixed: boolean;
  /** The verbs the type has (publishing only under Draft & Publish), each role's access to each. */
  access: Partial<Record<Verb, Record<string, Access>>>;
}

export interface RoleMatrix {
  roles: MatrixRole[];
  content: ContentRow[];
  media: Record<MediaVerb, Record<string, Access>>;
  plugin: Array<{ action: PluginAction; access: Record<string, Access> }>;
}

const VERBS = Object.keys(EXPLORER_ACTIONS) as Verb[];
const MEDIA_VERBS = Object.keys(UPLOAD_ACTIONS) as MediaVerb[];
const REVIEW_MOVES = Object.keys(REVIEW_ACTIONS) as ReviewAction[];

/** Strapi's Super Admin holds every action, unconditioned. */
const SUPER_ADMIN: RoleSpec = {
  code: SUPER_ADMIN_ROLE,
  name: 'Super Admin',
  description: '',
  content: Object.fromEntries(CAMPAIGN_CONTENT_TYPES.map((type) => [type, VERBS])),
  media: MEDIA_VERBS,
  review: REVIEW_MOVES,
  extra: PLUGIN_ACTIONS.map((action) => action.id),
};

function accessOf<V extends string>(grants: readonly Grant<V>[] | undefined, verb: V): Access {
  if (grants?.includes(verb)) return 'all';
  return grants?.includes(`${verb}:own`) ? 'own' : 'none';
}

function draftAndPublish(type: CampaignContentKey): boolean {
  const { singularName } = CONTENT_TYPES[type].info;
  return Boolean(contentTypes[singularName as keyof typeof contentTypes].schema.options.draftAndPublish);
}

function pluginAccess(spec: RoleSpec, action: PluginAction): Access {
  const move = REVIEW_MOVES.find((key) => REVIEW_ACTIONS[key].id === action.id);
  if (move) {
    const scope = moveScope(move, (candidate) => spec.review.includes(candidate));
    return scope === 'any' ? 'all' : scope;
  }
  return spec.extra?.includes(action.id) ? 'all' : 'none';
}

export function roleMatrix(): RoleMatrix {
  const specs = [...NEWSROOM_ROLES, SUPER_ADMIN];
  const byRole = <T>(cell: (spec: RoleSpec) => T) => Object.fromEntries(specs.map((spec) => [spec.code, cell(spec)]));
  return {
    roles: specs.map(({ code, name }) => ({ code, name })),
    content: CAMPAIGN_CONTENT_TYPES.map((type) => {
      const fixed = isTaxonomyType(type);
      const verbs = VERBS.filter((verb) => verb !== 'publish' || draftAndPublish(type));
      return {
        type,
        fixed,
        access: Object.fromEntries(
          verbs.map((verb) => [
            verb,
            byRole((spec) => {
              const access = accessOf(spec.content[type], verb);
              return fixed && (verb === 'create' || verb === 'delete') && access !== 'none' ? 'fixed' : access;
            }),
          ]),
        ),
      };
    }),
    media: Object.fromEntries(MEDIA_VERBS.map((verb) => [verb, byRole((spec) => accessOf(spec.media, verb))])) as RoleMatrix['media'],
    plugin: PLUGIN_ACTIONS.map((action) => ({ action, access: byRole((spec) => pluginAccess(spec, action)) })),
  };
}

/** How the roles table in the docs names the media library's actions. */
const MEDIA_LABELS: Record<MediaVerb, string> = {
  read: 'browse',
  create: 'upload',
  update: 'edit/replace/delete',
  download: 'download',
  copyLink: 'copy link',
};

/** The review moves a per-outlet chain narrows further, and what their rows say of it. */
const CHAINED: ReadonlySet<string> = new Set(CHAINED_MOVES.map((move) => REVIEW_ACTIONS[move].id));
const CHAIN_NOTE = '（按媒体分设审稿链时：只限稿件所属媒体的审稿链）';

const list = (entries: Array<[string, Access]>) =>
  entries
    .filter(([, access]) => access === 'all' || access === 'own')
    .map(([label, access]) => (access === 'own' ? `${label} (own)` : label))
    .join(', ') || '—';

/** The matrix as docs/developer/roles.md's Markdown table: a row per content type, the media library and each plugin action. */
export function roleTable(matrix: RoleMatrix = roleMatrix()): string {
  const cells = (cell: (role: MatrixRole) => string) => matrix.roles.map(cell).join(' | ');
  const rows = [
    `| | ${cells((role) => role.name)} |`,
    `| --- | ${cells(() => '---')} |`,
    ...matrix.content.map(({ type, fixed, access }) => {
      const label = `${CONTENT_TYPES[type].info.displayName} ${type}${fixed ? ' ¹' : ''}`;
      return `| ${label} | ${cells((role) => list(Object.entries(access).map(([verb, byRole]) => [verb, byRole[role.code]!])))} |`;
    }),
    `| 媒体库 media library ² | ${cells((role) => list(MEDIA_VERBS.map((verb) => [MEDIA_LABELS[verb], matrix.media[verb][role.code]!])))} |`,
    ...matrix.plugin.map(({ action, access }) => {
      const cell = (code: string) => ({ all: 'yes', own: 'own stories', none: '—', fixed: '—' })[access[code]!];
      return `| ${action.subCategory}：${action.displayName}${CHAINED.has(action.id) ? CHAIN_NOTE : ''} | ${cells((role) => cell(role.code))} |`;
    }),
  ];
  return rows.join('\n');
}

/**
 * What the document-service rules ask about an action, answered once: which action it is (the
 * table of every action), its params, what it writes, what it does to the public version of a
 * document, which document it acted on. All pure; who is behind it is request-context.ts's to say.
 */
import type { Modules } from '@strapi/strapi';
import type { Operation } from '../publication/services/journal';

export type Middleware = Modules.Documents.Middleware.Middleware;
export type Context = Modules.Documents.Middleware.Context;

/** The params of the actions the rules look at (create, update, publish, unpublish, delete). */
export type Params = { documentId?: string; status?: string; data?: Record<string, unknown> };

/** Strapi types each action's params apart; the rules read the few they share. */
export function paramsOf(context: Context): Params {
  return context.params as Params;
}

/**
 * Every action Strapi's Document Service (5.54) runs, and what it does: the rules are judged
 * against this table, and an action it does not name is refused on the plugin's types
 * (tests/document-actions.test.ts fails when the installed Strapi offers one more).
 */
export const ACTIONS = {
  findOne: 'read',
  findFirst: 'read',
  findMany: 'read',
  count: 'read',
  create: 'write',
  update: 'write',
  delete: 'write',
  publish: 'write',
  unpublish: 'write',
  discardDraft: 'write',
  /** Run as a create of the copied data, or refused (clone-as-create.ts): no rule covers it itself. */
  clone: 'write',
} as const;

export type Action = keyof typeof ACTIONS;

export function isAction(action: string): action is Action {
  return Object.hasOwn(ACTIONS, action);
}

/** Every action that writes, but clone (which becomes a create). */
export const WRITES = ['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft'] as const satisfies readonly Action[];

/** A rule and the actions it covers: it runs for those, never for the others. */
export interface Rule {
  name: string;
  covers: readonly Action[];
  run: Middleware;
}

export function rule(name: string, covers: readonly Action[], run: Middleware): Rule {
  return { name, covers, run };
}

/** What a create or an update writes, and to which document (none yet for a create). */
export function editOf(action: string, params: Params): { data: Record<string, unknown>; documentId?: string } | null {
  if ((action !== 'create' && action !== 'update') || !params.data) return null;
  return { data: params.data, documentId: action === 'update' ? params.documentId : undefined };
}

/** Under Draft & Publish: whether the action makes the draft public (`status: 'published'` saves and publishes). */
export function publishes(action: string, params: Params): boolean {
  return action === 'publish' || ((action === 'create' || action === 'update') && params.status === 'published');
}

/** What an action does to the public version of a document, if anything. */
export function effectOf(action: string, params: Params, draftAndPublish: boolean): Operation | null {
  if (action === 'delete' || (draftAndPublish && action === 'unpublish')) return 'withdraw';
  if (draftAndPublish) return publishes(action, params) ? 'upsert' : null;
  // Without Draft & Publish a saved record is public at once.
  return action === 'create' || action === 'update' ? 'upsert' : null;
}

/** The document an action acted on: named in its params, or (a create) in its result. */
export function documentIdOf(params: Params, result: unknown): string | undefined {
  if (params.documentId) return params.documentId;
  return result && typeof result === 'object' && 'documentId' in result ? String(result.documentId) : undefined;
}

/**
 * Whether a write sets a relation to something: a documentId, an id, `{ documentId }`, a list,
 * or the admin's `{ connect, set }` with an entry. An empty `{ connect: [], disconnect: [] }`
 * (what the admin sends for a relation left alone) sets nothing.
 */
export function setsRelation(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && ('connect' in value || 'set' in value || 'disconnect' in value)) {
    const { connect = [], set = [] } = value as { connect?: unknown[]; set?: unknown[] };
    return connect.length > 0 || set.length > 0;
  }
  return true;
}

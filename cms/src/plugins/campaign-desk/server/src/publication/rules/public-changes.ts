/**
 * The public records an action changed, passed from the rules that know to the rules that act
 * on them. The rules that know declare a change once the action has run (a record published,
 * updated or withdrawn; the opinions a clause change touched); the rules that act (contract
 * check, journal, outbox), registered outside them, go through the list when their own
 * `next()` returns, still inside the action's transaction. Strapi hands one context object
 * through every middleware of a call, so the list is kept per context and goes with it.
 */
import type { Core } from '@strapi/strapi';
import type { RecordType } from '@campaign-desk/shared';
import { publicUrl } from '../../config/read';
import recordReader, { type ShapedRecord } from '../services/record-reader';
import { getService } from '../../utils';
import { writesCampaignContent, type Context, type Middleware } from '../../document-service/actions';

export type PublicChange =
  /** `record` is the public version now: what the contract check judges and the outbox announces. */
  | { effect: 'upsert'; type: RecordType; documentId: string; record: ShapedRecord }
  | { effect: 'withdraw'; type: RecordType; documentId: string; event: 'unpublish' | 'delete' };

const declared = new WeakMap<Context, PublicChange[]>();

export function declareChange(context: Context, change: PublicChange): void {
  declared.set(context, [...changesOf(context), change]);
}

function changesOf(context: Context): readonly PublicChange[] {
  return declared.get(context) ?? [];
}

/**
 * A rule that acts on each public change of a write to campaign content, once the write has
 * run: in its transaction (the first such rule opens it, the others join), so the write and
 * what the rules do about it commit or roll back together.
 */
export function forEachPublicChange(strapi: Core.Strapi, act: (change: PublicChange) => Promise<void> | void): Middleware {
  return async (context, next) => {
    if (!writesCampaignContent(context.uid, context.action)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      for (const change of changesOf(context)) await act(change);
      return result;
    });
  };
}

/** A document whose public version changed, with that version; none when nothing of it is public. */
export async function upsertOf(strapi: Core.Strapi, type: RecordType, documentId: string): Promise<PublicChange | null> {
  const [record] = (await getService(strapi, recordReader).read(type, publicUrl(strapi), { documentIds: [documentId] })).records;
  return record ? { effect: 'upsert', type, documentId, record } : null;
}

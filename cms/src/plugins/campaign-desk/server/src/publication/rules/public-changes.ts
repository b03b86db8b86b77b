/**
 * What a write changed of what the public sees, worked out once the write has run: a record
 * published, saved while public (no Draft & Publish), unpublished or deleted. The pipeline hands
 * the list to its stages in turn (contract check, journal, outbox), in the write's transaction.
 *
 * What the public was told decides what is withdrawn: a record that stops being public
 * without being unpublished (a placement whose verification is taken back) is withdrawn,
 * and deleting one the public never saw (a pitched placement, a draft) announces nothing.
 */
import type { Core } from '@strapi/strapi';
import type { RecordType } from '@campaign-desk/shared';
import { publicUrl } from '../../config/read';
import { recordTypeOf } from '../../record-types';
import { getService } from '../../utils';
import { documentIdOf, effectOf, paramsOf, type Context } from '../../document-service/actions';
import journal from '../services/journal';
import recordReader, { type ShapedRecord } from '../services/record-reader';

export type PublicChange =
  /** `record` is the public version now: what the contract check judges and the outbox announces. */
  | { effect: 'upsert'; type: RecordType; documentId: string; record: ShapedRecord }
  | { effect: 'withdraw'; type: RecordType; documentId: string; event: 'unpublish' | 'delete' };

export default (strapi: Core.Strapi) => {
  /** A document whose public version changed, with that version; none when nothing of it is public. */
  async function upsertOf(type: RecordType, documentId: string): Promise<PublicChange | null> {
    const [record] = (await getService(strapi, recordReader).read(type, publicUrl(strapi), { documentIds: [documentId] })).records;
    return record ? { effect: 'upsert', type, documentId, record } : null;
  }

  async function withdrawal(type: RecordType, documentId: string, event: 'unpublish' | 'delete'): Promise<PublicChange | null> {
    const wasPublic = await getService(strapi, journal).isPublic(type, documentId);
    return wasPublic ? { effect: 'withdraw', type, documentId, event } : null;
  }

  /** The public changes of one write, given what it returned. */
  return async (context: Context, result: unknown): Promise<PublicChange[]> => {
    const type = recordTypeOf(context.uid);
    const params = paramsOf(context);
    const effect = type && effectOf(context.action, params, Boolean(context.contentType.options?.draftAndPublish));
    const documentId = effect ? documentIdOf(params, result) : undefined;
    if (!type || !effect || !documentId) return [];
    const change =
      effect === 'upsert'
        ? ((await upsertOf(type, documentId)) ?? (await withdrawal(type, documentId, 'unpublish')))
        : await withdrawal(type, documentId, context.action === 'delete' ? 'delete' : 'unpublish');
    return change ? [change] : [];
  };
};

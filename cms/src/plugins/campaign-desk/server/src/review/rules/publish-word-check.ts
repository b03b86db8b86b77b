/**
 * At publish the word check runs again on the draft: a story is published with words of the
 * list only if its 终审 acknowledged each of them (the list may have grown since). Inside the
 * publish's transaction, the draft row locked by publishOnlyApproved, so the text checked is
 * the text published.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import type { WordHit } from '../../../../common/review-api';
import { NEW_VERSION_ACTIONS } from '../../../../common/review-stages';
import { paramsOf, publishes } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';
import { getService } from '../../utils';
import wordCheck, { describeHits, unacknowledged } from '../services/word-check';

export default (strapi: Core.Strapi): Step =>
  step('publishWordCheck', ['create', 'update', 'publish'], async (context) => {
    const params = paramsOf(context);
    if (context.uid !== UID.story || !publishes(context.action, params) || !params.documentId) return;
    const hits = await getService(strapi, wordCheck).hitsOf(params.documentId);
    if (hits.length === 0) return;
    const log = (await strapi.db.query(UID.reviewEntry).findMany({
      where: { storyId: params.documentId },
      select: ['action', 'wordHits', 'acknowledgement'],
      orderBy: { id: 'asc' },
    })) as Array<{ action: string; wordHits: WordHit[] | null; acknowledgement: string | null }>;
    const version = log.slice(log.findLastIndex((entry) => NEW_VERSION_ACTIONS.has(entry.action)) + 1);
    const final = version.findLast((entry) => entry.action === 'final');
    const missing = final?.acknowledgement ? unacknowledged(hits, final.wordHits ?? []) : hits.flatMap((hit) => hit.words);
    if (missing.length > 0) {
      throw new errors.ValidationError(
        `稿件含终审未说明的敏感词（${describeHits(hits)}；未说明：${[...new Set(missing)].join('、')}），不能发布；请退回后重新审核`,
      );
    }
  });

/**
 * 自上次通过以来的修改: each review that passes a story keeps the text it passed; once an edit
 * or a return has made a new version, the 审稿 panel shows what changed since (../text-diff.ts).
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import type { ChangesSincePass, TextBlock } from '../../../../common/review-api';
import { NEW_VERSION_ACTIONS, isReview } from '../../../../common/review-stages';
import { defineService } from '../../utils';
import { textBlocks, textChanges, type StoryText } from '../text-diff';

/** What the rule reads of a log entry. */
export interface PassEntry {
  action: string;
  actorName: string;
  createdAt: string | Date;
  passedText?: TextBlock[] | null;
}

export default defineService('review-changes', ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The draft's text now, as a reviewer passes it. */
  async textOf(documentId: string): Promise<TextBlock[]> {
    const draft = (await strapi.db.query(UID.story).findOne({
      where: { documentId, publishedAt: null },
      select: ['title', 'subtitle', 'summary', 'bylines', 'coverCaption', 'coverCredit', 'body'],
    })) as StoryText | null;
    return draft ? textBlocks(draft) : [];
  },

  /** The changes since the last pass, when a new version began after it; else null. */
  async sincePass(documentId: string, log: PassEntry[]): Promise<ChangesSincePass | null> {
    const index = log.findLastIndex((entry) => isReview(entry.action) && Array.isArray(entry.passedText));
    if (index < 0 || !log.slice(index + 1).some((entry) => NEW_VERSION_ACTIONS.has(entry.action))) return null;
    const pass = log[index]!;
    return {
      review: pass.action as ChangesSincePass['review'],
      passedBy: pass.actorName,
      passedAt: new Date(pass.createdAt).toISOString(),
      changes: textChanges(pass.passedText!, await this.textOf(documentId)),
    };
  },
}));

/**
 * 网友提问: a reader's question to a live on air that takes questions, kept for the 值班编辑,
 * who declines it or answers it. The answer is an entry like any other (waiting for approval),
 * carrying the question and the nickname it was asked under; the question is claimed before
 * the entry is written, so two editors never answer it twice.
 */
import type { LiveQuestionState } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import type { LiveQuestionItem } from '../../../../common/live-api';
import { nameOf } from '../../newsroom/services/people';
import sensitiveWords from '../../participation/services/sensitive-words';
import type { AdminUser } from '../../request-context';
import { defineService, getService } from '../../utils';

/** The live as readers see it (its published version), when it takes questions now. */
export type AskedLive = { documentId: string; title: string; state: string; questions: boolean };

interface QuestionRow {
  documentId: string;
  text: string;
  nickname: string | null;
  state: LiveQuestionState;
  flags: string[] | null;
  createdAt: string | Date;
  live: { documentId: string } | null;
}

export default defineService('live-questions', ({ strapi }: { strapi: Core.Strapi }) => {
  const questions = () => strapi.db.query(UID.liveQuestion);

  /** Marks a waiting question decided; false when someone else decided it first. */
  async function claim(documentId: string, state: LiveQuestionState, user: AdminUser): Promise<QuestionRow> {
    const row = (await questions().findOne({
      where: { documentId },
      populate: { live: { select: ['documentId'] } },
    })) as QuestionRow | null;
    if (!row) throw new errors.NotFoundError(`没有找到网友提问 ${documentId}`);
    const { count } = await questions().updateMany({
      where: { documentId, state: 'asked' },
      data: { state, decidedByName: nameOf(user) },
    });
    if (count === 0) throw new errors.ApplicationError('这条网友提问已经有人处理过了');
    return row;
  }

  return {
    /** The published live of this slug (null: none). */
    async live(slug: string): Promise<AskedLive | null> {
      return (await strapi.db.query(UID.live).findOne({
        where: { slug, publishedAt: { $notNull: true } },
        select: ['documentId', 'title', 'state', 'questions'],
      })) as AskedLive | null;
    },

    /** Keeps a reader's question, the sensitive words it holds flagged for the 值班编辑. */
    async ask(live: AskedLive, text: string, nickname: string | null): Promise<void> {
      const flags = getService(strapi, sensitiveWords).find([text, nickname]);
      await strapi.documents(UID.liveQuestion).create({ data: { live: live.documentId, text, nickname, flags } as never });
    },

    /** The questions waiting on a live, oldest first (at most 100 at a time). */
    async waiting(liveId: string): Promise<LiveQuestionItem[]> {
      const rows = (await questions().findMany({
        where: { live: { documentId: liveId }, state: 'asked' },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        limit: 100,
      })) as QuestionRow[];
      return rows.map((row) => ({
        documentId: row.documentId,
        text: row.text,
        nickname: row.nickname ?? null,
        flags: Array.isArray(row.flags) ? row.flags : [],
        createdAt: new Date(row.createdAt).toISOString(),
      }));
    },

    async decline(documentId: string, user: AdminUser): Promise<void> {
      await claim(documentId, 'not_taken', user);
    },

    /** The answer, as a new entry of the live waiting for approval like any other; the question is the entry's. */
    async answer(documentId: string, text: string, user: AdminUser): Promise<string> {
      const question = await claim(documentId, 'answered', user);
      try {
        const entry = (await strapi.documents(UID.liveEntry).create({
          data: {
            live: question.live?.documentId ?? null,
            kind: 'entry_text',
            text,
            questionText: question.text,
            questionAsker: question.nickname ?? null,
            createdBy: user.id,
            updatedBy: user.id,
          } as never,
        })) as { documentId: string };
        await questions().updateMany({ where: { documentId }, data: { entryId: entry.documentId } });
        return entry.documentId;
      } catch (error) {
        // The answer was refused (its text, the live): the question waits again.
        await questions().updateMany({ where: { documentId }, data: { state: 'asked', decidedByName: null } });
        throw error;
      }
    },
  };
});

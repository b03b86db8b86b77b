/**
 * The 图文直播 page's work: the lives and their entries, a new entry (waiting for a 值班编辑),
 * an approval, the live's state, and the 综述 story drafted from the entries when it ends.
 * Everything is written through the Document Service, so the live's rules (rules/) and the
 * publication pipeline judge it as they judge the content manager.
 */
import { type LiveEntryState, type LiveState, formatChineseDateTime } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LIVE_APPROVE_ACTION, UID } from '../../../../common/names';
import type { EntryInput, LiveDesk, LiveEntryItem, LiveSummary, Roundup } from '../../../../common/live-api';
import { pluginConfig } from '../../config/read';
import people from '../../newsroom/services/people';
import liveQuestions from './live-questions';
import type { AdminUser } from '../../request-context';
import { defineService, getService } from '../../utils';

interface LiveRow {
  id: number;
  documentId: string;
  title: string;
  state: LiveState;
  questions: boolean | null;
  event: { documentId: string; title: string } | null;
}

interface EntryRow {
  documentId: string;
  kind: LiveEntryItem['kind'];
  text: string;
  videoUrl: string | null;
  speaker: string | null;
  photo: { url: string } | null;
  pinned: boolean | null;
  correction: boolean | null;
  questionText: string | null;
  questionAsker: string | null;
  state: LiveEntryState;
  writerId: number | null;
  writerName: string | null;
  approvedByName: string | null;
  createdAt: string | Date;
  postedAt: string | Date | null;
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

export default defineService('live-desk', ({ strapi }: { strapi: Core.Strapi }) => {
  const lives = () => strapi.db.query(UID.live);
  const entries = () => strapi.db.query(UID.liveEntry);

  async function draftOf(documentId: string): Promise<LiveRow> {
    const row = (await lives().findOne({
      where: { documentId, publishedAt: null },
      populate: { event: { select: ['documentId', 'title'] } },
    })) as LiveRow | null;
    if (!row) throw new errors.NotFoundError(`没有找到图文直播 ${documentId}`);
    return row;
  }

  async function summaryOf(row: LiveRow): Promise<LiveSummary> {
    const count = (state: LiveEntryState) => entries().count({ where: { live: { documentId: row.documentId }, state } });
    const published = await lives().count({ where: { documentId: row.documentId, publishedAt: { $notNull: true } } });
    return {
      documentId: row.documentId,
      title: row.title,
      state: row.state,
      published: published > 0,
      event: row.event?.title ?? null,
      awaiting: await count('awaiting'),
      cleared: await count('cleared'),
      questions: Boolean(row.questions),
    };
  }

  /** The live's entries, newest first (approved ones by when they went up). */
  async function entriesOf(documentId: string): Promise<EntryRow[]> {
    const rows = (await entries().findMany({
      where: { live: { documentId } },
      populate: { photo: { select: ['url'] } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    })) as EntryRow[];
    return rows;
  }

  return {
    async list(): Promise<LiveSummary[]> {
      const rows = (await lives().findMany({
        where: { publishedAt: null },
        populate: { event: { select: ['documentId', 'title'] } },
        orderBy: { id: 'desc' },
      })) as LiveRow[];
      return Promise.all(rows.map(summaryOf));
    },

    async desk(documentId: string, user: AdminUser): Promise<LiveDesk> {
      const live = await draftOf(documentId);
      const approver = await getService(strapi, people).may(user, LIVE_APPROVE_ACTION.id);
      const selfApproval = pluginConfig(strapi).live.selfApproval;
      return {
        live: await summaryOf(live),
        approver,
        questions: approver ? await getService(strapi, liveQuestions).waiting(documentId) : [],
        entries: (await entriesOf(documentId)).map((row) => ({
          documentId: row.documentId,
          kind: row.kind,
          text: row.text,
          videoUrl: row.videoUrl ?? null,
          speaker: row.speaker ?? null,
          photoUrl: row.photo?.url ?? null,
          pinned: Boolean(row.pinned),
          correction: Boolean(row.correction),
          state: row.state,
          writer: row.writerName ?? null,
          approver: row.approvedByName ?? null,
          createdAt: iso(row.createdAt)!,
          postedAt: iso(row.postedAt),
          question: row.questionText ? { text: row.questionText, asker: row.questionAsker ?? null } : null,
          approvable: approver && row.state === 'awaiting' && (selfApproval || row.writerId !== user.id),
        })),
      };
    },

    /** A new entry of the live, waiting for a 值班编辑; its creator is the writer, as in the content manager (“own” entries). */
    async write(documentId: string, input: EntryInput, user: AdminUser): Promise<string> {
      await draftOf(documentId);
      const created = (await strapi.documents(UID.liveEntry).create({
        data: { ...input, live: documentId, createdBy: user.id, updatedBy: user.id } as never,
      })) as { documentId: string };
      return created.documentId;
    },

    async approve(entryId: string): Promise<void> {
      const exists = await entries().count({ where: { documentId: entryId } });
      if (!exists) throw new errors.NotFoundError(`没有找到直播条目 ${entryId}`);
      await strapi.documents(UID.liveEntry).update({ documentId: entryId, data: { state: 'cleared' } as never });
    },

    /** Moves the live on and publishes it, so readers see the state at once. */
    async setState(documentId: string, state: LiveState): Promise<void> {
      await draftOf(documentId);
      await strapi.documents(UID.live).update({ documentId, data: { state } as never });
      await strapi.documents(UID.live).publish({ documentId });
    },

    /**
     * A draft 综述 story made of the live's approved entries, oldest first, by whoever asks:
     * it goes through 三审 like any story they wrote.
     */
    async roundup(documentId: string, user: AdminUser): Promise<Roundup> {
      const live = await draftOf(documentId);
      if (live.state !== 'ended') throw new errors.ValidationError(`图文直播“${live.title}”还没有结束，结束后才能生成综述稿`);
      const approved = (await entriesOf(documentId)).filter((row) => row.state === 'cleared').reverse();
      if (approved.length === 0) throw new errors.ValidationError(`图文直播“${live.title}”没有已审核的条目，无法生成综述稿`);
      const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
      const body = approved.flatMap((row) => {
        const said = row.speaker ? `${row.speaker}：“${row.text}”` : row.text;
        const time = row.postedAt ? `（${formatChineseDateTime(new Date(row.postedAt)).split(' ')[1]}）` : '';
        return said
          .split(/\n+/)
          .filter((line) => line.trim() !== '')
          .map((line, index) => paragraph(`${index === 0 ? time : ''}${row.correction && index === 0 ? '【更正】' : ''}${line}`));
      });
      const title = `${live.title}综述`.slice(0, 200);
      const created = (await strapi.documents(UID.story).create({
        data: {
          title,
          kind: 'roundup',
          summary: `据图文直播“${live.title}”整理，共 ${approved.length} 条。`.slice(0, 500),
          body,
          event: live.event?.documentId ?? null,
          createdBy: user.id,
          updatedBy: user.id,
        } as never,
      })) as { documentId: string };
      return { storyId: created.documentId, title };
    },
  };
});

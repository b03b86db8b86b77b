/**
 * The newsroom's side of public participation (群众来稿): the queue by status, and the one
 * step a pending submission takes: adopted (a suggestion published with the newsroom's reply,
 * a good deed published into the relay marked as reported by the public), not adopted (with
 * the reason), or turned into a draft story prefilled from it and linked to it. Publishing
 * goes through the Document Service like every other publish, so the contract check, the
 * change journal and the publish event happen in the same transaction as the moderation.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SUGGESTION_TOPICS, shanghaiDate, nameOf as vocabularyName } from '@campaign-desk/shared';
import { PLUGIN_ID, UID } from '../../../../common/names';
import {
  STATUS_LABELS,
  SUBMISSION_STATUSES,
  type Moderation,
  type SubmissionItem,
  type SubmissionList,
  type SubmissionQuery,
  type SubmissionStatus,
} from '../../../../common/participation-api';
import { defineService, getService } from '../../utils';
import { nameOf } from '../../newsroom/services/people';
import type { AdminUser } from '../../request-context';
import contactVault from './contact-vault';
import submissionSchema from '../../content-types/submission/schema';
import photos, { heldBytes } from './photos';

const PAGE_SIZE = 20;

type Row = {
  id: number;
  documentId: string;
  kind: SubmissionItem['kind'];
  status: SubmissionStatus;
  receivedAt: string | Date;
  proven: boolean | null;
  topic: string | null;
  text: string | null;
  name: string | null;
  doer: string | null;
  date: string | Date | null;
  flags: unknown;
  moderatedAt: string | Date | null;
  moderator: string | null;
  reason: string | null;
  reply: string | null;
  publishedAs: string | null;
  place: { documentId: string; name: string; slug: string } | null;
  figure: { documentId: string; name: string } | null;
  heldPhotoWidth: number | null;
  heldPhotoHeight: number | null;
  photo: { id: number; url: string; width: number | null; height: number | null } | null;
  story: { documentId: string; title: string } | null;
};

/** Every column a moderator reads, the held photo's bytes left out (they are read once, to adopt it, or streamed by photo()). */
const select = [
  'id',
  'documentId',
  ...Object.entries(submissionSchema.attributes as Record<string, { type: string }>)
    .filter(([name, attribute]) => name !== 'heldPhoto' && attribute.type !== 'relation' && attribute.type !== 'media')
    .map(([name]) => name),
];

/** A decision's fields that let the held photo go: adopted it is in the media library, refused it is gone. */
const NOTHING_HELD = { heldPhoto: null, heldPhotoWidth: null, heldPhotoHeight: null };

const populate = {
  place: { select: ['documentId', 'name', 'slug'] },
  figure: { select: ['documentId', 'name'] },
  photo: { select: ['id', 'url', 'width', 'height'] },
  story: { select: ['documentId', 'title'] },
};

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());
const day = (value: string | Date | null) => (value === null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : value);

/** The first characters of a text, for a title. */
const opening = (text: string, length: number) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return [...line].length > length ? `${[...line].slice(0, length).join('')}……` : line;
};

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ type: 'paragraph', children: [{ type: 'text', text: line }] }));

export default defineService('moderation', ({ strapi }: { strapi: Core.Strapi }) => {
  const submissions = () => strapi.db.query(UID.submission);

  async function pendingOne(documentId: string): Promise<Row> {
    const row = (await submissions().findOne({ select, where: { documentId }, populate })) as Row | null;
    if (!row) throw new errors.NotFoundError(`没有找到来稿 ${documentId}`);
    if (row.status !== 'pending') throw new errors.ApplicationError(`这条来稿已处理（${STATUS_LABELS[row.status]}），不能再次审核`);
    return row;
  }

  async function item(row: Row, contacts: Awaited<ReturnType<ReturnType<typeof contactVault>['reveal']>>): Promise<SubmissionItem> {
    const contact = contacts.get(row.documentId);
    return {
      documentId: row.documentId,
      kind: row.kind,
      status: row.status,
      receivedAt: iso(row.receivedAt)!,
      proven: Boolean(row.proven),
      topic: row.topic ? vocabularyName(SUGGESTION_TOPICS, row.topic) : null,
      text: row.text,
      name: row.name,
      doer: row.doer,
      place: row.place?.name ?? null,
      date: day(row.date),
      figure: row.figure?.name ?? null,
      photo: row.photo
        ? { url: row.photo.url, width: row.photo.width, height: row.photo.height, held: false }
        : row.heldPhotoWidth !== null
          ? { url: `/${PLUGIN_ID}/submissions/${row.documentId}/photo`, width: row.heldPhotoWidth, height: row.heldPhotoHeight, held: true }
          : null,
      contact: contact?.contact ?? null,
      contactDeletedOn: contact ? shanghaiDate(contact.deleteAfter) : null,
      flags: Array.isArray(row.flags) ? row.flags.map(String) : [],
      moderatedAt: iso(row.moderatedAt),
      moderator: row.moderator,
      reason: row.reason,
      reply: row.reply,
      publishedAs: row.publishedAs,
      story: row.story ? { documentId: row.story.documentId, title: row.story.title } : null,
    };
  }

  /** Publishes what an adopted submission becomes; returns its documentId. */
  async function publish(row: Row, step: Extract<Moderation, { action: 'adopt' }>, photo: number | null, now: Date): Promise<string> {
    if (row.kind === 'suggestion') {
      if (!step.reply) throw new errors.ValidationError('采纳建言须填写回复（reply）');
      const created = (await strapi.documents(UID.suggestion).create({
        data: {
          topic: row.topic,
          text: row.text,
          name: row.name,
          reply: step.reply,
          receivedOn: shanghaiDate(new Date(row.receivedAt)),
          repliedOn: shanghaiDate(now),
        } as never,
        status: 'published',
      })) as { documentId: string };
      return created.documentId;
    }
    if (!step.title) throw new errors.ValidationError('采纳好人好事须填写标题（title）');
    const created = (await strapi.documents(UID.goodDeed).create({
      data: {
        title: step.title,
        doer: row.doer,
        date: day(row.date),
        place: row.place?.documentId ?? null,
        description: row.text,
        photo,
        figure: row.figure?.documentId ?? null,
        reportedByPublic: true,
      } as never,
      status: 'published',
    })) as { documentId: string };
    return created.documentId;
  }

  /** A draft story prefilled from the submission, in the newsroom's review like any other. */
  async function draftStory(row: Row, cover: number | null): Promise<string> {
    const suggestion = row.kind === 'suggestion';
    const text = row.text ?? '';
    const theme = suggestion ? SUGGESTION_TOPICS.find((topic) => topic.key === row.topic)?.theme : null;
    const themeRow = theme
      ? ((await strapi.db.query(UID.theme).findOne({ select: ['documentId'], where: { slug: theme } })) as { documentId: string } | null)
      : null;
    const source = `来源：读者通过专题网站提交（${shanghaiDate(new Date(row.receivedAt))}）${row.name ? `，署名：${row.name}` : ''}。`;
    const created = (await strapi.documents(UID.story).create({
      data: {
        title: suggestion ? `群众建言：${opening(text, 40)}` : `好人好事：${opening(`${row.doer ?? ''} ${text}`, 40)}`,
        summary: opening(text, 200),
        kind: 'news',
        body: [
          ...(suggestion ? [] : paragraphs(`${row.doer ?? ''}，${day(row.date) ?? ''}，${row.place?.name ?? ''}`)),
          ...paragraphs(text),
          ...paragraphs(source),
        ],
        theme: themeRow?.documentId ?? null,
        places: row.place ? [row.place.documentId] : [],
        figures: row.figure ? [row.figure.documentId] : [],
        cover,
      } as never,
    })) as { documentId: string };
    return created.documentId;
  }

  /** A pending submission's held photo put into the media library under its public caption; null when it holds none. */
  async function adoptHeldPhoto(documentId: string): Promise<{ id: number } | null> {
    const row = (await submissions().findOne({ select: ['heldPhoto'], where: { documentId, status: 'pending' } })) as {
      heldPhoto: string | null;
    } | null;
    return row?.heldPhoto ? getService(strapi, photos).adopt(row.heldPhoto, '群众报告的好人好事照片') : null;
  }

  return {
    async list(query: SubmissionQuery): Promise<SubmissionList> {
      const where = { status: query.status, ...(query.kind ? { kind: query.kind } : {}) };
      const total = await submissions().count({ where });
      const rows = (await submissions().findMany({
        select,
        where,
        populate,
        // The queue oldest first (first come, first judged); what was decided, newest first.
        orderBy: [{ receivedAt: query.status === 'pending' ? 'asc' : 'desc' }, { id: 'asc' }],
        offset: (query.page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      })) as Row[];
      const contacts = await getService(strapi, contactVault).reveal(rows.map((row) => row.documentId));
      const counts = Object.fromEntries(
        await Promise.all(SUBMISSION_STATUSES.map(async (status) => [status, await submissions().count({ where: { status } })] as const)),
      ) as SubmissionList['counts'];
      return {
        counts,
        items: await Promise.all(rows.map((row) => item(row, contacts))),
        page: query.page,
        pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      };
    },

    async moderate(documentId: string, step: Moderation, user: AdminUser | null, now = new Date()): Promise<SubmissionItem> {
      // An upload cannot join the transaction: an adopted photo enters the media library first and leaves again if the decision is not kept.
      const adopted = step.action === 'reject' ? null : await adoptHeldPhoto(documentId);
      let removedPhoto: number | null = null;
      try {
        await strapi.db.transaction(async () => {
          const row = await pendingOne(documentId);
          const photo = adopted?.id ?? row.photo?.id ?? null;
          const decided = { moderatedAt: now, moderator: nameOf(user), ...NOTHING_HELD };
          if (step.action === 'adopt') {
            const publishedAs = await publish(row, step, photo, now);
            await submissions().update({
              where: { id: row.id },
              data: { ...decided, status: 'adopted', reply: step.reply ?? null, publishedAs, photo },
            });
          } else if (step.action === 'reject') {
            await submissions().update({
              where: { id: row.id },
              data: { ...decided, status: 'rejected', reason: step.reason, photo: null },
            });
            removedPhoto = row.photo?.id ?? null;
          } else {
            const story = await draftStory(row, photo);
            const storyRow = (await strapi.db.query(UID.story).findOne({ select: ['id'], where: { documentId: story } })) as { id: number };
            await submissions().update({ where: { id: row.id }, data: { ...decided, status: 'converted', story: storyRow.id, photo } });
          }
        });
      } catch (error) {
        if (adopted)
          await getService(strapi, photos)
            .remove(adopted.id)
            .catch(() => {});
        throw error;
      }
      // A photo nobody will publish leaves the media library once the decision is kept (submissions from before photos were held).
      if (removedPhoto !== null) await getService(strapi, photos).remove(removedPhoto);
      const row = (await submissions().findOne({ select, where: { documentId }, populate })) as Row;
      return item(row, await getService(strapi, contactVault).reveal([documentId]));
    },

    /** A pending submission's held photo, for its moderators' eyes only; null when it holds none. */
    async heldPhoto(documentId: string): Promise<Buffer | null> {
      const row = (await submissions().findOne({ select: ['heldPhoto'], where: { documentId } })) as { heldPhoto: string | null } | null;
      if (!row) throw new errors.NotFoundError(`没有找到来稿 ${documentId}`);
      return row.heldPhoto ? heldBytes(row.heldPhoto) : null;
    },
  };
});

/**
 * 宣讲点单's bookings: taken from the public route (the booking and its sealed contact in one
 * transaction), listed for the 宣传组 with the contacts opened, and answered once — accepted,
 * which publishes the lecture as an event of the calendar through the document service (every
 * rule of events applies), or declined with a reason. An answer is a conditional update of a
 * booking still 待受理, so of two at once (two instances) one takes it and the other is told.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  LECTURE_AUDIENCES,
  LECTURE_GROUPS,
  PLACES,
  nameOf as vocabularyName,
  type LectureBookingForm,
  type LectureBookingState,
} from '@campaign-desk/shared';
import { LECTURES_ACTION, UID } from '../../../../common/names';
import type { AcceptInput, Booking, DeclineInput } from '../../../../common/lectures-api';
import { pluginConfig } from '../../config/read';
import { nameOf } from '../../newsroom/services/people';
import contactVault from '../../participation/services/contact-vault';
import sensitiveWords from '../../participation/services/sensitive-words';
import type { AdminUser } from '../../request-context';
import { defineService, getService } from '../../utils';

/** A solved challenge that already admitted a booking. */
export class BookingProofReused extends Error {}

type Row = Record<string, unknown> & { id: number; documentId: string; state: LectureBookingState };
type Topic = { documentId: string; slug: string; title: string; summary: string };

const DAY_MS = 24 * 60 * 60 * 1000;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const instant = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

export default defineService('lecture-bookings', ({ strapi }: { strapi: Core.Strapi }) => {
  const bookings = () => strapi.db.query(UID.lectureBooking);

  async function rowOf(documentId: string): Promise<Row> {
    const row = (await bookings().findOne({ where: { documentId } })) as Row | null;
    if (!row) throw new errors.NotFoundError('没有这条宣讲预约');
    return row;
  }

  /** Moves a booking still 待受理 to `state`; refused when another answer came first. */
  async function answer(row: Row, state: LectureBookingState, data: Record<string, unknown>, user: AdminUser | null): Promise<void> {
    const { count } = (await bookings().updateMany({
      where: { id: row.id, state: 'requested' },
      data: { ...data, state, handledBy: nameOf(user), handledAt: new Date() },
    })) as { count: number };
    if (count !== 1) throw new errors.ApplicationError('这条预约已经处理过了（可能刚被其他人受理或婉拒），请刷新页面。');
    // The review log keys each move by the document moved: here a booking.
    await strapi.db.query(UID.reviewEntry).create({
      data: {
        storyId: row.documentId,
        action: `${LECTURES_ACTION.uid}.${state === 'accepted' ? 'accept' : 'decline'}`,
        fromStage: row.state,
        toStage: state,
        comment: (data.reason as string | undefined) ?? null,
        actorId: user?.id ?? null,
        actorName: nameOf(user),
      },
    });
  }

  return {
    /** The published topic of this slug, or null. */
    async topic(slug: string): Promise<Topic | null> {
      const row = (await strapi.db.query(UID.lectureTopic).findOne({
        select: ['documentId', 'slug', 'title', 'summary'],
        where: { slug, publishedAt: { $notNull: true } },
      })) as Topic | null;
      return row;
    },

    /** Stores a checked booking; `proof` is the signature of the challenge it solved (none for the plain form). */
    async receive(topic: Topic, fields: LectureBookingForm, options: { proof: string | null; now?: Date }): Promise<string> {
      const now = options.now ?? new Date();
      const flags = getService(strapi, sensitiveWords).find([fields.unit, fields.contactName, fields.note]);
      try {
        return await strapi.db.transaction(async () => {
          const row = (await bookings().create({
            data: {
              topic: topic.documentId,
              topicTitle: topic.title,
              unit: fields.unit,
              audience: fields.audience,
              place: fields.place,
              week: fields.week,
              note: fields.note,
              state: 'requested',
              receivedAt: now,
              proof: options.proof,
              flags,
            },
          })) as Row;
          const deleteAfter = new Date(now.getTime() + pluginConfig(strapi).participation.contactRetentionDays * DAY_MS);
          const contact = JSON.stringify({ name: fields.contactName, phone: fields.phone });
          await getService(strapi, contactVault).put(row.documentId, contact, deleteAfter);
          return row.documentId;
        });
      } catch (error) {
        if (options.proof && (await bookings().count({ where: { proof: options.proof } })) > 0) throw new BookingProofReused();
        throw error;
      }
    },

    async proofUsed(proof: string): Promise<boolean> {
      return (await bookings().count({ where: { proof } })) > 0;
    },

    /** Every booking, newest first, with its contact opened while it is kept. */
    async list(): Promise<Booking[]> {
      const rows = (await bookings().findMany({ orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], limit: 500 })) as Row[];
      const contacts = await getService(strapi, contactVault).reveal(rows.map((row) => row.documentId));
      return rows.map((row) => {
        let contact: { name?: unknown; phone?: unknown } = {};
        try {
          contact = JSON.parse(contacts.get(row.documentId)?.contact ?? '{}') as typeof contact;
        } catch {
          // Unreadable: shown as none.
        }
        return {
          documentId: row.documentId,
          topic: row.topic as string,
          topicTitle: row.topicTitle as string,
          unit: row.unit as string,
          audience: row.audience as Booking['audience'],
          place: row.place as string,
          placeName: PLACES.find((place) => place.slug === row.place)?.name ?? String(row.place),
          week: String(row.week).slice(0, 10),
          note: text(row.note),
          state: row.state,
          receivedAt: instant(row.receivedAt)!,
          flags: Array.isArray(row.flags) ? (row.flags as string[]) : [],
          contactName: text(contact.name),
          phone: text(contact.phone),
          group: (text(row.group) as Booking['group']) ?? null,
          speakers: text(row.speakers),
          startsAt: instant(row.startsAt),
          venue: text(row.venue),
          event: text(row.event),
          reason: text(row.reason),
          handledBy: text(row.handledBy),
          handledAt: instant(row.handledAt),
        };
      });
    },

    /**
     * Accepts a booking: in one transaction the booking is taken (if still 待受理) and its lecture
     * published as an event (kind 宣讲, the group, the unit's audience and place), so a refused
     * event leaves the booking 待受理.
     */
    async accept(documentId: string, input: AcceptInput, user: AdminUser | null): Promise<string> {
      const row = await rowOf(documentId);
      const topic = (await strapi.db.query(UID.lectureTopic).findOne({
        select: ['summary'],
        where: { documentId: row.topic as string },
      })) as { summary: string } | null;
      const place = (await strapi.db.query(UID.place).findOne({
        select: ['documentId'],
        where: { slug: row.place as string, publishedAt: { $notNull: true } },
      })) as { documentId: string } | null;
      return strapi.db.transaction(async () => {
        await answer(row, 'accepted', { group: input.group, speakers: input.speakers, startsAt: input.startsAt, venue: input.venue }, user);
        const audience = vocabularyName(LECTURE_AUDIENCES, row.audience as string);
        const event = (await strapi.documents(UID.event).create({
          data: {
            kind: 'lecture',
            title: `${vocabularyName(LECTURE_GROUPS, input.group)}进${audience}宣讲：${row.topicTitle as string}`,
            startsAt: input.startsAt,
            venue: input.venue ? `${row.unit as string}（${input.venue}）` : (row.unit as string),
            place: place?.documentId ?? null,
            lectureGroup: input.group,
            audiences: [row.audience],
            speakers: input.speakers,
            summary: topic?.summary ?? null,
          } as never,
        })) as { documentId: string };
        await strapi.documents(UID.event).publish({ documentId: event.documentId });
        await bookings().update({ where: { id: row.id }, data: { event: event.documentId } });
        return event.documentId;
      });
    },

    async decline(documentId: string, input: DeclineInput, user: AdminUser | null): Promise<void> {
      const row = await rowOf(documentId);
      await strapi.db.transaction(() => answer(row, 'declined', { reason: input.reason }, user));
    },
  };
});

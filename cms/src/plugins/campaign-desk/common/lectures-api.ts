/**
 * The admin API of 宣讲点单 (the 宣传组's page): the bookings with their contacts, and the
 * two answers a booking gets — accepted (a group, speakers, a time: a public event) or
 * declined with a reason. Every field a person types is judged here, in Chinese.
 */
import { z } from 'zod';
import { LECTURE_AUDIENCES, LECTURE_BOOKING_STATES, LECTURE_GROUPS, keysOf, type LectureGroup } from '@campaign-desk/shared';

export const bookingSchema = z.object({
  documentId: z.string(),
  topic: z.string(),
  topicTitle: z.string(),
  unit: z.string(),
  audience: z.enum(keysOf(LECTURE_AUDIENCES)),
  place: z.string(),
  placeName: z.string(),
  week: z.string(),
  note: z.string().nullable(),
  state: z.enum(keysOf(LECTURE_BOOKING_STATES)),
  receivedAt: z.string(),
  flags: z.array(z.string()),
  /** Opened from the vault; null once deleted (retention) or unreadable. */
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  group: z.enum(keysOf(LECTURE_GROUPS)).nullable(),
  speakers: z.string().nullable(),
  startsAt: z.string().nullable(),
  venue: z.string().nullable(),
  event: z.string().nullable(),
  reason: z.string().nullable(),
  handledBy: z.string().nullable(),
  handledAt: z.string().nullable(),
});
export type Booking = z.infer<typeof bookingSchema>;

const typed = (label: string, max: number, min = 1) =>
  z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}应为文字` })
    .transform((value) =>
      value
        .normalize('NFC')
        .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
        .trim(),
    )
    .refine((value) => [...value].length >= min, min > 1 ? `${label}至少需要 ${min} 个字` : `请填写${label}`)
    .refine((value) => [...value].length <= max, `${label}最多 ${max} 个字`);

/** `POST /campaign-desk/lecture-bookings/:documentId/accept`. */
export const acceptSchema = z
  .object({
    group: z.custom<LectureGroup>((value) => keysOf(LECTURE_GROUPS).includes(value as LectureGroup), { message: '请选择宣讲团' }),
    speakers: typed('宣讲人', 300),
    startsAt: z
      .string({ required_error: '请填写宣讲时间', invalid_type_error: '宣讲时间应为日期时间' })
      .datetime({ offset: true, message: '宣讲时间不是有效的日期时间' }),
    venue: z.union([z.literal(''), typed('宣讲地点', 200)]).transform((value) => value || null),
  })
  .strict();
export type AcceptInput = z.infer<typeof acceptSchema>;

/** `POST /campaign-desk/lecture-bookings/:documentId/decline`. */
export const declineSchema = z.object({ reason: typed('婉拒理由', 500, 4) }).strict();
export type DeclineInput = z.infer<typeof declineSchema>;

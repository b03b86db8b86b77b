/**
 * 宣讲点单 (四.7, “进机关、进企业、进社区、进农村”): a unit books a lecture from the 宣讲菜单
 * (`POST <submit URL>/lecture/<topic slug>`), the 宣传组 accepts or declines it. The booking
 * form's fields, their Chinese labels and limits are said here once: the site takes its labels
 * and `maxlength`s from here, the CMS parses every booking with this schema. The contact's name
 * and phone are kept encrypted and never published (like a reader's contact details).
 */
import { z } from 'zod';
import { charCount, cleanText } from './participation';
import { LECTURE_AUDIENCES, PLACES, keysOf } from './taxonomy';

/** Where a booking goes, under the participation route: `…/participation/lecture/<topic slug>`. */
export const LECTURE_ENDPOINT = 'lecture';

export const LECTURE_FIELD_LABELS = {
  unit: '单位名称',
  audience: '单位类别',
  place: '所在县市区',
  week: '希望宣讲的时间',
  contactName: '联系人',
  phone: '联系电话',
  note: '备注',
  consent: '同意说明',
  topic: '宣讲题目',
} as const;
export type LectureField = keyof typeof LECTURE_FIELD_LABELS;

export const LECTURE_LIMITS = {
  unit: { min: 2, max: 60 },
  contactName: { max: 30 },
  note: { max: 300 },
  /** How far ahead a week may be asked for. */
  weeksAhead: 26,
} as const;

/** A mainland mobile (1 and ten digits) or a landline with its area code (0715-…); spaces and hyphens allowed. */
const PHONE = /^(?:\+?86[ -]?)?(?:1[3-9]\d[ -]?\d{4}[ -]?\d{4}|0\d{2,3}[ -]?\d{7,8})$/;

const DAY_MS = 24 * 60 * 60 * 1000;
const SHANGHAI_MS = 8 * 60 * 60 * 1000;

/** Today in Asia/Shanghai, as YYYY-MM-DD. */
const shanghaiDay = (now: number) => new Date(now + SHANGHAI_MS).toISOString().slice(0, 10);

/** The Monday of the week a calendar day falls in (YYYY-MM-DD), the week a booking asks for. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

function text(field: LectureField, bounds: { min: number; max: number }) {
  const label = LECTURE_FIELD_LABELS[field];
  return z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}应为文字` })
    .refine((value) => !value.includes('\ufffd'), `${label}含有无法识别的字符，请检查后重新输入`)
    .transform((value) => cleanText(value, { singleLine: field !== 'note' }))
    .superRefine((value, ctx) => {
      const count = charCount(value);
      const message =
        count === 0 && bounds.min > 0
          ? `请填写${label}`
          : count < bounds.min
            ? `${label}至少需要 ${bounds.min} 个字（现在 ${count} 个）`
            : count > bounds.max
              ? `${label}最多 ${bounds.max} 个字（现在 ${count} 个）`
              : null;
      if (message) ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    });
}

const choice = <T extends [string, ...string[]]>(field: LectureField, values: T) =>
  z.enum(values, { errorMap: () => ({ message: `请选择${LECTURE_FIELD_LABELS[field]}` }) });

/** A day of the week asked for (a date input sends YYYY-MM-DD): from this week to half a year ahead; kept as its Monday. */
const week = (now: () => number) =>
  z
    .string({ required_error: `请填写${LECTURE_FIELD_LABELS.week}`, invalid_type_error: `${LECTURE_FIELD_LABELS.week}应为日期` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${LECTURE_FIELD_LABELS.week}格式应为 年-月-日，如 2020-06-01`)
    .refine((value) => {
      const time = Date.parse(`${value}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
    }, `${LECTURE_FIELD_LABELS.week}不是有效的日期`)
    .transform(mondayOf)
    .refine((monday) => monday >= mondayOf(shanghaiDay(now())), `${LECTURE_FIELD_LABELS.week}不能早于本周`)
    .refine(
      (monday) => monday <= mondayOf(shanghaiDay(now() + LECTURE_LIMITS.weeksAhead * 7 * DAY_MS)),
      `${LECTURE_FIELD_LABELS.week}最多可选 ${LECTURE_LIMITS.weeksAhead} 周以内`,
    );

/** The booking form as the CMS parses it; `now` for tests that book in the campaign's own weeks. */
export function lectureBookingSchema(now: () => number = Date.now) {
  return z
    .object({
      unit: text('unit', LECTURE_LIMITS.unit),
      audience: choice('audience', keysOf(LECTURE_AUDIENCES)),
      place: choice('place', PLACES.map((place) => place.slug) as [string, ...string[]]),
      week: week(now),
      contactName: text('contactName', { min: 1, max: LECTURE_LIMITS.contactName.max }),
      phone: z
        .string({ required_error: `请填写${LECTURE_FIELD_LABELS.phone}`, invalid_type_error: `${LECTURE_FIELD_LABELS.phone}应为文字` })
        .transform((value) => cleanText(value, { singleLine: true }))
        .refine((value) => value !== '', `请填写${LECTURE_FIELD_LABELS.phone}`)
        .refine((value) => value === '' || PHONE.test(value), `${LECTURE_FIELD_LABELS.phone}应为手机号或带区号的固定电话`),
      note: z
        .union([z.literal(''), z.undefined(), text('note', { min: 0, max: LECTURE_LIMITS.note.max })])
        .transform((value) => (value ? value : null)),
      consent: z
        .string({ required_error: `请阅读并勾选${LECTURE_FIELD_LABELS.consent}` })
        .refine((value) => ['on', 'true', '1', 'yes'].includes(value), `请阅读并勾选${LECTURE_FIELD_LABELS.consent}`),
    })
    .strict();
}

export type LectureBookingForm = z.infer<ReturnType<typeof lectureBookingSchema>>;

export const LECTURE_MESSAGES = {
  received: '预约已提交，感谢您的点单！宣传组受理后将电话联系您确认时间。',
  missing: '没有这个宣讲题目，或它已不再接受预约。',
} as const;

/** What the consent box agrees to: the contact is for the 宣传组 alone, encrypted, deleted in time. */
export function lectureConsentNotice(retentionDays: number): string {
  return `我已阅读并同意：联系人和联系电话仅供宣传组联系宣讲安排，加密保存，${retentionDays} 天后自动删除，不会公开，也不会提供给他人；受理后，宣讲的单位类别、地区和日期会在本专题的活动日程中公布。`;
}

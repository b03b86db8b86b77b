/**
 * Public participation (群众参与): the two forms readers send from the site, 建言献策 and
 * 我要报告好人好事, as the CMS's public route accepts them and the site's forms describe them.
 * The field names, their Chinese labels and their limits are said here once: the site takes
 * its `maxlength`s and labels from here, the CMS parses every submission with these schemas.
 *
 * Everything a reader types is hostile. Text is cleaned before it is judged: Unicode NFC,
 * line breaks made `\n`, and the characters that hide or reorder what a moderator sees
 * (C0/C1 controls, bidirectional overrides and isolates, zero-width spaces) removed; text
 * that arrived as broken UTF-8 (U+FFFD, what a decoder leaves of it) is refused, not guessed.
 */
import { z } from 'zod';
import { SLUG_PATTERN } from './slug';
import { PLACES, SUGGESTION_TOPICS, keysOf } from './taxonomy';

/** The two forms; the route is `POST <submit URL>/<form>`. */
export const PARTICIPATION_FORMS = ['suggestion', 'good-deed'] as const;
export type ParticipationForm = (typeof PARTICIPATION_FORMS)[number];

/**
 * Where the CMS takes submissions (`POST …/<form>`) and hands out proof-of-work challenges
 * (`GET …/challenge`), under the plugin's content API: `/api/campaign-desk/participation`.
 */
export const PARTICIPATION_PATH = '/participation';

/**
 * Where the site's forms post when CAMPAIGN_DESK_SUBMIT_URL does not say: the CMS on this
 * machine, as `pnpm demo` and `astro dev` run it. A site built for the public names the
 * public address of this one route (see docs/operator/public-forms.md).
 */
export const DEFAULT_SUBMIT_URL = 'http://127.0.0.1:1337/api/campaign-desk/participation';

/** The site's thank-you page, where a plain form post (no JavaScript) is sent once it is taken. */
export const THANKS_PATH = '/xiexie/';

/** The hidden field bots fill in and people never see (a honeypot); its name looks worth filling. */
export const HONEYPOT_FIELD = 'website';
/** The field the ALTCHA widget puts its solved challenge in. */
export const PROOF_FIELD = 'altcha';
/** The photo of a good deed, as a multipart file. */
export const PHOTO_FIELD = 'photo';

export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
/** How many pixels a reader's photo may have (a 48-megapixel phone photo fits): a small file may claim far more (a decompression bomb). */
export const PHOTO_MAX_PIXELS = 60_000_000;
/** The photo types a reader may send (HEIC as phones take it); the form offers these. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'image/heif'] as const;

/** Each field's Chinese label, the name errors give it. */
export const FIELD_LABELS = {
  topic: '建议方向',
  text: '建议内容',
  name: '署名',
  contact: '联系方式',
  consent: '同意说明',
  doer: '做好事的人',
  place: '地点',
  date: '日期',
  description: '做了什么好事',
  figure: '所接力的典型人物',
  photo: '照片',
  [PROOF_FIELD]: '人机验证',
} as const;
export type ParticipationField = keyof typeof FIELD_LABELS;

/** Lengths in characters (code points, so an emoji is one). */
export const LIMITS = {
  text: { min: 10, max: 2000 },
  name: { max: 30 },
  contact: { max: 100 },
  doer: { max: 100 },
  description: { min: 10, max: 1000 },
} as const;

/** How long contact details are kept before they are deleted, unless configured otherwise. */
export const DEFAULT_CONTACT_RETENTION_DAYS = 180;

const HIDDEN_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Text as a person meant it: NFC, `\n` line breaks, no invisible or reordering characters, trimmed. */
export function cleanText(value: string, { singleLine = false } = {}): string {
  const text = value.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(HIDDEN_CHARACTERS, '');
  return (singleLine ? text.replace(/\n+/g, ' ') : text.replace(/\n{3,}/g, '\n\n')).trim();
}

export const charCount = (value: string) => [...value].length;

const brokenEncoding = (value: string) => value.includes('\ufffd');

/** A text field: cleaned, then measured; optional ones are null when left empty. */
function text(field: ParticipationField, bounds: { min?: number; max: number }, singleLine: boolean) {
  const label = FIELD_LABELS[field];
  return z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}应为文字` })
    .refine((value) => !brokenEncoding(value), `${label}含有无法识别的字符，请检查后重新输入`)
    .transform((value) => cleanText(value, { singleLine }))
    .superRefine((value, ctx) => {
      const count = charCount(value);
      if (bounds.min !== undefined && count < bounds.min) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: count === 0 ? `请填写${label}` : `${label}至少需要 ${bounds.min} 个字（现在 ${count} 个）`,
        });
      } else if (count > bounds.max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${label}最多 ${bounds.max} 个字（现在 ${count} 个）` });
      }
    });
}

const required = (field: ParticipationField, bounds: { min?: number; max: number }, singleLine = false) =>
  text(field, { min: 1, ...bounds }, singleLine);

const optional = (field: ParticipationField, bounds: { max: number }) =>
  z.union([z.literal(''), z.undefined(), text(field, bounds, true)]).transform((value) => (value ? value : null));

const PHONE = /^\+?[0-9][0-9 -]{4,18}[0-9]$/;
const EMAIL = /^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/;

/** A phone number or an e-mail address, for the newsroom to follow up; never published. */
const contact = optional('contact', LIMITS.contact).refine(
  (value) => value === null || PHONE.test(value) || EMAIL.test(value),
  `${FIELD_LABELS.contact}应为手机号、电话号码或电子邮箱`,
);

/** The box readers tick to agree to the notice; a form sends `on` (or the value given). */
const consent = z
  .string({ required_error: `请阅读并勾选${FIELD_LABELS.consent}` })
  .refine((value) => ['on', 'true', '1', 'yes'].includes(value), `请阅读并勾选${FIELD_LABELS.consent}`);

const enumOf = <T extends [string, ...string[]]>(field: ParticipationField, values: T) =>
  z.enum(values, { errorMap: () => ({ message: `请选择${FIELD_LABELS[field]}` }) });

/** Fields both forms share. */
const common = {
  name: optional('name', LIMITS.name),
  contact,
  consent,
};

export const suggestionFormSchema = z
  .object({
    topic: enumOf('topic', keysOf(SUGGESTION_TOPICS)),
    text: required('text', LIMITS.text),
    ...common,
  })
  .strict();

const day = 24 * 60 * 60 * 1000;

/** The date a good deed was done: a real calendar day, not in the future (a day's grace for time zones). */
const deedDate = z
  .string({ required_error: `请填写${FIELD_LABELS.date}` })
  .regex(/^\d{4}-\d{2}-\d{2}$/, `${FIELD_LABELS.date}格式应为 年-月-日，如 2020-06-01`)
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00+08:00`);
    return !Number.isNaN(time) && new Date(time + 8 * 60 * 60 * 1000).toISOString().slice(0, 10) === value;
  }, `${FIELD_LABELS.date}不是有效的日期`)
  .refine((value) => Date.parse(`${value}T00:00:00+08:00`) <= Date.now() + day, `${FIELD_LABELS.date}不能晚于今天`)
  .refine((value) => value >= '2000-01-01', `${FIELD_LABELS.date}太早了`);

export const goodDeedFormSchema = z
  .object({
    doer: required('doer', LIMITS.doer, true),
    place: enumOf('place', PLACES.map((place) => place.slug) as [string, ...string[]]),
    date: deedDate,
    description: required('description', LIMITS.description),
    /** The figure whose relay it joins (the form on a figure's page says which), by slug. */
    figure: z
      .union([z.literal(''), z.undefined(), z.string().max(80).regex(SLUG_PATTERN, `${FIELD_LABELS.figure}无效`)])
      .transform((value) => (value ? value : null)),
    ...common,
  })
  .strict();

export const PARTICIPATION_SCHEMAS = {
  suggestion: suggestionFormSchema,
  'good-deed': goodDeedFormSchema,
} as const satisfies Record<ParticipationForm, z.ZodTypeAny>;

export type SuggestionForm = z.infer<typeof suggestionFormSchema>;
export type GoodDeedForm = z.infer<typeof goodDeedFormSchema>;

/** A problem with one field, as the route answers it and the site's script shows it beside the field. */
export type FieldProblem = { field: string; label: string; message: string };

/** The problems of a failed parse, one per field (the first), in the form's order; unknown fields are named as sent. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const seen = new Map<string, FieldProblem>();
  for (const issue of error.issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      for (const key of issue.keys) {
        if (!seen.has(key)) seen.set(key, unknownField(key));
      }
      continue;
    }
    const field = String(issue.path[0] ?? 'form');
    if (seen.has(field)) continue;
    const label = FIELD_LABELS[field as ParticipationField] ?? field;
    seen.set(field, { field, label, message: issue.message });
  }
  return [...seen.values()];
}

/** A field (or file) the form does not have, named as it was sent. */
export function unknownField(name: string): FieldProblem {
  return { field: name, label: name.slice(0, 40), message: `表单中没有“${name.slice(0, 40)}”这一项` };
}

/** What is wrong with one field, naming it: `建议内容：至少需要 10 个字（现在 3 个）`. */
export function describeProblem(problem: FieldProblem): string {
  return problem.message.includes(problem.label) ? problem.message : `${problem.label}：${problem.message}`;
}

/** One line naming every field and what is wrong with it: `建议内容：至少需要 10 个字（现在 3 个）；…` */
export function describeProblems(problems: FieldProblem[]): string {
  return problems.map(describeProblem).join('；');
}

/** The Chinese the route and the site's script say to a reader, in one place. */
export const PARTICIPATION_MESSAGES = {
  received: '提交成功，感谢您的参与！编辑审核后，采纳的内容会在网站上公布。',
  tooMany: '提交太频繁，请稍后再试。',
  busy: '当前提交人数较多，请稍后再试。',
  proofFailed: '人机验证未通过或已过期，请重新验证后提交。',
  proofReused: '这次验证已经用过，请重新验证后提交。',
  tooLarge: `提交的内容太大：照片不能超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB。`,
  lengthRequired: '请求缺少内容长度，无法接收。',
  forbiddenOrigin: '只接受来自本专题网站的提交。',
  badPhoto: '照片无法识别：请上传 JPEG、PNG 或 HEIC 格式的照片。',
  tooManyPixels: `照片像素太多：最多 ${PHOTO_MAX_PIXELS / 10_000} 万像素，请缩小后再上传。`,
  failed: '提交没有成功，请稍后再试。',
  /** What the site's script says while it works and when the network fails. */
  verifying: '正在进行人机验证，请稍候……',
  sending: '正在提交……',
  offline: '网络连接失败，请检查网络后再试。已填写的内容仍保留在表单中。',
} as const;

/** What the consent box agrees to: what is kept, who sees it, and for how long. */
export function consentNotice(retentionDays = DEFAULT_CONTACT_RETENTION_DAYS): string {
  return `我已阅读并同意：提交的内容经编辑部审核，采纳后连同署名在本专题公开；联系方式仅供编辑部回访，加密保存，${retentionDays} 天后自动删除，不会公开，也不会提供给他人。`;
}

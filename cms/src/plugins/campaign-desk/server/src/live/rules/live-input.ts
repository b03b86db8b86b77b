/**
 * What people type into a live and its entries, checked at every door before anything is
 * written: a refusal names the record and the field in Chinese (直播条目的文字（text）：不能超过 2000 个字).
 * An entry's kind decides what else it needs (checked on the saved entry by the approval step,
 * which sees the fields an edit leaves alone).
 */
import { LIVE_ENTRY_KINDS, LIVE_STATES, keysOf } from '@campaign-desk/shared';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { CONTENT_TYPES, UID } from '../../../../common/names';
import { EDITOR_LABELS } from '../../../../common/editor-labels';
import { editOf, paramsOf, rule, type Rule } from '../../document-service/actions';
import { zhErrorMap } from '../../zh-errors';

const optionalText = (max: number) => z.string().max(max).nullable().optional();
/** Whether a link is http(s) is linksHttpOnly's to say (content/rules/); here only its length. */
const link = z.string().max(1000).nullable().optional();

/** Only the fields a person types; relations and the approval's fields are judged elsewhere. */
const INPUT = {
  [UID.live]: z.object({
    title: z.string().trim().min(1).max(200).optional(),
    summary: optionalText(500),
    state: z.enum(keysOf(LIVE_STATES)).optional(),
  }),
  [UID.liveEntry]: z.object({
    kind: z.enum(keysOf(LIVE_ENTRY_KINDS)).optional(),
    text: z.string().trim().min(1).max(2000).optional(),
    videoUrl: link,
    speaker: optionalText(100),
  }),
} as const;

const KEYS = { [UID.live]: 'live', [UID.liveEntry]: 'liveEntry' } as const;

export default (): Rule =>
  rule('liveInput', ['create', 'update'], async (context, next) => {
    const schema = INPUT[context.uid as keyof typeof INPUT];
    const edit = schema ? editOf(context.action, paramsOf(context)) : null;
    if (!schema || !edit) return next();
    // The content manager sends an emptied field as ''.
    for (const field of ['summary', 'videoUrl', 'speaker']) if (edit.data[field] === '') edit.data[field] = null;
    const result = schema.safeParse(edit.data, { errorMap: zhErrorMap });
    if (!result.success) {
      const key = KEYS[context.uid as keyof typeof KEYS];
      const labels = EDITOR_LABELS[key].fields;
      const what = CONTENT_TYPES[key].info.displayName;
      const issues = result.error.issues.map((issue) => {
        const field = String(issue.path[0]);
        const label = labels[field];
        return `${what}的${Array.isArray(label) ? label[0] : (label ?? field)}（${field}）：${issue.message}`;
      });
      throw new errors.ValidationError(issues.join('；'));
    }
    return next();
  });

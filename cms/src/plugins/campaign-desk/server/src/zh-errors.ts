/**
 * zod's messages in Chinese, for requests people and partners send (the partner API, the
 * statistics' date range): each issue reads as what is wrong with the field it names.
 */
import { z } from 'zod';

export const zhErrorMap: z.ZodErrorMap = (issue, context) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return { message: issue.received === 'undefined' ? '必填' : `应为${TYPE_NAMES[issue.expected] ?? issue.expected}` };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: `不认识的字段：${issue.keys.join('、')}` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `只能是 ${issue.options.join('、')} 之一` };
    case z.ZodIssueCode.too_small:
      return {
        message: issue.type === 'string' ? (issue.minimum === 1 ? '不能为空' : `至少 ${issue.minimum} 个字`) : `不能小于 ${issue.minimum}`,
      };
    case z.ZodIssueCode.too_big:
      return { message: issue.type === 'string' ? `不能超过 ${issue.maximum} 个字` : `不能大于 ${issue.maximum}` };
    case z.ZodIssueCode.invalid_string:
      return { message: issue.validation === 'url' ? '不是有效的网址' : '格式不对' };
    default:
      return { message: context.defaultError };
  }
};

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '是或否',
  object: '对象',
  array: '列表',
};

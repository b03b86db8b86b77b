/**
 * A link a person types (a media link, an outlet's homepage, a placement's address) is followed
 * by readers or framed on a page: only an http(s) address is taken, and a refusal names the
 * field in the newsroom's words before Strapi's own check would answer in English.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EDITOR_LABELS } from '../../../../common/editor-labels';
import { CAMPAIGN_CONTENT_TYPES, CONTENT_TYPES } from '../../../../common/names';
import { editOf, paramsOf, rule, type Rule } from '../../document-service/actions';
import { httpUrl } from '../../content-types/attributes';

/** Whether a typed link is an absolute http(s) address without spaces. */
export function isHttpLink(text: string): boolean {
  if (!new RegExp(httpUrl.regex).test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export default (strapi: Core.Strapi): Rule =>
  rule('linksHttpOnly', ['create', 'update'], async (context, next) => {
    const edit = editOf(context.action, paramsOf(context));
    const key = CAMPAIGN_CONTENT_TYPES.find((candidate) => CONTENT_TYPES[candidate].uid === context.uid);
    if (!edit || !key) return next();
    const attributes = strapi.contentType(context.uid).attributes as Record<string, { regex?: string }>;
    for (const [field, attribute] of Object.entries(attributes)) {
      const value = edit.data[field];
      if (attribute.regex !== httpUrl.regex || typeof value !== 'string' || value.trim() === '' || isHttpLink(value)) continue;
      const label = EDITOR_LABELS[key].fields[field];
      const name = `${Array.isArray(label) ? label[0] : (label ?? field)}（${field}）`;
      throw new errors.ValidationError(`${name}只接受 http 或 https 开头的网址`, {
        errors: [{ path: [field], message: '只接受 http 或 https 开头的网址', name: 'ValidationError' }],
      });
    }
    return next();
  });

/**
 * A clone (the content manager's 复制, which asks only for the create right) is a create of
 * the copied data: the copy is made through `create`, so every rule judges it as it judges a
 * new record (a copied story is a draft at 草稿, its slug made anew; a copied plan meets the
 * one-plan rule). Types whose records are facts, people, the plan's or the plugin's own are
 * not copied at all: a copy of a verified placement would be coverage nobody verified.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTENT_TYPES, PLUGIN_ID, type ContentTypeKey } from '../../../common/names';
import { paramsOf, rule, type Rule } from './actions';

/** Per type: copied as a new record, or why not. */
export const COPIES: Record<ContentTypeKey, 'copy' | string> = {
  story: 'copy',
  column: 'copy',
  event: 'copy',
  opinion: 'copy',
  clause: 'copy',
  topic: 'copy',
  reportingPlan: 'copy',
  theme: '由宣传方案确定',
  activity: '由宣传方案确定',
  place: '由宣传方案确定',
  outlet: '每家媒体只有一条记录',
  figure: '每位典型人物只有一条记录',
  staffMember: '每位采编人员只有一条记录',
  placement: '是核实过的刊播事实，请新建上稿记录',
  goodDeed: '是一件事实，请新建',
  suggestion: '是读者的原话，请新建',
  change: '由系统记录',
  reviewEntry: '由审稿操作记录',
  outboxEvent: '由系统记录',
  outboxDelivery: '由系统记录',
  submission: '是读者的来稿',
  partnerToken: '须在“合作媒体令牌”中新建',
  notice: '由系统记录',
  live: 'copy',
  liveEntry: '是直播中的一条，须经值班编辑审核，请新写一条',
  schedule: '须在审稿面板中安排',
  quiz: 'copy',
  quizQuestion: 'copy',
  quizEntry: '是读者的答卷',
  lectureTopic: 'copy',
  lectureBooking: '是单位的宣讲预约',
  liveQuestion: '是读者的提问',
};

const keyByUid = new Map<string, ContentTypeKey>(
  (Object.keys(CONTENT_TYPES) as ContentTypeKey[]).map((key) => [CONTENT_TYPES[key].uid, key]),
);

/** Not copied: Strapi's bookkeeping, and what must be new (unique fields: a slug is made anew from the title). */
const BOOKKEEPING = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

type Attribute = { type: string; relation?: string; target?: string; multiple?: boolean; unique?: boolean };

/**
 * A related record as a create takes it. To-one and to-many relations owned elsewhere are left
 * out: copying them would take the related records away from the original.
 */
function copied(attribute: Attribute, value: unknown): unknown {
  const ids = (key: 'id' | 'documentId') => (entry: unknown) => (entry as Record<string, unknown>)[key];
  if (attribute.type === 'media') return Array.isArray(value) ? value.map(ids('id')) : value ? ids('id')(value) : null;
  if (attribute.type === 'relation') return Array.isArray(value) ? value.map(ids('documentId')) : value ? ids('documentId')(value) : null;
  return value;
}

export default (strapi: Core.Strapi): Rule =>
  rule('cloneAsCreate', ['clone'], async (context, next) => {
    if (!context.uid.startsWith(`plugin::${PLUGIN_ID}.`)) return next();
    const key = keyByUid.get(context.uid);
    const why = key ? COPIES[key] : '不能复制';
    const name = key ? CONTENT_TYPES[key].info.displayName : context.uid;
    if (why !== 'copy') throw new errors.ValidationError(`${name}不能复制：${why}`);

    const { documentId, data = {} } = paramsOf(context);
    const { locale, populate } = context.params as { locale?: string; populate?: unknown };
    const attributes = context.contentType.attributes as Record<string, Attribute>;
    const populateCopied = Object.fromEntries(
      Object.entries(attributes)
        .filter(([, attribute]) => attribute.type === 'media' || attribute.type === 'relation')
        .map(([field, attribute]) => [field, { select: [attribute.type === 'media' ? 'id' : 'documentId'] }]),
    );
    const draftAndPublish = Boolean(context.contentType.options?.draftAndPublish);
    const source = (await strapi.db.query(context.uid).findOne({
      where: { documentId, ...(draftAndPublish ? { publishedAt: null } : {}) },
      populate: populateCopied,
    })) as Record<string, unknown> | null;
    if (!source) throw new errors.NotFoundError(`要复制的${name}不存在`);

    const copy: Record<string, unknown> = {};
    for (const [field, attribute] of Object.entries(attributes)) {
      if (BOOKKEEPING.has(field) || attribute.unique || !(field in source)) continue;
      if (attribute.type === 'relation' && (attribute.relation === 'oneToOne' || attribute.relation === 'oneToMany')) continue;
      if (attribute.type === 'relation' && attribute.target?.startsWith('admin::')) continue;
      copy[field] = copied(attribute, source[field]);
    }
    const { id: _id, documentId: _documentId, ...asked } = data;
    const created = await strapi.documents(context.uid).create({ data: { ...copy, ...asked }, locale, populate } as never);
    return { documentId: created.documentId, entries: [created] };
  });

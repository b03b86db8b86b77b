/**
 * 点赞 for good deeds, figures and adopted suggestions: one per reader per item per 咸宁 day,
 * no account. The site's buttons post `POST <submit URL>/like/<kind>/<documentId>` (a plain
 * form without JavaScript: the CMS answers with a page) and read every count from
 * `GET <submit URL>/likes`, which caches may keep half a minute and the CMS keeps as long
 * again: a like shows within a minute, with no rebuild.
 */
export const LIKES_ENDPOINT = 'likes';
export const LIKE_ENDPOINT = 'like';

/** What can be liked, as its URL names it, its record type, and as a reader reads it. */
export const LIKE_KINDS = [
  { key: 'good-deed', type: 'goodDeed', name: '好人好事' },
  { key: 'figure', type: 'figure', name: '典型人物' },
  { key: 'suggestion', type: 'suggestion', name: '建言献策' },
] as const;
export type LikeKind = (typeof LIKE_KINDS)[number]['key'];
export type LikedType = (typeof LIKE_KINDS)[number]['type'];

/** The one field the like form posts: a form with no field would post no body at all. */
export const LIKE_FIELD = 'like';
/** Bytes a like may declare: its one field, with room to spare; anything bigger is not a like. */
export const LIKE_MAX_BODY_BYTES = 1024;

/** An item's key in the counts: `goodDeed:<documentId>`. */
export const likeKey = (type: LikedType, documentId: string) => `${type}:${documentId}`;

/** `GET …/likes`: every item liked at least once, by key. */
export type LikeCounts = { counts: Record<string, number> };
/** `POST …/like/<kind>/<id>`: whether this like counted (not one already given today) and the item's count now. */
export type LikeAnswer = { ok: true; counted: boolean; count: number; message: string };

export const LIKE_MESSAGES = {
  counted: '点赞成功，谢谢您的支持！',
  again: '您今天已经为这一条点过赞了，明天可以再来。',
  noKind: '只能为好人好事、典型人物和已采纳的建言点赞。',
  missing: '没有找到这一条，或它已撤下，不能点赞。',
  badField: '点赞表单只有一项，请从专题网站的点赞按钮提交。',
  tooLarge: '点赞的请求太大：这不是专题网站的点赞按钮发出的。',
} as const;

/**
 * The public 点赞 routes, through the participation gate (origin; a like's own body limit and
 * lanes, per address and in all: gate.ts `doorOf`):
 * POST …/like/<kind>/<documentId> likes a public item (a script gets JSON; the plain form a
 * short page with the count and the way back); GET …/likes answers every count, from memory,
 * for caches to keep half a minute.
 */
import type { Core } from '@strapi/strapi';
import { LIKE_FIELD, LIKE_KINDS, LIKE_MESSAGES, PARTICIPATION_MESSAGES, escapeHtml, type LikeAnswer } from '@campaign-desk/shared';
import { pluginConfig } from '../../config/read';
import { getService } from '../../utils';
import { backLink, page, refuse, wantsPage, type AnswerContext, type Refusal } from '../../participation/answers';
import { ADDRESS_STATE } from '../../participation/gate';
import likes, { COUNTS_FOR_MS } from '../services/likes';

interface LikeRequest extends AnswerContext {
  params: { kind?: string; documentId?: string };
  request: { body?: unknown };
  state: Record<string, unknown>;
}

/** A documentId as Strapi makes them (24 lower-case letters and digits); anything else names no item. */
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

/** The body the like form posts: its one field, or nothing (the door takes no multipart body, so no file). */
function bodyProblem(body: unknown): Refusal | null {
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [];
  const unexpected = fields.filter((name) => name !== LIKE_FIELD);
  if (unexpected.length === 0) return null;
  return {
    status: 400,
    message: LIKE_MESSAGES.badField,
    problems: unexpected.map((name) => ({ field: name.slice(0, 40), label: name.slice(0, 40), message: '点赞表单中没有这一项' })),
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const siteUrl = () => pluginConfig(strapi).participation.siteUrl;

  async function like(ctx: LikeRequest): Promise<Refusal | null> {
    const kind = LIKE_KINDS.find((entry) => entry.key === ctx.params.kind?.toLowerCase());
    if (!kind) return { status: 404, message: LIKE_MESSAGES.noKind };
    const documentId = String(ctx.params.documentId ?? '');
    if (!DOCUMENT_ID.test(documentId)) return { status: 404, message: LIKE_MESSAGES.missing };
    const problem = bodyProblem(ctx.request.body);
    if (problem) return problem;
    const liked = await getService(strapi, likes).like(kind.key, documentId, String(ctx.state[ADDRESS_STATE] ?? ''));
    if (!liked) return { status: 404, message: LIKE_MESSAGES.missing };

    const message = liked.counted ? LIKE_MESSAGES.counted : LIKE_MESSAGES.again;
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 200;
    if (!wantsPage(ctx)) {
      ctx.body = { ok: true, counted: liked.counted, count: liked.count, message } satisfies LikeAnswer;
      return null;
    }
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = page(
      '点赞',
      `<h1>${escapeHtml(message)}</h1><p>这条${escapeHtml(kind.name)}现在共有 <strong>${liked.count}</strong> 个赞。</p><p><a href="${escapeHtml(backLink(ctx, siteUrl()))}">返回专题网站</a></p>`,
    );
    return null;
  }

  return {
    /** POST …/participation/like/:kind/:documentId */
    async like(ctx: LikeRequest) {
      try {
        const refusal = await like(ctx);
        if (refusal) refuse(ctx, refusal, siteUrl());
      } catch (error) {
        strapi.log.error(`[campaign-desk] a like failed: ${(error as Error).stack ?? error}`);
        refuse(ctx, { status: 500, message: PARTICIPATION_MESSAGES.failed }, siteUrl());
      }
    },

    /** GET …/participation/likes — every item's count; the CMS's copy and a cache's together at most a minute old. */
    async counts(ctx: LikeRequest) {
      try {
        const counts = await getService(strapi, likes).counts();
        ctx.set('Cache-Control', `public, max-age=${COUNTS_FOR_MS / 1000}`);
        ctx.body = { counts };
      } catch (error) {
        strapi.log.error(`[campaign-desk] reading the like counts failed: ${(error as Error).message}`);
        refuse(ctx, { status: 503, message: PARTICIPATION_MESSAGES.failed }, siteUrl());
      }
    },
  };
};

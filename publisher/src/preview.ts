/**
 * 预览: a story's draft, rendered on request by the renderer that builds the site, so it has the
 * site's templates, CSS and links exactly as the published page will; the HTML goes to the
 * response and nowhere else (no release, no feed, no search index). The link comes from the
 * CMS's admin with a short-lived token (shared/src/preview-token.ts): checked here first, then
 * by the CMS, which hands over the draft only for a good one.
 */
import { verifyPreviewToken } from '@campaign-desk/shared';
import type { SnapshotSource } from '@campaign-desk/site/renderer';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Publisher } from './publisher';

/** Where previews are, under the site's path (the CMS makes links to it: server/src/preview/). */
export const PREVIEW_PATH = '_preview/';

/** Hands over the draft a token was made for, or why not (the CMS's Chinese message). */
export type DraftSource = (token: string) => Promise<{ ok: true; record: unknown } | { ok: false; status: number; message: string }>;

export interface PreviewOptions {
  /** The build hook's secret: the CMS signs preview tokens with a key derived from it. */
  secret: string;
  drafts: DraftSource;
}

/** The CMS's draft route beside its snapshot API (`…/api/campaign-desk/preview`); none when the site is built from a file. */
export function cmsDrafts(source: SnapshotSource): DraftSource | null {
  if (source.kind !== 'http') return null;
  const url = source.url.replace(/\/snapshot\/?$/, '/preview');
  return async (token) => {
    const response = await fetch(`${url}?token=${encodeURIComponent(token)}`, { signal: AbortSignal.timeout(10_000) });
    const body = (await response.json().catch(() => null)) as { record?: unknown; error?: { message?: string } } | null;
    if (response.ok && body?.record) return { ok: true, record: body.record };
    return { ok: false, status: response.status, message: body?.error?.message ?? `CMS 答复 HTTP ${response.status}` };
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

/** Private and uncached, kept out of search engines; the token in its URL is sent to no other site. */
function privately(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer');
}

function refuse(reply: FastifyReply, status: number, message: string) {
  return privately(reply)
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="robots" content="noindex"><title>预览</title><p>${escapeHtml(message)}</p></html>`,
    );
}

/** `GET <site path>_preview/?token=…`: the draft's page, or a short Chinese page saying why not. */
export function registerPreview(app: FastifyInstance, base: string, publisher: Pick<Publisher, 'preview'>, options: PreviewOptions): void {
  app.get(`${base}${PREVIEW_PATH}`, async (request, reply) => {
    const token = (request.query as { token?: unknown }).token;
    if (typeof token !== 'string' || token === '') return refuse(reply, 403, '预览链接缺少 token，请从后台打开预览');
    const check = await verifyPreviewToken(options.secret, token);
    if (!check.ok) return refuse(reply, 403, check.reason);
    const draft = await options
      .drafts(token)
      .catch((error: Error) => ({ ok: false as const, status: 502, message: `读取草稿失败：${error.message}` }));
    if (!draft.ok) return refuse(reply, draft.status === 404 || draft.status === 403 ? draft.status : 502, draft.message);
    try {
      const page = await publisher.preview(draft.record);
      if (!page) return refuse(reply, 503, '网站还在构建，请稍后再打开预览');
      return privately(reply).type(page.type).send(Buffer.from(page.body));
    } catch (error) {
      return refuse(reply, 422, `草稿还不能按发布的样子显示：${(error as Error).message}`);
    }
  });
}

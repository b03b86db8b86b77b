/**
 * How the public route answers. A script on the site asks for JSON and shows the message
 * beside the form; a plain form post (no JavaScript) is a page navigation, so it gets a
 * page: taken, a 303 to the site's thank-you page; refused, a short Chinese page saying
 * why, field by field, with a way back (the browser's back button keeps what was typed).
 * Nothing a sender typed is echoed but through escapeHtml.
 */
import { SiteAddress, THANKS_PATH, describeProblem, escapeHtml, type FieldProblem } from '@campaign-desk/shared';

/** The slice of Koa's context the answers use. */
export interface AnswerContext {
  status: number;
  body: unknown;
  type: string;
  accepts(...types: string[]): string | false;
  get(field: string): string;
  set(field: string, value: string): void;
  redirect(url: string): void;
}

export type Refusal = { status: number; message: string; problems?: FieldProblem[]; retryAfterSeconds?: number };

/** A page navigation (the plain form) rather than a script's request. */
export function wantsPage(ctx: AnswerContext): boolean {
  return ctx.accepts('json', 'html') === 'html';
}

const ERROR_NAMES: Record<number, string> = {
  400: 'ValidationError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  411: 'LengthRequiredError',
  413: 'PayloadTooLargeError',
  415: 'UnsupportedMediaTypeError',
  429: 'TooManyRequestsError',
  500: 'InternalServerError',
};

/** Where “返回” leads: the page the form was on, when it is on the site (its host, under its path); else the site's home. */
export function backLink(ctx: AnswerContext, siteUrl: string): string {
  const site = new SiteAddress(siteUrl);
  try {
    const referer = new URL(ctx.get('referer'));
    if (site.sitePath(referer) !== null) return referer.href;
  } catch {
    // No referer, or not a URL.
  }
  return site.url('/');
}

/** A short page of the CMS's own (a plain form post's answer), in the site's colours. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font:1rem/1.7 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:36rem;padding:1.25rem;color:#222}h1{font-size:1.3rem;color:#a4161a}li{margin:.25rem 0}a{color:#a4161a}</style>
</head><body>${body}</body></html>`;
}

export function refuse(ctx: AnswerContext, refusal: Refusal, siteUrl: string): void {
  ctx.status = refusal.status;
  ctx.set('Cache-Control', 'no-store');
  if (refusal.retryAfterSeconds !== undefined) ctx.set('Retry-After', String(refusal.retryAfterSeconds));
  if (!wantsPage(ctx)) {
    ctx.body = {
      data: null,
      error: {
        status: refusal.status,
        name: ERROR_NAMES[refusal.status] ?? 'Error',
        message: refusal.message,
        details: refusal.problems ? { errors: refusal.problems.map((problem) => ({ path: [problem.field], ...problem })) } : {},
      },
    };
    return;
  }
  const problems = refusal.problems?.length
    ? `<ul>${refusal.problems.map((problem) => `<li>${escapeHtml(describeProblem(problem))}</li>`).join('')}</ul>`
    : '';
  const wait = refusal.retryAfterSeconds !== undefined ? `<p>请约 ${Math.ceil(refusal.retryAfterSeconds / 60)} 分钟后再试。</p>` : '';
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = page(
    '提交未成功',
    `<h1>提交未成功</h1><p>${escapeHtml(refusal.message)}</p>${problems}${wait}<p>请使用浏览器的“返回”回到表单修改，已填写的内容通常仍会保留；或<a href="${escapeHtml(backLink(ctx, siteUrl))}">返回专题网站</a>。</p>`,
  );
}

/** Taken: a script gets the receipt, the plain form goes to the thank-you page. */
export function thank(ctx: AnswerContext, message: string, siteUrl: string): void {
  ctx.set('Cache-Control', 'no-store');
  if (wantsPage(ctx)) {
    ctx.status = 303;
    ctx.redirect(new SiteAddress(siteUrl).url(THANKS_PATH));
    return;
  }
  ctx.status = 201;
  ctx.body = { ok: true, message };
}

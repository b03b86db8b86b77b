/**
 * Every file the body parser wrote for a request is removed once the request is answered, on
 * every route. Strapi's body middleware removes only the field `files`, and only when the
 * request went through without an error: a refusal thrown by the media guard (a cover a
 * reviewer passed), by Strapi's own validation or anywhere further in left the upload in the
 * temporary directory, and a reader's form names its field `photo`. Installed on the Koa app
 * ahead of Strapi's middlewares, so it sees what the body parser leaves whatever happens.
 */
import { rm } from 'node:fs/promises';

type Uploaded = { filepath?: string } | Array<{ filepath?: string }> | undefined;
type RequestContext = { request?: { files?: Record<string, Uploaded> } };

/** Every file the body parser wrote for a request, whatever its field. */
function uploadsOf(ctx: RequestContext): string[] {
  return Object.values(ctx.request?.files ?? {})
    .flat()
    .map((file) => file?.filepath)
    .filter((file): file is string => typeof file === 'string');
}

export function removeUploadLeftovers() {
  return async (ctx: RequestContext, next: () => Promise<unknown>) => {
    try {
      await next();
    } finally {
      await Promise.all(uploadsOf(ctx).map((file) => rm(file, { force: true })));
    }
  };
}

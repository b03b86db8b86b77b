import type { Core } from '@strapi/strapi';

/**
 * The absolute URL the public reaches this server at: image URLs in the snapshot are built
 * from it. Outside production Strapi falls back to HOST:PORT; in production that address is
 * rarely the public one, so start-up stops rather than publish URLs nobody can reach.
 */
function publicUrl(env: Core.Config.Shared.ConfigParams['env']): string {
  const url = env('PUBLIC_URL', '');
  if (env('NODE_ENV') === 'production' && !/^https?:\/\/[^/\s]+/.test(url)) {
    throw new Error(
      `PUBLIC_URL ${url ? `(${JSON.stringify(url)}) is not an absolute http(s) URL` : 'is not set'}: in production the CMS must be told the ` +
        'address the public reaches it at, e.g. PUBLIC_URL=https://cms.example.cn (image URLs in the snapshot are made from it).',
    );
  }
  return url;
}

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: publicUrl(env),
  // Behind a TLS-terminating proxy (nginx, see docs/operator/deploy.md) Koa must believe its
  // X-Forwarded-Proto, or the request looks like plain http and the admin's session cookies
  // are not set `secure` (Strapi makes them secure in production on secure requests only).
  // PROXY_HOPS is how many proxies append to X-Forwarded-For: the address the nearest one
  // saw is the client's, whatever a client wrote there itself. Off by default: without a
  // proxy in front, those headers are the client's own words.
  proxy: {
    koa: env.bool('BEHIND_PROXY', false),
    maxIpsCount: env.int('PROXY_HOPS', 1),
  },
  // Uploads live in `<public>/uploads`: PUBLIC_DIR puts them elsewhere (a volume, a test's own directory).
  dirs: { public: env('PUBLIC_DIR', './public') },
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('LOG_STARTUP', true) },
  },
  app: {
    keys: env.array('APP_KEYS'),
  },
});

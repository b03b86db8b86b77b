/**
 * Strapi's test environment, for every suite that boots the Campaign Desk CMS: secrets of
 * its own and quiet, telemetry-free settings for each instance, the app compiled once per
 * run, and an instance booted from cms/dist in the test's process, serving on 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';

export const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'cms');

// The CMS's own @strapi/strapi, the copy its plugins load against; and its CommonJS build,
// because the ESM build does not load under vitest.
export const cmsRequire = createRequire(path.join(cmsDir, 'package.json'));
const strapiPackage = () => cmsRequire('@strapi/strapi') as typeof import('@strapi/strapi');

const secret = () => randomBytes(18).toString('base64url');

/** What every test instance starts with; its database, and whatever a suite sets, go on top. */
export function cmsTestEnv(): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    APP_KEYS: [secret(), secret()].join(','),
    ADMIN_JWT_SECRET: secret(),
    API_TOKEN_SALT: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(),
    CAMPAIGN_DESK_PARTICIPATION_KEY: randomBytes(32).toString('base64'),
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: 'warn',
    LOG_STARTUP: 'false',
  };
}

/** Set once this test run has compiled the app. */
const COMPILED = 'CAMPAIGN_DESK_CMS_COMPILED';

/**
 * Compiles the app, once per run (in a suite's global setup): instances boot from cms/dist.
 * A suite's projects (SQLite, PostgreSQL, the admin) each run their own global setup, with
 * modules of their own but one environment: the mark is kept there, so the app compiles once.
 */
export async function compileCms(): Promise<void> {
  if (process.env[COMPILED] === cmsDir) return;
  const { compileStrapi } = strapiPackage() as unknown as { compileStrapi: (options: { appDir: string }) => Promise<unknown> };
  await compileStrapi({ appDir: cmsDir });
  process.env[COMPILED] = cmsDir;
}

export interface BootedCms {
  strapi: Core.Strapi;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
}

/**
 * Boots the CMS in this process on `env` (Strapi reads its configuration from process.env,
 * and there is one Strapi a process) and serves it on 127.0.0.1:`port`, any free one by default.
 * `strapi.destroy()` stops it.
 */
export async function bootCms(env: Record<string, string>, port = 0): Promise<BootedCms> {
  Object.assign(process.env, env);
  const strapi = await strapiPackage()
    .createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') })
    .load();
  await strapi.server.mount();
  const httpServer = strapi.server.httpServer;
  // The tests' fetch keeps connections alive between calls in this same process; a busy event
  // loop can run the server's idle timeout (5 s) before the client's, and the next call reuses a
  // socket the server has just closed (ECONNRESET). The client is always the first to let go.
  httpServer.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  return { strapi, url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` };
}

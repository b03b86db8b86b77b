/** Boots the compiled Strapi app inside this process, for seeding and set-up tasks. */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { loadEnv } from './env';
import { cmsDir } from './paths';

const require = createRequire(path.join(cmsDir, 'package.json'));

async function loadStrapi(): Promise<Core.Strapi> {
  loadEnv();
  process.env.LOG_LEVEL ??= 'warn';
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  return createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist') }).load();
}

export async function withCms<T>(task: (strapi: Core.Strapi) => Promise<T>): Promise<T> {
  const strapi = await loadStrapi();
  try {
    return await task(strapi);
  } finally {
    await settle(strapi);
    await strapi.destroy();
  }
}

/**
 * Strapi's own event listeners read the database after each document action; during a
 * long transaction on SQLite's single connection they queue up. Closing the pool under
 * them would reject them, so wait until the pool is idle (bounded).
 */
async function settle(strapi: Core.Strapi, timeoutMs = 30_000): Promise<void> {
  const pool = (strapi.db.connection.client as { pool?: { numPendingAcquires(): number; numUsed(): number } }).pool;
  const deadline = Date.now() + timeoutMs;
  while (pool && (pool.numPendingAcquires() > 0 || pool.numUsed() > 0) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Strapi serving HTTP on 127.0.0.1:`port` in this process, until `stop()`. */
export async function bootCms({ port }: { port: number }) {
  process.env.PORT = String(port);
  process.env.PUBLIC_URL = `http://127.0.0.1:${port}`;
  const strapi = await loadStrapi();
  await strapi.server.mount();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(port, '127.0.0.1', resolve));
  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await settle(strapi);
      await strapi.destroy();
    },
  };
}

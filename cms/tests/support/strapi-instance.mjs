// Another Strapi instance in a process of its own (Strapi is a per-process singleton), on
// the database its environment names: what a second server in production would be.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { createStrapi } = require('@strapi/strapi');
const appDir = path.resolve(import.meta.dirname, '..', '..');

const strapi = await createStrapi({ appDir, distDir: path.join(appDir, 'dist') }).load();
process.once('message', async () => {
  await strapi.destroy();
  process.exit(0);
});
process.send({ worker: strapi.plugin('campaign-desk').service('delivery-worker').id });

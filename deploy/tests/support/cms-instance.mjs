// One Strapi instance as systemd runs it (NODE_ENV=production, listening on its PORT), in a
// process of its own. On request (IPC) it loads the campaign's plan, makes the newsroom's
// accounts and the publisher's read-only token: what an administrator does once; and it
// answers a test's look at rows (what the newsroom would see in the admin).
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const appDir = path.resolve(import.meta.dirname, '..', '..', '..', 'cms');
const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [appDir] }));

const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
await strapi.start();

async function setUp({ plan, people }) {
  await strapi.plugin('campaign-desk').service('seed').load(plan, 'deploy');
  for (const person of people) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: person.role } });
    await strapi.service('admin::user').create({
      email: person.email,
      firstname: person.name,
      lastname: '部署',
      password: person.password,
      isActive: true,
      roles: [role.id],
    });
  }
  const token = await strapi.service('admin::api-token').create({ name: 'publisher', type: 'read-only', lifespan: null });
  const columns = await strapi.db.query('plugin::campaign-desk.column').findMany({ select: ['slug', 'documentId'] });
  return { token: token.accessKey, columns: Object.fromEntries(columns.map((column) => [column.slug, column.documentId])) };
}

process.on('message', async (message) => {
  if (message === 'stop') {
    await strapi.destroy();
    process.exit(0);
  }
  try {
    if (message.rows) process.send({ rows: await strapi.db.query(message.rows.uid).findMany({ where: message.rows.where }) });
    else process.send({ setUp: await setUp(message.setUp) });
  } catch (error) {
    process.send({ error: error.stack ?? String(error) });
  }
});
process.send({ ready: true });

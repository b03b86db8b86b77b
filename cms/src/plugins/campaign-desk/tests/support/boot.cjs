// Boots the fresh app's Strapi (no admin panel, no HTTP server) and prints, as JSON, every
// content type of the plugin with how many rows its table holds, then stops.
const { createStrapi } = require('@strapi/strapi');

(async () => {
  const app = await createStrapi({ appDir: process.cwd(), distDir: process.cwd() }).load();
  const rows = {};
  for (const uid of Object.keys(app.contentTypes).filter((uid) => uid.startsWith('plugin::campaign-desk.'))) {
    rows[uid] = await app.db.query(uid).count();
  }
  await app.destroy();
  process.stdout.write(`${JSON.stringify({ rows })}\n`);
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { ensureAdminBuild } from '@campaign-desk/testing/admin-build';
import { compileCms } from '@campaign-desk/testing/strapi';

/** The suite boots Strapi from dist/: compile it once per run; the newsroom's browser tests need the admin panel built. */
export async function setup() {
  await compileCms();
  await ensureAdminBuild('test', (line) => console.log(line));
}

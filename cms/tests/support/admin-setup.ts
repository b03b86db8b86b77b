/** Once per run of the admin browser tests: the server compiled and the admin panel built for the sources as they are. */
import { ensureAdminBuild } from '@campaign-desk/testing/admin-build';
import { compileCms } from '@campaign-desk/testing/strapi';

export async function setup() {
  await compileCms();
  await ensureAdminBuild('test', (line) => console.log(line));
}

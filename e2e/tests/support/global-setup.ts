import { compileCms } from '@campaign-desk/testing/strapi';

/** The suite boots Strapi from dist/: compile it once per run. */
export async function setup() {
  await compileCms();
}

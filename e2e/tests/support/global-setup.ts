import { compileCms } from './system';

/** The suite boots Strapi from dist/: compile it once per run. */
export async function setup() {
  await compileCms();
}

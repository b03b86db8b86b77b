/**
 * The README's table of who may do what, between two markers: written from the roles table by
 * `pnpm readme:roles` (write-roles-readme.ts), compared with it by the permissions test.
 */
import path from 'node:path';

export const README = path.resolve(__dirname, '..', '..', '..', 'README.md');

const START = '<!-- roles table: written by `pnpm readme:roles` from the roles table in services/roles.ts; edit that, not this -->';
const END = '<!-- end of roles table -->';

function bounds(readme: string): [number, number] {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no roles table between “${START}” and “${END}”`);
  return [start + START.length, end];
}

/** The table the README shows now. */
export function tableIn(readme: string): string {
  const [start, end] = bounds(readme);
  return readme.slice(start, end).trim();
}

/** The README with `table` in place of the one it shows. */
export function withTable(readme: string, table: string): string {
  const [start, end] = bounds(readme);
  return `${readme.slice(0, start)}\n${table}\n${readme.slice(end)}`;
}

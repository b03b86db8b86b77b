/**
 * The developers' table of who may do what (docs/developer/roles.md), between two markers:
 * written from the roles table by `pnpm docs:roles` (write-roles-doc.ts), compared with it by
 * the permissions test.
 */
import path from 'node:path';

export const ROLES_DOC = path.resolve(__dirname, '..', '..', '..', 'docs', 'developer', 'roles.md');

const START = "<!-- roles table: written by `pnpm docs:roles` from the plugin's roles table (roles.ts); edit that, not this -->";
const END = '<!-- end of roles table -->';

function bounds(doc: string): [number, number] {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/developer/roles.md has no roles table between “${START}” and “${END}”`);
  return [start + START.length, end];
}

/** The table the page shows now. */
export function tableIn(doc: string): string {
  const [start, end] = bounds(doc);
  return doc.slice(start, end).trim();
}

/** The page with `table` in place of the one it shows. */
export function withTable(doc: string, table: string): string {
  const [start, end] = bounds(doc);
  return `${doc.slice(0, start)}\n${table}\n${doc.slice(end)}`;
}

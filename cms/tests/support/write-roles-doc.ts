/** `pnpm docs:roles`: writes the developers' table of who may do what from the roles table. */
import { readFileSync, writeFileSync } from 'node:fs';
import { roleTable } from '../../src/plugins/campaign-desk/server/src/newsroom/role-matrix';
import { ROLES_DOC, withTable } from './roles-doc';

writeFileSync(ROLES_DOC, withTable(readFileSync(ROLES_DOC, 'utf8'), roleTable()));
console.log(`docs/developer/roles.md: roles table written from the roles table`);

/** `pnpm readme:roles`: writes the README's table of who may do what from the roles table. */
import { readFileSync, writeFileSync } from 'node:fs';
import { roleTable } from '../../src/plugins/campaign-desk/server/src/role-matrix';
import { README, withTable } from './roles-readme';

writeFileSync(README, withTable(readFileSync(README, 'utf8'), roleTable()));
console.log(`README.md: roles table written from the roles table`);

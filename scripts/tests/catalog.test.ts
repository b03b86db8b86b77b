/**
 * One version of every outside dependency: each package.json names it `catalog:` and the
 * version is the catalog's in pnpm-workspace.yaml (docs/developer/versions.md). The CMS app
 * names Strapi's admin peers by version, since `strapi build` reads them as semver.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../lib/paths';

type Manifest = { name: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

const workspace = parse(readFileSync(path.join(repoRoot, 'pnpm-workspace.yaml'), 'utf8')) as {
  packages: string[];
  catalog: Record<string, string>;
};
const manifests = ['.', ...workspace.packages].map(
  (dir) => JSON.parse(readFileSync(path.join(repoRoot, dir, 'package.json'), 'utf8')) as Manifest,
);
const specs = manifests.flatMap((manifest) =>
  Object.entries({ ...manifest.dependencies, ...manifest.devDependencies }).map(([name, spec]) => ({ in: manifest.name, name, spec })),
);
/** What @strapi/strapi's build checks in the app's own package.json (ADMIN_PEER_DEPS). */
const STRAPI_ADMIN_PEERS = ['react', 'react-dom', 'react-router-dom', 'styled-components'];

describe('the catalog', () => {
  it('gives every outside dependency of every package its version', () => {
    const outside = specs.filter((dep) => !dep.spec.startsWith('workspace:'));
    const named = outside.filter((dep) => dep.spec !== 'catalog:');
    expect(named.filter((dep) => !(dep.in === '@campaign-desk/cms' && STRAPI_ADMIN_PEERS.includes(dep.name)))).toEqual([]);
    for (const dep of named) expect(dep.spec, `${dep.in}: ${dep.name}`).toBe(workspace.catalog[dep.name]);
    expect(outside.filter((dep) => !(dep.name in workspace.catalog))).toEqual([]);
  });

  it('holds nothing no package uses', () => {
    const used = new Set(specs.map((dep) => dep.name));
    expect(Object.keys(workspace.catalog).filter((name) => !used.has(name))).toEqual([]);
  });
});

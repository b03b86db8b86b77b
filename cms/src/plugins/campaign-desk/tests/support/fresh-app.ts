/**
 * A Strapi app made from nothing, as a newsroom outside this repository would make one: its
 * own package.json naming Strapi, SQLite and the plugin's packed tarball, the configuration
 * files every Strapi app has, installed by pnpm from the package store (warm after the
 * workspace's own install, so it fetches only what the store lacks).
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { cmsRequire } from '@campaign-desk/testing/strapi';

const run = promisify(execFile);
const pluginDir = path.resolve(import.meta.dirname, '..', '..');

/** `pnpm pack` of the plugin (built beforehand by `pnpm build:plugin`) into `dir`: the tarball's path. */
export async function packPlugin(dir: string): Promise<string> {
  await run('pnpm', ['pack', '--pack-destination', dir], { cwd: pluginDir });
  const [tarball] = (await readdir(dir)).filter((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack left no tarball in ${dir}`);
  return path.join(dir, tarball);
}

/**
 * `strapi-plugin verify` (Strapi's plugin SDK) on the package as published: the tarball
 * unpacked into `dir`, its manifest's exports and every file they name. Throws with its output.
 */
export async function verifyPacked(tarball: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', dir]);
  const sdk = path.dirname(createRequire(import.meta.url).resolve('@strapi/sdk-plugin/package.json'));
  await run(process.execPath, [path.join(sdk, 'bin', 'strapi-plugin.js'), 'verify'], { cwd: path.join(dir, 'package') });
}

/** The version of a package the CMS of this repository runs: the fresh app takes the same. */
const versionOf = (name: string) => (cmsRequire(`${name}/package.json`) as { version: string }).version;

const FILES: Record<string, string> = {
  'config/database.js': `module.exports = ({ env }) => ({
  connection: { client: 'sqlite', connection: { filename: env('DATABASE_FILENAME') }, useNullAsDefault: true },
});\n`,
  'config/server.js': `module.exports = ({ env }) => ({ host: '127.0.0.1', port: 0, app: { keys: env.array('APP_KEYS') } });\n`,
  'config/admin.js': `module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
});\n`,
  // The one setting the plugin cannot run without (the key of the public forms).
  'config/plugins.js': `module.exports = ({ env }) => ({
  'campaign-desk': { config: { participation: { key: env('CAMPAIGN_DESK_PARTICIPATION_KEY') } } },
});\n`,
  'src/index.js': 'module.exports = { register() {}, bootstrap() {} };\n',
  // Which dependencies may run install scripts (pnpm asks): SQLite's native module only.
  'pnpm-workspace.yaml':
    'allowBuilds:\n  better-sqlite3: true\n  core-js-pure: false\n  esbuild: false\n  "@swc/core": false\n  sharp: false\n',
};

/** Writes the app into `dir` with the plugin from `tarball`, and installs it. */
export async function makeFreshApp(dir: string, tarball: string): Promise<void> {
  const manifest = {
    name: 'fresh-strapi-app',
    private: true,
    dependencies: {
      '@strapi/strapi': versionOf('@strapi/strapi'),
      'better-sqlite3': versionOf('better-sqlite3'),
      react: versionOf('react'),
      'react-dom': versionOf('react-dom'),
      'react-router-dom': versionOf('react-router-dom'),
      'styled-components': versionOf('styled-components'),
      'strapi-plugin-campaign-desk': `file:${tarball}`,
    },
  };
  await mkdir(path.join(dir, 'config'), { recursive: true });
  await mkdir(path.join(dir, 'src'), { recursive: true });
  await mkdir(path.join(dir, 'public', 'uploads'), { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const [file, text] of Object.entries(FILES)) await writeFile(path.join(dir, file), text);
  await run('pnpm', ['install', '--prefer-offline', '--reporter=silent'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
}

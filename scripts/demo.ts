/**
 * `pnpm demo`: the product on this machine, in one command. Creates .env with random
 * secrets, builds what is missing, seeds the plan's data, makes a read-only API token and
 * an administrator (credentials printed once and kept in .demo/, which git ignores), then
 * runs Strapi on SQLite until Ctrl-C. A second run reuses everything that exists.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { withCms } from './lib/cms';
import { ensureEnv, loadEnv } from './lib/env';
import { cmsDir, demoDir, envFile, repoRoot } from './lib/paths';
import { campaignDataset } from './seed/index';

interface Credentials {
  admin: { email: string; password: string };
  snapshotToken?: string;
}

const TOKEN_NAME = 'Campaign site (read-only)';
const credentialsFile = path.join(demoDir, 'credentials.json');
const step = (text: string) => console.log(`\n▶ ${text}`);

function run(command: string, args: string[], cwd = repoRoot): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', env: process.env });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

function readCredentials(): Credentials {
  if (existsSync(credentialsFile)) return JSON.parse(readFileSync(credentialsFile, 'utf8')) as Credentials;
  // Strapi asks for upper and lower case letters and a digit.
  return { admin: { email: 'admin@campaign-desk.local', password: `Cd1${randomBytes(12).toString('base64url')}` } };
}

function saveCredentials(credentials: Credentials) {
  mkdirSync(demoDir, { recursive: true });
  writeFileSync(credentialsFile, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}

async function ensureAdministrator(strapi: Core.Strapi, credentials: Credentials): Promise<boolean> {
  const users = strapi.service('admin::user');
  if (await strapi.db.query('admin::user').findOne({ where: { email: credentials.admin.email } })) return false;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email: credentials.admin.email,
    firstname: '演示',
    lastname: '管理员',
    password: credentials.admin.password,
    isActive: true,
    roles: [superAdmin.id],
    preferedLanguage: 'zh-Hans',
  });
  return true;
}

async function ensureSnapshotToken(strapi: Core.Strapi, credentials: Credentials): Promise<void> {
  const tokens = strapi.service('admin::api-token');
  const existing = (await strapi.db.query('admin::api-token').findOne({ where: { name: TOKEN_NAME } })) as { id: number } | null;
  if (existing && credentials.snapshotToken) return;
  const token = existing
    ? ((await tokens.regenerate(existing.id)) as { accessKey: string })
    : ((await tokens.create({
        name: TOKEN_NAME,
        description: 'The static site reads the snapshot API with this token.',
        type: 'read-only',
        lifespan: null,
      })) as { accessKey: string });
  credentials.snapshotToken = token.accessKey;
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`Strapi exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/_health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Strapi did not answer at ${url} within two minutes`);
}

async function main() {
  step('Configuration');
  const filled = ensureEnv();
  console.log(filled.length > 0 ? `  wrote random ${filled.join(', ')} to ${envFile}` : `  using ${envFile}`);
  loadEnv();

  step('Building the plugin and the server');
  await run('pnpm', ['build:server']);
  if (!existsSync(path.join(cmsDir, 'dist', 'build', 'index.html'))) {
    step('Building the admin panel (first run only, about a minute)');
    await run('pnpm', ['--filter', '@campaign-desk/cms', 'build']);
  }

  step('Seeding the campaign plan and sample stories, creating the token and the administrator');
  const credentials = readCredentials();
  const { summary, createdAdmin } = await withCms(async (strapi) => {
    const seeded = (await strapi.plugin('campaign-desk').service('seed').load(campaignDataset(), 'plan.json + sample stories')) as Record<
      string,
      { created: number; kept: number }
    >;
    const created = await ensureAdministrator(strapi, credentials);
    await ensureSnapshotToken(strapi, credentials);
    return { summary: seeded, createdAdmin: created };
  });
  saveCredentials(credentials);
  const created = Object.values(summary).reduce((sum, section) => sum + section.created, 0);
  console.log(created > 0 ? `  created ${created} records` : '  the database already holds the seed; nothing changed');

  step('Starting Strapi');
  const require = createRequire(path.join(cmsDir, 'package.json'));
  const strapiBin = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
  const strapi = spawn(process.execPath, [strapiBin, 'start'], {
    cwd: cmsDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ENV_PATH: envFile },
  });
  const stop = () => {
    console.log('\nStopping…');
    strapi.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const url = `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '1337'}`;
  await waitForHealth(url, strapi);
  console.log(`
Campaign Desk is running.

  Admin (in Chinese):  ${url}/admin
    email:     ${credentials.admin.email}
    password:  ${credentials.admin.password}${createdAdmin ? '   (new: kept in .demo/credentials.json)' : ''}
  Snapshot API:        ${url}/api/campaign-desk/snapshot
    curl -H "Authorization: Bearer ${credentials.snapshotToken}" ${url}/api/campaign-desk/snapshot?limit=5

Ctrl-C stops it.`);
  await new Promise<void>((resolve) => strapi.on('exit', () => resolve()));
}

main().catch((error: unknown) => {
  console.error(`\nThe demo could not start: ${(error as Error).message}`);
  process.exitCode = 1;
});

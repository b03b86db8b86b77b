/**
 * `pnpm demo`: the product on this machine, in one command. Creates .env with random
 * secrets, builds what is missing, seeds the plan's data, makes a read-only API token, an
 * administrator and the newsroom's demo accounts (each registered with 咸宁日报, with sample
 * topics due this week and overdue), a partner token for 湖北日报 (credentials printed once
 * and kept in .demo/, which git ignores), then runs Strapi on SQLite until Ctrl-C. A second
 * run reuses everything that exists.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ensureAdminBuild } from '@campaign-desk/testing/admin-build';
import { shanghaiDate } from '@campaign-desk/shared';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { shiftDay, weekOf } from 'strapi-plugin-campaign-desk/weeks';
import { withCms } from './lib/cms';
import { controlUrl, ensureEnv, loadEnv } from './lib/env';
import { cmsDir, demoDir, envFile, repoRoot } from './lib/paths';
import { campaignDataset } from './seed/index';

interface Login {
  email: string;
  password: string;
}

interface Credentials {
  admin: Login;
  /** One account per newsroom role (记者, 编辑, 主编), by role code. */
  newsroom: Record<string, Login & { role: string }>;
  snapshotToken?: string;
  /** 湖北日报's partner token (合作媒体令牌), for the curl line that reports a republication. */
  partnerToken?: string;
}

/** Demo accounts for the newsroom roles the plugin creates; invented people, not the plan's. */
const NEWSROOM = [
  { code: 'campaign-desk-reporter', email: 'reporter@campaign-desk.local', firstname: '记者', lastname: '演示' },
  { code: 'campaign-desk-editor', email: 'editor@campaign-desk.local', firstname: '编辑', lastname: '演示' },
  { code: 'campaign-desk-chief-editor', email: 'chief@campaign-desk.local', firstname: '主编', lastname: '演示' },
] as const;

const TOKEN_NAME = 'Campaign site (read-only)';
const credentialsFile = path.join(demoDir, 'credentials.json');
const step = (text: string) => console.log(`\n▶ ${text}`);

function run(command: string, args: string[], cwd = repoRoot): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', env: process.env });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Strapi asks for upper and lower case letters and a digit. */
const newPassword = () => `Cd1${randomBytes(12).toString('base64url')}`;

function readCredentials(): Credentials {
  const saved = existsSync(credentialsFile) ? (JSON.parse(readFileSync(credentialsFile, 'utf8')) as Partial<Credentials>) : {};
  return {
    admin: saved.admin ?? { email: 'admin@campaign-desk.local', password: newPassword() },
    newsroom: saved.newsroom ?? {},
    snapshotToken: saved.snapshotToken,
    partnerToken: saved.partnerToken,
  };
}

function saveCredentials(credentials: Credentials) {
  mkdirSync(demoDir, { recursive: true });
  writeFileSync(credentialsFile, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}

/** Creates an account unless its email exists; returns whether it did. */
async function ensureAccount(strapi: Core.Strapi, login: Login, roleId: number, firstname: string, lastname: string) {
  if (await strapi.db.query('admin::user').findOne({ where: { email: login.email } })) return false;
  await strapi.service('admin::user').create({
    email: login.email,
    firstname,
    lastname,
    password: login.password,
    isActive: true,
    roles: [roleId],
    preferedLanguage: 'zh-Hans',
  });
  return true;
}

async function ensureAccounts(strapi: Core.Strapi, credentials: Credentials): Promise<boolean> {
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  let created = await ensureAccount(strapi, credentials.admin, superAdmin.id, '管理员', '演示');
  for (const person of NEWSROOM) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: person.code } })) as { id: number; name: string } | null;
    if (!role) continue; // renamed or removed by an administrator
    const login = credentials.newsroom[person.code] ?? { email: person.email, password: newPassword(), role: role.name };
    credentials.newsroom[person.code] = login;
    created = (await ensureAccount(strapi, login, role.id, person.firstname, person.lastname)) || created;
  }
  return created;
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

const DEMO_OUTLET = 'xianning-ribao';
const DEMO_PARTNER = 'hubei-ribao';
const DEMO_PLAN = '【示例】咸宁日报“六大”活动报道方案（第三阶段）';

/**
 * The coverage desk as a newsroom would start it: each demo account registered with 咸宁日报,
 * a sample reporting plan whose topics fall due this week and one already overdue (dated from
 * today, so the desk shows them whenever the demo runs), and 湖北日报's partner token.
 */
async function ensureDesk(strapi: Core.Strapi, credentials: Credentials): Promise<void> {
  const bySlug = async (uid: string, slug: string) =>
    ((await strapi.db.query(uid as never).findOne({ where: { slug }, select: ['documentId'] })) as { documentId: string } | null)?.documentId;
  const outlet = await bySlug(UID.outlet, DEMO_OUTLET);
  const theme = await bySlug(UID.theme, 'gongyuan-chengshi');
  if (!outlet || !theme) return;
  const staff: Record<string, string> = {};
  for (const person of NEWSROOM) {
    const email = credentials.newsroom[person.code]?.email;
    if (!email) continue;
    const existing = (await strapi.db.query(UID.staffMember).findOne({ where: { email }, select: ['documentId'] })) as { documentId: string } | null;
    staff[person.code] =
      existing?.documentId ??
      (await strapi.documents(UID.staffMember).create({ data: { name: `${person.lastname}${person.firstname}`, email, outlet } } as never)).documentId;
  }
  if (!(await strapi.db.query(UID.reportingPlan).findOne({ where: { title: DEMO_PLAN } }))) {
    const plan = await strapi.documents(UID.reportingPlan).create({
      data: { title: DEMO_PLAN, outlet, theme, lead: staff['campaign-desk-chief-editor'], summary: '围绕建设自然生态公园城市，每周推出一组一线报道。', sample: true },
    } as never);
    const today = shanghaiDate(new Date());
    const reporter = staff['campaign-desk-reporter'];
    for (const topic of [
      { title: '【示例】自然生态公园城市建设一线走访', angle: '记者走进城乡社区，看公园城市怎样改变生活', dueOn: weekOf(today).sunday, progress: 'reporting', reporters: [reporter] },
      { title: '【示例】长江大保护咸宁实践综述', angle: '岸线整治一年间：数字与故事', dueOn: shiftDay(today, -3), progress: 'planning', reporters: [reporter] },
      { title: '【示例】《意见》解读系列评论', angle: '特约评论员解读三个发展定位', dueOn: shiftDay(weekOf(today).sunday, 7), progress: 'planning', reporters: [] },
    ]) {
      await strapi.documents(UID.topic).create({ data: { ...topic, plan: plan.documentId, reporters: topic.reporters.filter(Boolean), sample: true } } as never);
    }
  }
  const partner = await bySlug(UID.outlet, DEMO_PARTNER);
  if (partner && !credentials.partnerToken) {
    credentials.partnerToken = (await strapi.plugin(PLUGIN_ID).service('partner-tokens').issue(partner, '湖北日报（演示）', '系统')).token;
  }
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

async function waitForLiveSite(control: string, publisher: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    if (publisher.exitCode !== null) throw new Error(`the publisher exited with ${publisher.exitCode}`);
    try {
      const response = await fetch(`${control}/status`, { headers: { authorization: `Bearer ${process.env.PUBLISHER_TOKEN}` } });
      const status = (await response.json()) as { live: string | null; lastBuild: { ok: boolean; error: string } | null };
      if (status.live) return;
      if (status.lastBuild && !status.lastBuild.ok) throw new Error(`the first site build failed:\n${status.lastBuild.error}`);
    } catch (error) {
      if ((error as Error).message.startsWith('the first')) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the site was not live within ten minutes');
}

async function main() {
  step('Configuration');
  const filled = ensureEnv();
  console.log(filled.length > 0 ? `  wrote random ${filled.join(', ')} to ${envFile}` : `  using ${envFile}`);
  loadEnv();

  step('Building the plugin and the server');
  await run('pnpm', ['build:server']);
  step('Building the admin panel where its sources changed (a minute or two; otherwise reused)');
  const admin = await ensureAdminBuild({ ENV_PATH: envFile });
  console.log(admin.built ? '  built' : '  up to date');

  step('Seeding the campaign plan and sample stories, creating the token and the demo accounts');
  const credentials = readCredentials();
  const { summary, createdAdmin } = await withCms(async (strapi) => {
    const seeded = (await strapi.plugin(PLUGIN_ID).service('seed').load(campaignDataset(), 'plan.json + sample stories')) as Record<
      string,
      { created: number; kept: number }
    >;
    const created = await ensureAccounts(strapi, credentials);
    await ensureSnapshotToken(strapi, credentials);
    await ensureDesk(strapi, credentials);
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
  const children: ChildProcess[] = [strapi];
  const stop = () => {
    console.log('\nStopping…');
    for (const child of children) child.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const url = `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '1337'}`;
  await waitForHealth(url, strapi);

  step('Starting the publisher and building the site (the first time compiles it too: under a minute)');
  const siteUrl = process.env.SITE_URL ?? 'http://127.0.0.1:4321';
  const control = controlUrl();
  // Node with tsx's loader rather than tsx's wrapper, so Ctrl-C reaches the publisher itself.
  const publisher = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'publisher', 'src', 'cli.ts'), 'start'], {
    cwd: path.join(repoRoot, 'publisher'),
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      CAMPAIGN_DESK_SNAPSHOT_URL: `${url}/api/campaign-desk/snapshot`,
      CAMPAIGN_DESK_TOKEN: credentials.snapshotToken,
      SITE_URL: siteUrl,
      // The demo's content is all samples: a preview shows it in feeds and coverage, and says so
      // on every page. CAMPAIGN_DESK_PREVIEW=false in .env shows what the public would see.
      CAMPAIGN_DESK_PREVIEW: process.env.CAMPAIGN_DESK_PREVIEW || 'true',
    },
  });
  children.push(publisher);
  await waitForLiveSite(control, publisher);
  console.log(`
Campaign Desk is running.

  Admin (in Chinese):  ${url}/admin${createdAdmin ? '   (new accounts: kept in .demo/credentials.json)' : ''}
${[['管理员', credentials.admin] as const, ...Object.values(credentials.newsroom).map((login) => [login.role, login] as const)]
  .map(([role, login]) => `    ${role.padEnd(4, '　')} ${login.email.padEnd(30)} ${login.password}`)
  .join('\n')}
  Snapshot API:        ${url}/api/campaign-desk/snapshot
    curl -H "Authorization: Bearer ${credentials.snapshotToken}" ${url}/api/campaign-desk/snapshot?limit=5
  Coverage desk:       ${url}/admin/plugins/${PLUGIN_ID}/desk (报道统筹) · ${url}/admin/plugins/${PLUGIN_ID}/statistics (统计, 周报)
  A partner reports:   (湖北日报's token; take a storyId from the snapshot)
    curl -H "Authorization: Bearer ${credentials.partnerToken}" -H "Content-Type: application/json" \\
      -d '{"storyId":"…","date":"2020-06-10","url":"https://epaper.hubeidaily.net/…"}' ${url}/api/campaign-desk/partner/placements

  The site (专题):     ${siteUrl}/
  Feeds for partners:  ${siteUrl}/feeds/
  Publisher status:    curl -H "Authorization: Bearer ${process.env.PUBLISHER_TOKEN}" ${control}/status

Log in as 主编, publish a story, and it is on the site and in its feeds a few seconds later.
Ctrl-C stops everything.`);
  await Promise.all(children.map((child) => new Promise<void>((resolve) => child.on('exit', () => resolve()))));
}

main().catch((error: unknown) => {
  console.error(`\nThe demo could not start: ${(error as Error).message}`);
  process.exitCode = 1;
});

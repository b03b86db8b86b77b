/**
 * `pnpm demo`: the product on this machine, in one command. Creates .env with random
 * secrets, builds what is missing, seeds the plan's data, makes a read-only API token, an
 * administrator and one account per newsroom role (passwords printed when the accounts are
 * made, and kept in .demo/, which git ignores), registers them with 咸宁日报 with sample
 * topics due this week and overdue, issues 湖北日报 a partner token, then runs Strapi on
 * SQLite and the publisher until Ctrl-C. A second run reuses everything that exists.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ensureAdminBuild } from '@campaign-desk/testing/admin-build';
import { publisherEnvironment } from '@campaign-desk/publisher/config';
import { SiteAddress, shanghaiDate } from '@campaign-desk/shared';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { shiftDay, weekOf } from 'strapi-plugin-campaign-desk/weeks';
import { withCms } from './lib/cms';
import { CredentialsFile, describeAccounts, ensureAccounts, type AccountDirectory, type DemoAccount } from './lib/demo-accounts';
import { controlUrl, ensureEnv, loadEnv } from './lib/env';
import { cmsDir, demoDir, envFile, repoRoot } from './lib/paths';
import { campaignDataset } from './seed/index';

/** Demo accounts for the newsroom roles the plugin creates; invented people, not the plan's. */
const NEWSROOM = [
  { code: 'campaign-desk-reporter', email: 'reporter@campaign-desk.local', firstname: '记者', lastname: '演示' },
  { code: 'campaign-desk-editor', email: 'editor@campaign-desk.local', firstname: '编辑', lastname: '演示' },
  { code: 'campaign-desk-chief-editor', email: 'chief@campaign-desk.local', firstname: '主编', lastname: '演示' },
] as const;

const TOKEN_NAME = 'Campaign site (read-only)';
const credentialsPath = path.join(demoDir, 'credentials.json');
const credentialsFile = new CredentialsFile(credentialsPath);
const shownPath = path.relative(repoRoot, credentialsPath);
const step = (text: string) => console.log(`\n▶ ${text}`);

function run(command: string, args: string[], cwd = repoRoot): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', env: process.env });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** The administrator and an account per newsroom role that exists (an administrator may have renamed or removed one). */
async function demoAccounts(strapi: Core.Strapi): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [{ key: 'admin', email: 'admin@campaign-desk.local', role: '管理员', firstname: '管理员', lastname: '演示' }];
  for (const person of NEWSROOM) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: person.code } })) as { name: string } | null;
    if (role) accounts.push({ key: person.code, email: person.email, role: role.name, firstname: person.firstname, lastname: person.lastname });
  }
  return accounts;
}

/** Strapi's admin users: the administrator is a Super Admin, the others have their newsroom role. */
function adminUsers(strapi: Core.Strapi): AccountDirectory {
  return {
    exists: async (email) => Boolean(await strapi.db.query('admin::user').findOne({ where: { email } })),
    async create(account, password) {
      const role = (
        account.key === 'admin'
          ? await strapi.service('admin::role').getSuperAdmin()
          : await strapi.db.query('admin::role').findOne({ where: { code: account.key } })
      ) as { id: number };
      await strapi.service('admin::user').create({
        email: account.email,
        firstname: account.firstname,
        lastname: account.lastname,
        password,
        isActive: true,
        roles: [role.id],
        preferedLanguage: 'zh-Hans',
      });
    },
  };
}

/** Makes the site's read-only token unless the file keeps it; resolves to whether it was made now. */
async function ensureSnapshotToken(strapi: Core.Strapi): Promise<boolean> {
  const tokens = strapi.service('admin::api-token');
  const existing = (await strapi.db.query('admin::api-token').findOne({ where: { name: TOKEN_NAME } })) as { id: number } | null;
  if (existing && credentialsFile.read().snapshotToken) return false;
  // Its key is shown once: a token whose key was lost is regenerated.
  const token = existing
    ? ((await tokens.regenerate(existing.id)) as { accessKey: string })
    : ((await tokens.create({
        name: TOKEN_NAME,
        description: 'The static site reads the snapshot API with this token.',
        type: 'read-only',
        lifespan: null,
      })) as { accessKey: string });
  credentialsFile.save({ ...credentialsFile.read(), snapshotToken: token.accessKey });
  return true;
}

const DEMO_OUTLET = 'xianning-ribao';
const DEMO_PARTNER = 'hubei-ribao';
const DEMO_PLAN = '【示例】咸宁日报“六大”活动报道方案（第三阶段）';

/**
 * The coverage desk as a newsroom would start it: each demo account registered with 咸宁日报,
 * a sample reporting plan whose topics fall due this week and one already overdue (dated from
 * today, so the desk shows them whenever the demo runs), and 湖北日报's partner token.
 */
async function ensureDesk(strapi: Core.Strapi): Promise<boolean> {
  const bySlug = async (uid: string, slug: string) =>
    ((await strapi.db.query(uid as never).findOne({ where: { slug }, select: ['documentId'] })) as { documentId: string } | null)?.documentId;
  const outlet = await bySlug(UID.outlet, DEMO_OUTLET);
  const theme = await bySlug(UID.theme, 'gongyuan-chengshi');
  if (!outlet || !theme) return false;
  const staff: Record<string, string> = {};
  for (const { code, email, firstname, lastname } of NEWSROOM) {
    if (!(await strapi.db.query('admin::user').findOne({ where: { email } }))) continue;
    const existing = (await strapi.db.query(UID.staffMember).findOne({ where: { email }, select: ['documentId'] })) as { documentId: string } | null;
    staff[code] =
      existing?.documentId ??
      (await strapi.documents(UID.staffMember).create({ data: { name: `${lastname}${firstname}`, email, outlet } } as never)).documentId;
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
  if (!partner || credentialsFile.read().partnerToken) return false;
  const { token } = (await strapi.plugin(PLUGIN_ID).service('partner-tokens').issue(partner, '湖北日报（演示）', '系统')) as { token: string };
  credentialsFile.save({ ...credentialsFile.read(), partnerToken: token });
  return true;
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
  // Rebuilt only when its sources changed since the last build, or the tests left theirs.
  await ensureAdminBuild('production', () => step('Building the admin panel (about a minute)'));

  step('Seeding the campaign plan and sample stories, creating the token and the demo accounts');
  const { summary, accounts, tokenMade, partnerTokenMade } = await withCms(async (strapi) => {
    const seeded = (await strapi.plugin(PLUGIN_ID).service('seed').load(campaignDataset(), 'plan.json + sample stories')) as Record<
      string,
      { created: number; kept: number }
    >;
    const accounts = await ensureAccounts(credentialsFile, adminUsers(strapi), await demoAccounts(strapi));
    const tokenMade = await ensureSnapshotToken(strapi);
    const partnerTokenMade = await ensureDesk(strapi);
    return { summary: seeded, accounts, tokenMade, partnerTokenMade };
  });
  const { snapshotToken, partnerToken } = credentialsFile.read();
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
  // The publisher serves the site under SITE_URL's path (`/zt/liuda/` when it has one).
  const site = new SiteAddress(siteUrl);
  const control = controlUrl();
  // Node with tsx's loader rather than tsx's wrapper, so Ctrl-C reaches the publisher itself.
  const publisher = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'publisher', 'src', 'cli.ts'), 'start'], {
    cwd: path.join(repoRoot, 'publisher'),
    stdio: ['ignore', 'inherit', 'inherit'],
    // Its own variables only: .env, loaded into this process, holds the CMS's keys and salts too.
    env: publisherEnvironment({
      ...process.env,
      CAMPAIGN_DESK_SNAPSHOT_URL: `${url}/api/campaign-desk/snapshot`,
      CAMPAIGN_DESK_TOKEN: snapshotToken,
      SITE_URL: siteUrl,
      // The demo's content is all samples: a preview shows it in feeds and coverage, and says so
      // on every page. CAMPAIGN_DESK_PREVIEW=false in .env shows what the public would see.
      CAMPAIGN_DESK_PREVIEW: process.env.CAMPAIGN_DESK_PREVIEW || 'true',
    }),
  });
  children.push(publisher);
  await waitForLiveSite(control, publisher);
  // Secrets are shown when they are made; afterwards the commands read them where they are kept.
  const shownToken = tokenMade ? snapshotToken : `$(node -p "require('./${shownPath}').snapshotToken")`;
  const shownPartnerToken = partnerTokenMade ? partnerToken : `$(node -p "require('./${shownPath}').partnerToken")`;
  console.log(`
Campaign Desk is running.

  Admin (in Chinese):  ${url}/admin${accounts.some((outcome) => outcome.state === 'created') ? `   (new accounts: passwords shown once, kept in ${shownPath})` : ''}
${describeAccounts(accounts, shownPath).join('\n')}
  Snapshot API:        ${url}/api/campaign-desk/snapshot
    curl -H "Authorization: Bearer ${shownToken}" ${url}/api/campaign-desk/snapshot?limit=5
  Coverage desk:       ${url}/admin/plugins/${PLUGIN_ID}/desk (报道统筹) · ${url}/admin/plugins/${PLUGIN_ID}/statistics (统计, 周报)
  A partner reports:   (湖北日报's token; take a storyId from the snapshot)
    curl -H "Authorization: Bearer ${shownPartnerToken}" -H "Content-Type: application/json" \\
      -d '{"storyId":"…","date":"2020-06-10","url":"https://epaper.hubeidaily.net/…"}' ${url}/api/campaign-desk/partner/placements

  The site (专题):     ${site.url('/')}
  Feeds for partners:  ${site.url('/feeds/')}
  Readers take part:   ${site.url('/jianyan/')} (建言献策) and ${site.url('/goodDeeds/')} (好人好事); the forms post to
                       ${process.env.CAMPAIGN_DESK_SUBMIT_URL}; 编辑 and 主编 moderate them in the admin under 群众来稿
  Publisher status:    curl -H "Authorization: Bearer $(sed -n 's/^PUBLISHER_TOKEN=//p' .env)" ${control}/status

A 记者's story passes 初审 by 编辑, 复审 by 主编 and 终审 by 管理员 (three different people, as
三审 asks); 主编 then publishes it, and it is on the site and in its feeds within a second or two.
Send a suggestion from the site, adopt it with a reply as 编辑, and it is on the 建言献策 wall.
Ctrl-C stops everything.`);
  await Promise.all(children.map((child) => new Promise<void>((resolve) => child.on('exit', () => resolve()))));
}

main().catch((error: unknown) => {
  console.error(`\nThe demo could not start: ${(error as Error).message}`);
  process.exitCode = 1;
});

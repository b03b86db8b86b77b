/**
 * `pnpm demo`: the product on this machine, in one command. Creates .env with random
 * secrets, builds what is missing, seeds the plan's data, makes a read-only API token, an
 * administrator and one account per newsroom role (passwords printed when the accounts are
 * made, and kept in .demo/, which git ignores), registers them with 咸宁日报 with sample
 * topics due this week and overdue, issues 湖北日报 a partner token, then runs Strapi on
 * SQLite and the publisher until Ctrl-C. A second run reuses everything that exists.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { controlStatus } from '@campaign-desk/publisher/process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureAdminBuild } from '@campaign-desk/testing/admin-build';
import { publisherEnvironment } from '@campaign-desk/publisher/config';
import { SiteAddress } from '@campaign-desk/shared';
import { PLUGIN_ID } from 'strapi-plugin-campaign-desk/names';
import { withCms } from './lib/cms';
import { CredentialsFile, describeAccounts } from './lib/demo-accounts';
import { DEMO_LIVE_SLUG, seedDemoNewsroom } from './lib/demo-newsroom';
import { controlUrl, ensureEnv, loadEnv } from './lib/env';
import { cmsDir, demoDir, envFile, repoRoot } from './lib/paths';

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
    const status = await controlStatus(control, process.env.PUBLISHER_TOKEN ?? '');
    if (status?.live) return;
    if (status?.lastBuild && !status.lastBuild.ok) throw new Error(`the first site build failed:\n${status.lastBuild.error}`);
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
  const { summary, accounts, tokenMade, partnerTokenMade } = await withCms((strapi) => seedDemoNewsroom(strapi, credentialsFile));
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
  图文直播 (live):      ${site.url(`/lives/${DEMO_LIVE_SLUG}/`)}; entries are written and approved at
                       ${url}/admin/plugins/${PLUGIN_ID}/live (记者 writes, 编辑 approves)
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

/**
 * The demo's newsroom, as `pnpm demo` makes it and `pnpm docs:screenshots` shows it: the plan's
 * data and sample stories, an administrator and one account per newsroom role, the site's
 * read-only token, the coverage desk of 咸宁日报 with topics due this week and overdue, and
 * 湖北日报's partner token, and a 图文直播 on the plenary, on air. Passwords and tokens go to the credentials file given.
 */
import type { Core } from '@strapi/strapi';
import { shanghaiDate } from '@campaign-desk/shared';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import { shiftDay, weekOf } from 'strapi-plugin-campaign-desk/weeks';
import { campaignDataset } from '../seed/index';
import { ensureAccounts, type AccountDirectory, type AccountOutcome, type CredentialsFile, type DemoAccount } from './demo-accounts';

/** Demo accounts for the newsroom roles the plugin creates; invented people, not the plan's. */
export const NEWSROOM = [
  { code: 'campaign-desk-reporter', email: 'reporter@campaign-desk.local', firstname: '记者', lastname: '演示' },
  { code: 'campaign-desk-editor', email: 'editor@campaign-desk.local', firstname: '编辑', lastname: '演示' },
  { code: 'campaign-desk-chief-editor', email: 'chief@campaign-desk.local', firstname: '主编', lastname: '演示' },
] as const;
/** The administrator, registered with 咸宁日报 too: 终审 in the demo's chain. */
const DEMO_ADMIN = { code: 'admin', email: 'admin@campaign-desk.local', firstname: '管理员', lastname: '演示' } as const;

const TOKEN_NAME = 'Campaign site (read-only)';

/** The administrator and an account per newsroom role that exists (an administrator may have renamed or removed one). */
async function demoAccounts(strapi: Core.Strapi): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [
    { key: 'admin', email: DEMO_ADMIN.email, role: '管理员', firstname: DEMO_ADMIN.firstname, lastname: DEMO_ADMIN.lastname },
  ];
  for (const person of NEWSROOM) {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: person.code } })) as { name: string } | null;
    if (role)
      accounts.push({ key: person.code, email: person.email, role: role.name, firstname: person.firstname, lastname: person.lastname });
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
async function ensureSnapshotToken(strapi: Core.Strapi, credentialsFile: CredentialsFile): Promise<boolean> {
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
/**
 * 咸宁日报's review chain as the README's day goes (初审 编辑, 复审 主编, 终审 管理员 across
 * outlets), so the demo works with chains per outlet on (CAMPAIGN_DESK_REVIEW_PER_OUTLET=true);
 * off, the marks are not read.
 */
const DEMO_CHAIN: Record<string, Record<string, boolean>> = {
  'campaign-desk-editor': { firstReview: true },
  'campaign-desk-chief-editor': { secondReview: true },
  admin: { finalReview: true, allOutlets: true },
};
const DEMO_PARTNER = 'hubei-ribao';
const DEMO_PLAN = '【示例】咸宁日报“六大”活动报道方案（第三阶段）';

/**
 * The coverage desk as a newsroom would start it: each demo account registered with 咸宁日报,
 * a sample reporting plan whose topics fall due this week and one already overdue (dated from
 * today, so the desk shows them whenever the demo runs), and 湖北日报's partner token.
 */
async function ensureDesk(strapi: Core.Strapi, credentialsFile: CredentialsFile): Promise<boolean> {
  const bySlug = async (uid: string, slug: string) =>
    ((await strapi.db.query(uid as never).findOne({ where: { slug }, select: ['documentId'] })) as { documentId: string } | null)
      ?.documentId;
  const outlet = await bySlug(UID.outlet, DEMO_OUTLET);
  const theme = await bySlug(UID.theme, 'gongyuan-chengshi');
  if (!outlet || !theme) return false;
  const staff: Record<string, string> = {};
  for (const { code, email, firstname, lastname } of [...NEWSROOM, DEMO_ADMIN]) {
    if (!(await strapi.db.query('admin::user').findOne({ where: { email } }))) continue;
    const existing = (await strapi.db.query(UID.staffMember).findOne({ where: { email }, select: ['documentId'] })) as {
      documentId: string;
    } | null;
    const data = { name: `${lastname}${firstname}`, email, outlet, ...DEMO_CHAIN[code] };
    staff[code] = existing?.documentId ?? (await strapi.documents(UID.staffMember).create({ data } as never)).documentId;
  }
  if (!(await strapi.db.query(UID.reportingPlan).findOne({ where: { title: DEMO_PLAN } }))) {
    const plan = await strapi.documents(UID.reportingPlan).create({
      data: {
        title: DEMO_PLAN,
        outlet,
        theme,
        lead: staff['campaign-desk-chief-editor'],
        summary: '围绕建设自然生态公园城市，每周推出一组一线报道。',
        sample: true,
      },
    } as never);
    const today = shanghaiDate(new Date());
    const reporter = staff['campaign-desk-reporter'];
    for (const topic of [
      {
        title: '【示例】自然生态公园城市建设一线走访',
        angle: '记者走进城乡社区，看公园城市怎样改变生活',
        dueOn: weekOf(today).sunday,
        progress: 'reporting',
        reporters: [reporter],
      },
      {
        title: '【示例】长江大保护咸宁实践综述',
        angle: '岸线整治一年间：数字与故事',
        dueOn: shiftDay(today, -3),
        progress: 'planning',
        reporters: [reporter],
      },
      {
        title: '【示例】《意见》解读系列评论',
        angle: '特约评论员解读三个发展定位',
        dueOn: shiftDay(weekOf(today).sunday, 7),
        progress: 'planning',
        reporters: [],
      },
    ]) {
      await strapi
        .documents(UID.topic)
        .create({ data: { ...topic, plan: plan.documentId, reporters: topic.reporters.filter(Boolean), sample: true } } as never);
    }
  }
  const partner = await bySlug(UID.outlet, DEMO_PARTNER);
  if (!partner || credentialsFile.read().partnerToken) return false;
  const { token } = (await strapi.plugin(PLUGIN_ID).service('partner-tokens').issue(partner, '湖北日报（演示）', '系统')) as {
    token: string;
  };
  credentialsFile.save({ ...credentialsFile.read(), partnerToken: token });
  return true;
}

/** The demo's 图文直播 on the plenary (市委全体（扩大）会议): on air, taking readers' questions, with one entry approved; the admin's 图文直播 page takes more. */
export const DEMO_LIVE_SLUG = 'quanhui-tuwen-zhibo';

async function ensureLive(strapi: Core.Strapi): Promise<void> {
  if (await strapi.db.query(UID.live).findOne({ where: { slug: DEMO_LIVE_SLUG } })) return;
  const plenary = (await strapi.db.query(UID.event).findOne({ where: { kind: 'plenary' }, select: ['documentId'] })) as {
    documentId: string;
  } | null;
  const live = await strapi.documents(UID.live).create({
    data: {
      title: '【示例】市委全体（扩大）会议图文直播',
      slug: DEMO_LIVE_SLUG,
      event: plenary?.documentId ?? null,
      state: 'on_air',
      questions: true,
      summary: '示例直播：记者在“图文直播”页写条目，值班编辑审核后几秒内出现在本页；读者可以提问。',
      sample: true,
    },
    status: 'published',
  } as never);
  // Written by code, so no person: the seed's one entry goes up as it is.
  await strapi.documents(UID.liveEntry).create({
    data: {
      live: live.documentId,
      kind: 'entry_text',
      text: '【示例】会议即将开始，本页将实时播报会议进程。',
      pinned: true,
      state: 'cleared',
    },
  } as never);
}

export interface DemoNewsroom {
  /** Records the seed made and kept, by type. */
  summary: Record<string, { created: number; kept: number }>;
  accounts: AccountOutcome[];
  tokenMade: boolean;
  partnerTokenMade: boolean;
}

/** Seeds the campaign and makes whatever of the demo's newsroom does not exist yet; a second run changes nothing. */
export async function seedDemoNewsroom(strapi: Core.Strapi, credentialsFile: CredentialsFile): Promise<DemoNewsroom> {
  const summary = (await strapi
    .plugin(PLUGIN_ID)
    .service('seed')
    .load(campaignDataset(), 'plan.json + sample stories')) as DemoNewsroom['summary'];
  const accounts = await ensureAccounts(credentialsFile, adminUsers(strapi), await demoAccounts(strapi));
  const tokenMade = await ensureSnapshotToken(strapi, credentialsFile);
  const partnerTokenMade = await ensureDesk(strapi, credentialsFile);
  await ensureLive(strapi);
  return { summary, accounts, tokenMade, partnerTokenMade };
}

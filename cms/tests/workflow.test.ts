/**
 * 三审 through the admin HTTP API, as the newsroom uses it: real logins of a reporter, an
 * editor and a chief editor, the content manager's own endpoints, and the review routes
 * the edit-view panel calls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLUGIN_ID, REVIEW_ACTIONS, SUPER_ADMIN_ROLE, UID } from 'strapi-plugin-campaign-desk/names';
import { adminApi, type Session } from './support/admin-api';
import { fixtures, paragraph } from './support/fixtures';
import { startCms, type TestCms } from './support/strapi';

let cms: TestCms;
let api: ReturnType<typeof adminApi>;
const CM = `/content-manager/collection-types/${UID.story}`;

const people: Record<'reporter' | 'otherReporter' | 'editor' | 'deskHead' | 'chief' | 'superAdmin', Session> = {} as never;

const call = (session: Session, method: string, path: string, body?: unknown) => api.call(session, method, path, body);
const status = (session: Session, documentId: string) => call(session, 'GET', `/campaign-desk/stories/${documentId}/review`);
const review = (session: Session, documentId: string, action: string, comment?: string) => api.review(session, documentId, action, comment);

async function draftStory(author: Session, title: string) {
  const created = await call(author, 'POST', CM, { title, kind: 'news', body: paragraph('正文第一稿'), summary: '摘要' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data as { documentId: string; reviewStage: string };
}

/** Walks a story through the three reviews to approval: 责任编辑, 部门主任, 总编. */
async function approve(documentId: string) {
  expect((await review(people.reporter, documentId, 'submit')).status).toBe(200);
  expect((await review(people.editor, documentId, 'first')).status).toBe(200);
  expect((await review(people.deskHead, documentId, 'second')).status).toBe(200);
  expect((await review(people.chief, documentId, 'final')).status).toBe(200);
}

beforeAll(async () => {
  cms = await startCms();
  api = adminApi(cms);
  Object.assign(people, await api.newsroom());
  people.otherReporter = await api.signUp('campaign-desk-reporter', '记者乙');
  people.superAdmin = await api.signUp(SUPER_ADMIN_ROLE, '管理员');
});
afterAll(async () => cms?.destroy());

describe('roles', () => {
  it('leave Strapi its own Super Admin role on a fresh database', async () => {
    expect(await cms.strapi.db.query('admin::role').count({ where: { code: 'strapi-super-admin' } })).toBe(1);
  });

  it('are created once and left alone afterwards', async () => {
    const roles = cms.strapi.service('admin::role');
    const editor = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'campaign-desk-editor' } });
    await roles.update({ id: editor.id }, { description: '管理员改过的说明' });
    await cms.strapi.plugin(PLUGIN_ID).service('roles').ensure();
    const again = await cms.strapi.db.query('admin::role').findOne({ where: { code: 'campaign-desk-editor' } });
    expect(again.description).toBe('管理员改过的说明');
    expect(await cms.strapi.db.query('admin::role').count({ where: { name: { $in: ['记者', '编辑', '主编'] } } })).toBe(3);
  });

  it('keep a reporter from publishing and from editing a colleague’s story', async () => {
    const story = await draftStory(people.reporter, '记者稿件');
    expect(story.reviewStage).toBe('draft');
    expect((await call(people.reporter, 'POST', `${CM}/${story.documentId}/actions/publish`, {})).status).toBe(403);
    const foreign = await call(people.otherReporter, 'PUT', `${CM}/${story.documentId}`, { title: '改别人的稿' });
    expect(foreign.status).toBe(403);
    const own = await call(people.reporter, 'PUT', `${CM}/${story.documentId}`, { title: '记者稿件（修改）' });
    expect(own.status).toBe(200);
  });

  it('keep an editor from publishing, even an approved story', async () => {
    const story = await draftStory(people.reporter, '编辑不能发布');
    await approve(story.documentId);
    expect((await call(people.editor, 'POST', `${CM}/${story.documentId}/actions/publish`, {})).status).toBe(403);
  });

  it('ignore a stage written through the form', async () => {
    const story = await draftStory(people.reporter, '伪造审核状态');
    await call(people.reporter, 'PUT', `${CM}/${story.documentId}`, { reviewStage: 'approved' });
    expect((await status(people.reporter, story.documentId)).body.stage).toBe('draft');
  });
});

describe('the review path', () => {
  it('goes reporter → 责任编辑 → 部门主任 → 总编 → published, one step at a time, with a complete log', async () => {
    const story = await draftStory(people.reporter, '三审全流程');
    const id = story.documentId;
    expect((await status(people.reporter, id)).body.actions).toEqual(['submit']);
    expect((await review(people.editor, id, 'first')).status).toBe(400); // not submitted yet

    expect((await review(people.reporter, id, 'submit')).body.stage).toBe('submitted');
    expect((await review(people.reporter, id, 'first')).status).toBe(403);
    expect((await status(people.editor, id)).body.actions).toEqual(['first', 'return']);
    expect((await review(people.editor, id, 'first')).body.stage).toBe('first_passed');
    expect((await review(people.editor, id, 'final')).status).toBe(400); // skipping second review
    expect((await review(people.deskHead, id, 'second')).body.stage).toBe('second_passed');
    expect((await review(people.deskHead, id, 'final')).status).toBe(403);
    expect((await status(people.chief, id)).body.actions).toEqual(['final', 'return']);
    expect((await review(people.chief, id, 'final')).body.stage).toBe('approved');

    const published = await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const after = await status(people.chief, id);
    expect(after.body.published).toBe(true);
    expect(after.body.log.map((entry: { action: string; actorName: string }) => [entry.action, entry.actorName])).toEqual([
      ['submit', '测试记者'],
      ['first', '测试编辑'],
      ['second', '测试部门主任'],
      ['final', '测试主编'],
    ]);
  });

  it('returns a story only with a comment, and the reporter submits it again', async () => {
    const story = await draftStory(people.reporter, '退回修改');
    await review(people.reporter, story.documentId, 'submit');
    const silent = await review(people.editor, story.documentId, 'return');
    expect(silent.status).toBe(400);
    expect(silent.body.error.message).toContain('意见');
    const returned = await review(people.editor, story.documentId, 'return', '导语太长，请压缩到一百字以内');
    expect(returned.body.stage).toBe('returned');
    expect(returned.body.log.at(-1)).toMatchObject({ action: 'return', comment: '导语太长，请压缩到一百字以内' });
    expect((await review(people.reporter, story.documentId, 'submit')).body.stage).toBe('submitted');
  });

  it('refuses to publish an unapproved story through the Document Service too', async () => {
    const story = await draftStory(people.reporter, '未审先发');
    await review(people.reporter, story.documentId, 'submit');
    await expect(cms.strapi.documents(UID.story).publish({ documentId: story.documentId } as never)).rejects.toThrow(
      '稿件尚未通过终审（当前：已送审），不能发布',
    );
    expect(await cms.strapi.db.query(UID.story).count({ where: { documentId: story.documentId, publishedAt: { $notNull: true } } })).toBe(
      0,
    );
  });

  it('sends an edited approved story back for review and keeps the published version until then', async () => {
    const story = await draftStory(people.reporter, '发布后修改');
    const audio = await fixtures(cms.strapi).upload('fabuhou-yinpin', '.mp3', 'audio/mpeg', 12);
    expect((await call(people.reporter, 'PUT', `${CM}/${story.documentId}`, { mediaFile: audio.id })).status).toBe(200);
    await approve(story.documentId);
    await call(people.chief, 'POST', `${CM}/${story.documentId}/actions/publish`, {});

    // Publishing again without changes is fine: saving the same content (its own audio too) does not reopen review.
    const unchanged = await call(people.chief, 'POST', `${CM}/${story.documentId}/actions/publish`, {
      title: '发布后修改',
      mediaFile: audio.id,
    });
    expect(unchanged.status, JSON.stringify(unchanged.body)).toBe(200);
    expect((await status(people.chief, story.documentId)).body.stage).toBe('approved');
    // Taking the reviewed audio away is an edit like any other.
    expect((await call(people.reporter, 'PUT', `${CM}/${story.documentId}`, { mediaFile: null })).status).toBe(200);
    expect((await status(people.chief, story.documentId)).body.stage).toBe('submitted');
    for (const [person, move] of [
      [people.editor, 'first'],
      [people.deskHead, 'second'],
      [people.chief, 'final'],
    ] as const)
      expect((await review(person, story.documentId, move)).status).toBe(200);
    await call(people.chief, 'POST', `${CM}/${story.documentId}/actions/publish`, {});

    const edit = await call(people.reporter, 'PUT', `${CM}/${story.documentId}`, { title: '发布后修改（新标题）' });
    expect(edit.status).toBe(200);
    const after = await status(people.chief, story.documentId);
    expect(after.body.stage).toBe('submitted');
    expect(after.body.log.at(-1)).toMatchObject({ action: 'edit', fromStage: 'approved', toStage: 'submitted' });
    const publicVersion = await cms.strapi.db.query(UID.story).findOne({
      where: { documentId: story.documentId, publishedAt: { $notNull: true } },
    });
    expect(publicVersion.title).toBe('发布后修改');
    const republish = await call(people.chief, 'POST', `${CM}/${story.documentId}/actions/publish`, {});
    expect(republish.status).toBe(400);
  });

  it('sends a story edited after 初审 back for review, so no reviewer passes text they have not seen', async () => {
    const story = await draftStory(people.reporter, '初审后修改');
    await review(people.reporter, story.documentId, 'submit');
    expect((await review(people.editor, story.documentId, 'first')).body.stage).toBe('first_passed');
    const edit = await call(people.reporter, 'PUT', `${CM}/${story.documentId}`, { title: '初审后修改（新标题）' });
    expect(edit.status).toBe(200);
    const after = await status(people.chief, story.documentId);
    expect(after.body.stage).toBe('submitted');
    expect(after.body.log.at(-1)).toMatchObject({
      action: 'edit',
      fromStage: 'first_passed',
      toStage: 'submitted',
      comment: '初审后内容有修改，重新送审',
    });
  });

  it('lets only the chief editor delete a published story', async () => {
    const story = await draftStory(people.reporter, '已发布的稿件不能由记者删除');
    await approve(story.documentId);
    await call(people.chief, 'POST', `${CM}/${story.documentId}/actions/publish`, {});
    const refused = await call(people.reporter, 'DELETE', `${CM}/${story.documentId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('已发布的稿件只有有发布权限的人（主编）可以删除');
    expect((await call(people.chief, 'DELETE', `${CM}/${story.documentId}`)).status).toBe(200);
  });

  it('keeps the review log append-only', async () => {
    const [entry] = await cms.strapi.db.query(UID.reviewEntry).findMany({ limit: 1 });
    await expect(
      cms.strapi.documents(UID.reviewEntry as never).update({ documentId: entry.documentId, data: { comment: '篡改' } } as never),
    ).rejects.toThrow('只能由审稿操作追加');
    await expect(cms.strapi.documents(UID.reviewEntry as never).delete({ documentId: entry.documentId } as never)).rejects.toThrow(
      '只能由审稿操作追加',
    );
  });
});

describe('separation of duties', () => {
  const rules = `plugin::${PLUGIN_ID}.review`;
  const withRules = async (overrides: Record<string, unknown>, run: () => Promise<void>) => {
    const before = cms.strapi.config.get(rules);
    cms.strapi.config.set(rules, { ...(before as object), ...overrides });
    try {
      await run();
    } finally {
      cms.strapi.config.set(rules, before);
    }
  };
  const submitted = async (author: Session, title: string) => {
    const story = await draftStory(author, title);
    expect((await review(author, story.documentId, 'submit')).status).toBe(200);
    return story.documentId;
  };

  it('keeps the author from reviewing their own story, and tells them why', async () => {
    const id = await submitted(people.editor, '编辑自己写的稿件');
    const own = await review(people.editor, id, 'first');
    expect(own.status).toBe(403);
    expect(own.body.error.message).toBe('你是这篇稿件的作者，不能初审自己的稿件');
    const seen = (await status(people.editor, id)).body;
    expect(seen.actions).toEqual(['return']);
    expect(seen.held).toEqual([{ action: 'first', reason: '你是这篇稿件的作者，不能初审自己的稿件' }]);
    expect((await review(people.deskHead, id, 'first')).status).toBe(200);
  });

  it('has 初审, 复审 and 终审 of one version made by three different people, Super Admin included', async () => {
    const id = await submitted(people.reporter, '三人三审');
    expect((await review(people.superAdmin, id, 'first')).status).toBe(200);
    const second = await review(people.superAdmin, id, 'second');
    expect(second.status).toBe(403);
    expect(second.body.error.message).toBe('同一版本的初审、复审和终审须由不同的人完成：这一版的初审是你做的，复审请交给其他人');
    expect((await review(people.deskHead, id, 'second')).status).toBe(200);
    expect((await review(people.superAdmin, id, 'final')).status).toBe(403);
    expect((await review(people.chief, id, 'final')).body.stage).toBe('approved');
  });

  it('counts the reviewers of a returned story, or one an edit reopened, afresh', async () => {
    const id = await submitted(people.reporter, '新版本重新计算');
    expect((await review(people.editor, id, 'first')).status).toBe(200);
    expect((await review(people.deskHead, id, 'return', '请补充数据来源')).status).toBe(200);
    expect((await review(people.reporter, id, 'submit')).status).toBe(200);
    // The editor made 初审 of the version returned; this is another one.
    expect((await review(people.editor, id, 'first')).status).toBe(200);
    expect((await review(people.deskHead, id, 'second')).status).toBe(200);
    expect((await review(people.chief, id, 'final')).status).toBe(200);

    expect((await call(people.reporter, 'PUT', `${CM}/${id}`, { title: '新版本重新计算（改）' })).status).toBe(200);
    expect((await status(people.editor, id)).body.stage).toBe('submitted');
    expect((await review(people.editor, id, 'first')).status).toBe(200);
    expect((await review(people.deskHead, id, 'second')).status).toBe(200);
    expect((await review(people.chief, id, 'final')).body.stage).toBe('approved');
  });

  it('holds per review as configured, and exempts Super Admin only if told to', async () => {
    await withRules({ separateDuties: { first: true, second: false, final: true } }, async () => {
      const id = await submitted(people.reporter, '二审可由同一人');
      expect((await review(people.editor, id, 'first')).status).toBe(200);
      expect((await review(people.editor, id, 'second')).status).toBe(200);
    });
    await withRules({ superAdminExempt: true }, async () => {
      const id = await submitted(people.superAdmin, '管理员豁免');
      for (const action of ['first', 'second', 'final']) expect((await review(people.superAdmin, id, action)).status).toBe(200);
    });
  });
});

describe('moves made at once', () => {
  const move = (session: Session, id: string, action: string, stage: string, comment?: string) =>
    call(session, 'POST', `/campaign-desk/stories/${id}/review`, { action, stage, ...(comment ? { comment } : {}) });

  it('apply only from the stage the reviewer saw: a late one gets a 409 naming the stage now', async () => {
    const { documentId: id } = await draftStory(people.reporter, '谁先谁后');
    await review(people.reporter, id, 'submit');
    expect((await move(people.editor, id, 'first', 'submitted')).status).toBe(200);
    const late = await move(people.deskHead, id, 'return', 'submitted', '不宜发表');
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('当前为“初审通过”');
    expect(late.body.error.details).toEqual({ stage: 'first_passed' });
    expect((await move(people.reporter, id, 'submit', 'draft')).status).toBe(409);
  });

  it('of two fired together, exactly one applies', async () => {
    const { documentId: id } = await draftStory(people.reporter, '同时点击');
    await review(people.reporter, id, 'submit');
    const answers = await Promise.all([
      move(people.editor, id, 'first', 'submitted'),
      move(people.deskHead, id, 'return', 'submitted', '同时退回'),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const { log } = (await status(people.chief, id)).body;
    expect(log.map((entry: { action: string }) => entry.action).slice(1)).toHaveLength(1);
  });
});

describe('the review log', () => {
  /** A role holding `permissions` (story read limited to one's own, or none at all) and 送审. */
  async function roleWith(code: string, permissions: Array<{ action: string; conditions?: string[] }>) {
    const role = (await cms.strapi.service('admin::role').create({ name: code, code, description: '测试' })) as { id: number };
    await cms.strapi.service('admin::permission').createMany(
      [...permissions, { action: REVIEW_ACTIONS.submit.id, subject: null }].map((permission) => ({
        subject: UID.story,
        properties: {},
        conditions: [],
        ...permission,
        role: role.id,
      })),
    );
    return api.signUp(code, code);
  }

  it('is shown to whoever may read the story: a reporter reads every story, as the roles table grants', async () => {
    const story = await draftStory(people.otherReporter, '同事的稿件');
    const seen = await status(people.reporter, story.documentId);
    expect(seen.status).toBe(200);
    expect(seen.body.stage).toBe('draft');
  });

  it('follows a read permission limited to one’s own stories', async () => {
    const ownReader = await roleWith('test-own-stories', [
      { action: 'plugin::content-manager.explorer.create' },
      { action: 'plugin::content-manager.explorer.read', conditions: ['admin::is-creator'] },
    ]);
    const own = await draftStory(ownReader, '只能看自己的稿件');
    expect((await status(ownReader, own.documentId)).status).toBe(200);
    const colleague = await draftStory(people.reporter, '别人的稿件');
    const refused = await status(ownReader, colleague.documentId);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('你不能查看稿件');
    expect(
      (await call(ownReader, 'POST', `/campaign-desk/stories/${colleague.documentId}/review`, { action: 'submit', stage: 'draft' })).status,
    ).toBe(403);
  });

  it('is refused to a role that may not read stories at all', async () => {
    const outsider = await roleWith('test-no-stories', []);
    const story = await draftStory(people.reporter, '无权查看');
    expect((await status(outsider, story.documentId)).status).toBe(403);
  });
});

describe('三审 per outlet (review chains)', () => {
  const rules = `plugin::${PLUGIN_ID}.review`;
  const crew: Record<'ribaoEditor' | 'xiangEditor' | 'xiangDesk' | 'zhubian' | 'ribaoReporter' | 'xiangReporter', Session> = {} as never;
  const outlets: Record<'ribao' | 'xiang', string> = {} as never;
  let before: unknown;

  /** A story of `outlet` by a reporter of that outlet (none: a reporter with no outlet), submitted. */
  async function submittedIn(outlet: string | null, title: string) {
    const author = outlet === outlets.ribao ? crew.ribaoReporter : outlet === outlets.xiang ? crew.xiangReporter : people.reporter;
    const data = {
      title,
      kind: 'news',
      body: paragraph('正文'),
      summary: '摘要',
      ...(outlet ? { outlet: { connect: [{ documentId: outlet }] } } : {}),
    };
    const created = await call(author, 'POST', CM, data);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data.documentId as string;
    expect((await review(author, id, 'submit')).status).toBe(200);
    return id;
  }

  beforeAll(async () => {
    const make = fixtures(cms.strapi);
    outlets.ribao = (await make.outlet({ name: '咸宁日报' })).documentId;
    outlets.xiang = (await make.outlet({ name: '香城都市报' })).documentId;
    crew.ribaoEditor = await api.signUp('campaign-desk-editor', '日报编辑');
    crew.xiangEditor = await api.signUp('campaign-desk-editor', '都市报编辑');
    crew.xiangDesk = await api.signUp('campaign-desk-editor', '都市报主任');
    crew.zhubian = await api.signUp('campaign-desk-chief-editor', '总编辑');
    crew.ribaoReporter = await api.signUp('campaign-desk-reporter', '日报记者');
    crew.xiangReporter = await api.signUp('campaign-desk-reporter', '都市报记者');
    // The chief editor sets the chains in 采编人员, the newsroom's own records.
    const chain: Array<[Session, string, string, Record<string, boolean>]> = [
      [crew.ribaoReporter, '日报记者', outlets.ribao, {}],
      [crew.xiangReporter, '都市报记者', outlets.xiang, {}],
      [crew.ribaoEditor, '日报编辑', outlets.ribao, { firstReview: true, secondReview: true }],
      [crew.xiangEditor, '都市报编辑', outlets.xiang, { firstReview: true }],
      [crew.xiangDesk, '都市报主任', outlets.xiang, { secondReview: true }],
      [crew.zhubian, '总编辑', outlets.ribao, { finalReview: true, allOutlets: true }],
    ];
    for (const [session, name, outlet, reviews] of chain) {
      const made = await call(people.chief, 'POST', `/content-manager/collection-types/${UID.staffMember}`, {
        name,
        email: session.email,
        outlet: { connect: [{ documentId: outlet }] },
        ...reviews,
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
    before = cms.strapi.config.get(rules);
    cms.strapi.config.set(rules, { ...(before as object), perOutlet: true });
  });
  afterAll(() => cms.strapi.config.set(rules, before));

  it('keep a 咸宁日报 editor from passing a 香城都市报 story, with a 403 naming the rule; its own chain passes it', async () => {
    const id = await submittedIn(outlets.xiang, '都市报的稿件');
    const refused = await review(crew.ribaoEditor, id, 'first');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('按媒体分设的审稿链：“香城都市报”稿件的初审由都市报编辑做，你不在其中');
    const returned = await review(crew.ribaoEditor, id, 'return', '越权退回');
    expect(returned.status).toBe(403);
    expect(returned.body.error.message).toBe('按媒体分设的审稿链：“香城都市报”稿件只能由其审稿链中的人退回修改，你不在其中');

    const seen = (await status(crew.ribaoEditor, id)).body;
    expect(seen.actions).toEqual([]);
    expect(seen.held.map((entry: { action: string }) => entry.action)).toEqual(['first', 'return']);
    expect(seen.chain).toEqual({ outlet: '香城都市报', first: ['都市报编辑'], second: ['都市报主任'], final: ['总编辑（跨媒体）'] });
    // A 编辑 outside every chain (no 采编人员 record) is outside this one too.
    expect((await review(people.editor, id, 'first')).status).toBe(403);

    expect((await review(crew.xiangEditor, id, 'first')).status).toBe(200);
    expect((await review(crew.ribaoEditor, id, 'second')).status).toBe(403);
    expect((await review(crew.xiangDesk, id, 'second')).status).toBe(200);
    // 主编 (only a chief editor holds 终审) is outside unless marked; the one across outlets passes.
    expect((await review(people.chief, id, 'final')).status).toBe(403);
    expect((await review(crew.zhubian, id, 'final')).body.stage).toBe('approved');
  });

  it('keep a person from joining a chain by changing their own email to a record’s (no password asked); an administrator may', async () => {
    // A record made before its account: the email no account holds yet.
    const waiting = `xiang-new-${Date.now()}@example.test`;
    const made = await call(people.chief, 'POST', `/content-manager/collection-types/${UID.staffMember}`, {
      name: '都市报新编辑',
      email: waiting,
      outlet: { connect: [{ documentId: outlets.xiang }] },
      firstReview: true,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    for (const email of [waiting, waiting.toUpperCase()]) {
      const changed = await call(crew.ribaoEditor, 'PUT', '/admin/users/me', { email });
      expect(changed.status).toBe(400);
      expect(changed.body.error.details.errors).toEqual([
        expect.objectContaining({ path: ['email'], message: expect.stringContaining('邮箱（email）不能改为采编人员“都市报新编辑”的邮箱') }),
      ]);
    }
    const id = await submittedIn(outlets.xiang, '改邮箱也进不了的审稿链');
    expect((await review(crew.ribaoEditor, id, 'first')).status).toBe(403);
    // An email no record names is the person's to change; the administrator may give the record's to an account.
    const mine = `ribao-editor-${Date.now()}@example.test`;
    expect((await call(crew.ribaoEditor, 'PUT', '/admin/users/me', { email: mine })).status).toBe(200);
    expect((await call(people.superAdmin, 'PUT', `/admin/users/${crew.ribaoEditor.id}`, { email: crew.ribaoEditor.email })).status).toBe(
      200,
    );
  });

  it('keep a story in its author’s outlet: not placed elsewhere, moved or emptied, by its reporter or another outlet’s editor; 跨媒体 may', async () => {
    const elsewhere = { outlet: { connect: [{ documentId: outlets.xiang }] } };
    const created = await call(crew.ribaoReporter, 'POST', CM, {
      title: '投到别家的稿件',
      kind: 'news',
      body: paragraph('正文'),
      ...elsewhere,
    });
    expect(created.status).toBe(403);
    expect(created.body.error.message).toBe(
      '按媒体分设审稿链时，稿件的首发媒体（outlet）只能是作者所属的“咸宁日报”，不能改为“香城都市报”：首发媒体决定由谁审稿。',
    );
    expect(await cms.strapi.db.query(UID.story).count({ where: { title: '投到别家的稿件' } })).toBe(0);

    const own = await call(crew.ribaoReporter, 'POST', CM, { title: '本单位的稿件', kind: 'news', body: paragraph('正文') });
    expect(own.status).toBe(201);
    const id = own.body.data.documentId as string;
    const outletOf = async () =>
      (
        (await cms.strapi.db.query(UID.story).findOne({ where: { documentId: id, publishedAt: null }, populate: { outlet: true } })) as {
          outlet: { documentId: string } | null;
        }
      ).outlet?.documentId;
    expect(await outletOf()).toBe(outlets.ribao);
    const moved = await call(crew.ribaoReporter, 'PUT', `${CM}/${id}`, { title: '本单位的稿件', ...elsewhere });
    expect(moved.status).toBe(403);
    expect(await outletOf()).toBe(outlets.ribao);
    // Emptied, the story would go to the 跨媒体 reviewers; moved by an editor of another outlet, into that editor's chain.
    const emptied = await call(crew.ribaoReporter, 'PUT', `${CM}/${id}`, { title: '本单位的稿件', outlet: null });
    expect(emptied.body.error?.message).toBe(
      '按媒体分设审稿链时，稿件的首发媒体（outlet）只能是作者所属的“咸宁日报”，不能改为空：首发媒体决定由谁审稿。',
    );
    expect((await call(crew.xiangEditor, 'PUT', `${CM}/${id}`, { title: '本单位的稿件', ...elsewhere })).status).toBe(403);
    expect(await outletOf()).toBe(outlets.ribao);
    // An edit that leaves the outlet alone goes through; the chief editor across outlets may move it.
    expect((await call(crew.ribaoReporter, 'PUT', `${CM}/${id}`, { title: '本单位的稿件（改）' })).status).toBe(200);
    expect((await call(crew.zhubian, 'PUT', `${CM}/${id}`, { title: '本单位的稿件（改）', ...elsewhere })).status).toBe(200);
    expect(await outletOf()).toBe(outlets.xiang);
  });

  it('let the chief editor across outlets make 终审 for every outlet, and only them for a story naming none', async () => {
    const ribao = await submittedIn(outlets.ribao, '日报的稿件');
    expect((await review(crew.xiangEditor, ribao, 'first')).status).toBe(403);
    expect((await review(crew.ribaoEditor, ribao, 'first')).status).toBe(200);
    expect((await review(crew.xiangDesk, ribao, 'second')).status).toBe(403);
    const loose = await submittedIn(null, '未填首发媒体的稿件');
    const refused = await review(crew.ribaoEditor, loose, 'first');
    expect(refused.body.error.message).toBe('按媒体分设的审稿链：未填首发媒体的稿件的初审尚未指定审稿人，你不在其中');
    expect((await status(crew.zhubian, loose)).body.chain).toEqual({ outlet: null, first: [], second: [], final: ['总编辑（跨媒体）'] });
  });

  it('are off unless configured: every holder of a review reviews every outlet, and no chain is shown', async () => {
    cms.strapi.config.set(rules, before);
    try {
      const id = await submittedIn(outlets.xiang, '不分媒体');
      expect((await status(crew.ribaoEditor, id)).body.chain).toBeNull();
      expect((await review(crew.ribaoEditor, id, 'first')).status).toBe(200);
    } finally {
      cms.strapi.config.set(rules, { ...(before as object), perOutlet: true });
    }
  });
});

describe('what changed since the pass', () => {
  it('shows the next reviewer, block by block, what an edit after 初审 changed in the text passed', async () => {
    const created = await call(people.reporter, 'POST', CM, {
      title: '夜班稿件',
      kind: 'news',
      summary: '摘要原文',
      body: [...paragraph('第一段不变。'), ...paragraph('第二段写错了数字：三十。'), ...paragraph('第三段将被删去。')],
    });
    const id = created.body.data.documentId as string;
    expect((await review(people.reporter, id, 'submit')).status).toBe(200);
    expect((await review(people.editor, id, 'first')).status).toBe(200);
    // Before any new version, there is nothing to compare.
    expect((await status(people.deskHead, id)).body.sincePass).toBeNull();

    const edited = await call(people.reporter, 'PUT', `${CM}/${id}`, {
      title: '夜班稿件（修订）',
      summary: '摘要原文',
      body: [
        ...paragraph('第一段不变。'),
        ...paragraph('第二段写错了数字：三十一。'),
        ...paragraph('新加的第三段。'),
        ...paragraph('新加的第四段。'),
      ],
    });
    expect(edited.status).toBe(200);
    const { body } = await status(people.deskHead, id);
    expect(body.stage).toBe('submitted');
    expect(body.sincePass).toMatchObject({ review: 'first', passedBy: '测试编辑' });
    expect(body.sincePass.changes).toEqual([
      { place: '标题', change: 'changed', parts: [{ text: '夜班稿件' }, { text: '（修订）', change: 'added' }] },
      {
        place: '正文第 2 段',
        change: 'changed',
        parts: [{ text: '第二段写错了数字：三十' }, { text: '一', change: 'added' }, { text: '。' }],
      },
      {
        place: '正文第 3 段',
        change: 'changed',
        parts: [{ text: '新加的', change: 'added' }, { text: '第三段' }, { text: '将被删去', change: 'removed' }, { text: '。' }],
      },
      { place: '正文第 4 段', change: 'added', parts: [{ text: '新加的第四段。', change: 'added' }] },
    ]);
  });

  it('compares a returned and resubmitted story with the version last passed', async () => {
    const { documentId: id } = await draftStory(people.reporter, '退回再送审');
    await review(people.reporter, id, 'submit');
    expect((await review(people.editor, id, 'first')).status).toBe(200);
    expect((await review(people.deskHead, id, 'return', '标题太长')).status).toBe(200);
    expect((await call(people.reporter, 'PUT', `${CM}/${id}`, { title: '退回' })).status).toBe(200);
    const changes = (await status(people.editor, id)).body.sincePass.changes;
    expect(changes).toEqual([{ place: '标题', change: 'changed', parts: [{ text: '退回' }, { text: '再送审', change: 'removed' }] }]);
  });
});

describe('the word check on stories', () => {
  const config = `plugin::${PLUGIN_ID}.participation`;
  let before: unknown;
  beforeAll(() => {
    before = cms.strapi.config.get(config);
    cms.strapi.config.set(config, { ...(before as object), sensitiveWords: ['违禁词', '不当用语'] });
  });
  afterAll(() => cms.strapi.config.set(config, before));

  it('shows the hits with their place at 送审, logs them, and lets 终审 pass only with a written acknowledgement, logged', async () => {
    const created = await call(people.reporter, 'POST', CM, {
      title: '含违禁词的标题',
      kind: 'news',
      summary: '摘要干净',
      body: [...paragraph('第一段干净。'), ...paragraph('第二段有 不 当 用 语 和违禁词。')],
    });
    const id = created.body.data.documentId as string;
    const hits = [
      { place: '标题', words: ['违禁词'] },
      { place: '正文第 2 段', words: ['违禁词', '不当用语'] },
    ];
    expect((await status(people.reporter, id)).body.wordHits).toEqual(hits);
    // 送审 is not blocked: the hits go into the log with it.
    const submitted = await review(people.reporter, id, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.log.at(-1)).toMatchObject({ action: 'submit', wordHits: hits, acknowledgement: null });
    expect((await review(people.editor, id, 'first')).status).toBe(200);
    expect((await review(people.deskHead, id, 'second')).status).toBe(200);

    const silent = await review(people.chief, id, 'final');
    expect(silent.status).toBe(400);
    expect(silent.body.error.message).toBe('稿件含敏感词（标题：违禁词；正文第 2 段：违禁词、不当用语），终审通过须写明核实说明');
    expect(silent.body.error.details.errors[0].path).toEqual(['acknowledgement']);

    const stage = (await status(people.chief, id)).body.stage;
    const acknowledged = await call(people.chief, 'POST', `/campaign-desk/stories/${id}/review`, {
      action: 'final',
      stage,
      acknowledgement: '“违禁词”为引用的政策原文，已核实无误',
    });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.log.at(-1)).toMatchObject({
      action: 'final',
      wordHits: hits,
      acknowledgement: '“违禁词”为引用的政策原文，已核实无误',
    });
    expect((await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {})).status).toBe(200);
  });

  it('refuses at publish a word its 终审 did not acknowledge (the list grew since), and says which', async () => {
    const { documentId: id } = await draftStory(people.reporter, '后来才列入的词');
    await approve(id);
    cms.strapi.config.set(config, { ...(before as object), sensitiveWords: ['违禁词', '列入'] });
    try {
      const refused = await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {});
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe('稿件含终审未说明的敏感词（标题：列入；未说明：列入），不能发布；请退回后重新审核');
    } finally {
      cms.strapi.config.set(config, { ...(before as object), sensitiveWords: ['违禁词', '不当用语'] });
    }
    expect((await call(people.chief, 'POST', `${CM}/${id}/actions/publish`, {})).status).toBe(200);
  });
});

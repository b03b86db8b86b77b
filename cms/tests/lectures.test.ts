/**
 * 宣讲点单 through the real doors: a topic of the 宣讲菜单 published (the public record), a
 * unit's booking through the public route as the site's script and as the plain form, the
 * hostile set through every field, the contact sealed and nowhere in the snapshot; the
 * 宣传组 accepting (the lecture published as an event) or declining with a reason, each
 * once however many answer at once, and who may not.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mondayOf, snapshotPageSchema } from '@campaign-desk/shared';
import { PLUGIN_ID, UID } from 'strapi-plugin-campaign-desk/names';
import type rateLimits from '../src/plugins/campaign-desk/server/src/participation/services/rate-limits';
import { call, signUp, type Person } from '@campaign-desk/testing/newsroom';
import { fixtures } from './support/fixtures';
import { send, type Send } from './support/participation';
import { startCms, type TestCms } from './support/strapi';

const SITE = 'http://site.example.test:4321';
const PHONE = '13907151234';

let cms: TestCms;
let editor: Person;
let reporter: Person;
let loopback = 10;
let topicId: string;

const documents = (uid: string) => cms.strapi.documents(uid as never);
const limits = () => cms.strapi.plugin(PLUGIN_ID).service('rate-limits') as ReturnType<typeof rateLimits>;
const day = (offsetDays: number) => new Date(Date.now() + (8 * 3600 + offsetDays * 86400) * 1000).toISOString().slice(0, 10);
const valid = (): Record<string, string> => ({
  unit: '咸安区温泉街道金桂社区',
  audience: 'communities',
  place: 'xianan',
  week: day(14),
  contactName: '王主任',
  phone: PHONE,
  note: '居民约 80 人，晚上七点后为宜。',
  consent: 'on',
});
/** A booking posted as the site's form posts it (urlencoded), from an address of its own. */
const book = (fields: Record<string, string>, options: Omit<Send, 'fields'> = {}, slug = 'yijian-jiedu') =>
  send(`${cms.url}/api/campaign-desk/participation/lecture/${slug}`, {
    origin: SITE,
    from: `127.0.5.${(loopback += 1)}`,
    raw: { body: Buffer.from(new URLSearchParams(fields).toString()), type: 'application/x-www-form-urlencoded' },
    ...options,
  });
const bookings = async () => (await call(cms, editor, 'GET', '/campaign-desk/lecture-bookings')).body as Array<Record<string, any>>;
const latest = async (unit: string) => (await bookings()).find((booking) => booking.unit === unit)!;
const acceptance = (overrides: Record<string, unknown> = {}) => ({
  group: 'citizens',
  speakers: '唐光友、李华',
  startsAt: `${day(16)}T19:00:00+08:00`,
  venue: '社区党群服务中心',
  ...overrides,
});

beforeAll(async () => {
  cms = await startCms({ env: { SITE_URL: SITE } });
  editor = await signUp(cms, 'campaign-desk-editor', '编辑');
  reporter = await signUp(cms, 'campaign-desk-reporter', '记者');
  const topic = await documents(UID.lectureTopic).create({
    data: {
      title: '《意见》解读：建设“三个定位”',
      slug: 'yijian-jiedu',
      summary: '讲清特色产业增长极、转型发展示范区、自然生态公园城市的意义、目标和路径。',
      group: 'theory',
      speakers: '张明、刘芳',
      audiences: ['agencies', 'communities'],
      minutes: 60,
    },
  } as never);
  topicId = topic.documentId;
  await documents(UID.lectureTopic).publish({ documentId: topicId } as never);
});
afterAll(async () => {
  await cms?.destroy();
});
beforeEach(() => limits().reset());

describe('the 宣讲菜单', () => {
  it('publishes a topic as a record of the contract, its speakers a list', async () => {
    const token = await fixtures(cms.strapi).apiToken();
    const snapshot = snapshotPageSchema.parse(
      await (await fetch(`${cms.url}/api/campaign-desk/snapshot?limit=500`, { headers: { Authorization: `Bearer ${token}` } })).json(),
    );
    expect(snapshot.records.find((record) => record.documentId === topicId)).toMatchObject({
      type: 'lectureTopic',
      slug: 'yijian-jiedu',
      group: 'theory',
      speakers: ['张明', '刘芳'],
      audiences: ['agencies', 'communities'],
      minutes: 60,
    });
  });
});

describe('a unit books a lecture', () => {
  it('takes the plain form (303 to the thank-you page) and the script (JSON); the week kept as its Monday, the contact sealed', async () => {
    const page = await book({ ...valid(), unit: '嘉鱼县某机关' }, { as: 'page' });
    expect(page.status, page.text).toBe(303);
    expect(page.headers.location).toBe(`${SITE}/xiexie/`);
    const json = await book(valid());
    expect(json.status, json.text).toBe(201);
    expect(json.json.message).toContain('宣传组受理后');

    const booking = await latest('咸安区温泉街道金桂社区');
    expect(booking).toMatchObject({ state: 'requested', audience: 'communities', placeName: '咸安区', week: mondayOf(day(14)) });
    expect(booking).toMatchObject({ contactName: '王主任', phone: PHONE, topicTitle: '《意见》解读：建设“三个定位”' });
    const row = await cms.strapi.db.query(UID.lectureBooking).findOne({ where: { documentId: booking.documentId } });
    expect(JSON.stringify(row)).not.toContain(PHONE);
    expect(JSON.stringify(row)).not.toContain('王主任');
    const sealed = await cms.strapi.plugin(PLUGIN_ID).service('contact-vault').stored(booking.documentId);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(PHONE);
  });

  it('refuses every hostile field in Chinese, naming it, as JSON and as a page; nothing is kept', async () => {
    const before = (await bookings()).length;
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ unit: '' }, 'unit', '请填写单位名称'],
      [{ unit: 'x'.repeat(61) }, 'unit', '单位名称最多 60 个字'],
      [{ unit: '某单位\ufffd' }, 'unit', '无法识别的字符'],
      [{ unit: '\u202e\u200b 单 ' }, 'unit', '单位名称至少需要 2 个字'],
      [{ audience: 'army' }, 'audience', '请选择单位类别'],
      [{ audience: '' }, 'audience', '请选择单位类别'],
      [{ place: '../../etc' }, 'place', '请选择所在县市区'],
      [{ week: '2020-02-30' }, 'week', '不是有效的日期'],
      [{ week: 'next week' }, 'week', '格式应为'],
      [{ week: day(-14) }, 'week', '不能早于本周'],
      [{ week: day(400) }, 'week', '最多可选 26 周以内'],
      [{ contactName: '' }, 'contactName', '请填写联系人'],
      [{ contactName: '王'.repeat(31) }, 'contactName', '联系人最多 30 个字'],
      [{ phone: '' }, 'phone', '请填写联系电话'],
      [{ phone: '12345' }, 'phone', '联系电话应为手机号或带区号的固定电话'],
      [{ phone: '<script>alert(1)</script>' }, 'phone', '联系电话应为'],
      [{ note: '备'.repeat(301) }, 'note', '备注最多 300 个字'],
      [{ consent: 'no' }, 'consent', '请阅读并勾选同意说明'],
      [{ role: 'admin' }, 'role', '表单中没有“role”这一项'],
    ];
    for (const [change, field, message] of cases) {
      const answer = await book({ ...valid(), ...change });
      expect(answer.status, `${field}: ${answer.text}`).toBe(400);
      const problem = answer.json.error.details.errors.find((entry: { field: string }) => entry.field === field);
      expect(problem?.message, `${field} ${JSON.stringify(change)}`).toContain(message);
    }
    const page = await book({ ...valid(), phone: '<b>x</b>' }, { as: 'page' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('联系电话');
    expect(page.text).not.toContain('<b>x</b>');
    const missing = await book(valid(), {}, 'no-such-topic');
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toContain('没有这个宣讲题目');
    const foreign = await book(valid(), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const spelled = await send(`${cms.url}/API/campaign-desk//participation/Lecture/yijian-jiedu/`, {
      origin: 'https://evil.example',
      fields: valid(),
    });
    expect(spelled.status).toBe(403);
    expect((await bookings()).length).toBe(before);
  });

  it('holds a flood of plain forms from one address in the lanes', async () => {
    const from = '127.0.5.250';
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push((await book({ ...valid(), unit: `洪水单位${i}` }, { from })).status);
    expect(answers).toContain(429);
  });
});

describe('the 宣传组 answers a booking', () => {
  it('accepts once: the lecture published as an event of kind 宣讲 with the group, audience, place and speakers; logged', async () => {
    const unit = '通山县某村委会';
    expect((await book({ ...valid(), unit, audience: 'villages' })).status).toBe(201);
    const booking = await latest(unit);
    const path = `/campaign-desk/lecture-bookings/${booking.documentId}/accept`;

    expect((await call(cms, reporter, 'POST', path, acceptance())).status).toBe(403);
    const hostile = await call(cms, editor, 'POST', path, acceptance({ speakers: '', startsAt: 'tomorrow', group: 'army', extra: 1 }));
    expect(hostile.status).toBe(400);
    for (const word of ['宣讲人', '宣讲时间', '宣讲团', 'extra']) expect(hostile.body.error.message).toContain(word);

    // Two answers at once (two tabs, or two instances): one takes it.
    const [first, second] = await Promise.all([
      call(cms, editor, 'POST', path, acceptance()),
      call(cms, editor, 'POST', path, acceptance()),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 400]);
    const refused = first.status === 200 ? second : first;
    expect(refused.body.error.message).toContain('已经处理过了');
    const eventId = (first.status === 200 ? first : second).body.event as string;

    const event = (await documents(UID.event).findOne({ documentId: eventId, status: 'published', populate: ['place'] } as never)) as any;
    expect(event).toMatchObject({ kind: 'lecture', lectureGroup: 'citizens', audiences: ['villages'], speakers: '唐光友、李华' });
    expect(event.title).toBe('百姓宣讲团进农村宣讲：《意见》解读：建设“三个定位”');
    expect(event.venue).toBe(`${unit}（社区党群服务中心）`);
    expect(await cms.strapi.db.query(UID.event).count({ where: { kind: 'lecture', venue: { $startsWith: unit } } })).toBe(2);
    expect(await latest(unit)).toMatchObject({ state: 'accepted', event: eventId, handledBy: '测试编辑' });
    const log = await cms.strapi.db.query(UID.reviewEntry).findMany({ where: { storyId: booking.documentId } });
    expect(log).toMatchObject([{ action: 'lectures.manage.accept', fromStage: 'requested', toStage: 'accepted' }]);

    const decline = await call(cms, editor, 'POST', `/campaign-desk/lecture-bookings/${booking.documentId}/decline`, {
      reason: '已经受理了',
    });
    expect(decline.status).toBe(400);

    const token = await fixtures(cms.strapi).apiToken();
    const snapshot = await (
      await fetch(`${cms.url}/api/campaign-desk/snapshot?limit=500`, { headers: { Authorization: `Bearer ${token}` } })
    ).text();
    expect(snapshot).toContain(eventId);
    expect(snapshot).not.toContain(PHONE);
    expect(snapshot).not.toContain('王主任');
  });

  it('declines with a reason, refused without one; logged', async () => {
    const unit = '赤壁市某企业';
    expect((await book({ ...valid(), unit, audience: 'enterprises', place: 'xianan' })).status).toBe(201);
    const booking = await latest(unit);
    const path = `/campaign-desk/lecture-bookings/${booking.documentId}/decline`;
    const empty = await call(cms, editor, 'POST', path, { reason: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('婉拒理由');
    const declined = await call(cms, editor, 'POST', path, { reason: '该周宣讲团已排满，请改约下月。' });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(await latest(unit)).toMatchObject({ state: 'declined', reason: '该周宣讲团已排满，请改约下月。', event: null });
    expect((await call(cms, editor, 'POST', `/campaign-desk/lecture-bookings/${booking.documentId}/accept`, acceptance())).status).toBe(
      400,
    );
    expect((await call(cms, editor, 'POST', '/campaign-desk/lecture-bookings/nope/decline', { reason: '没有这条' })).status).toBe(404);
  });
});

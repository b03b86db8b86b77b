/**
 * A day in the demo's newsroom, for the screenshots to show: stories at each step of 三审 (one
 * written, one submitted, one returned with a comment, one passed 终审, one published), a partner
 * outlet's report awaiting an editor, verified coverage, and readers' suggestions (one pending,
 * one flagged, one adopted). Every step goes through the doors people use (the admin API as each
 * demo account, the partner API, the public form), so each page shows what it would.
 */
import { shanghaiDate } from '@campaign-desk/shared';
import { call } from '@campaign-desk/testing/newsroom';
import { UID } from 'strapi-plugin-campaign-desk/names';
import type { Credentials } from '../lib/demo-accounts';
import { FLAGGED_WORD, type Newsroom } from './environment';

export type Role = 'admin' | 'reporter' | 'editor' | 'chief';

const ROLE_CODES: Record<Exclude<Role, 'admin'>, string> = {
  reporter: 'campaign-desk-reporter',
  editor: 'campaign-desk-editor',
  chief: 'campaign-desk-chief-editor',
};

export function loginOf(credentials: Credentials, role: Role): { email: string; password: string } {
  const login = role === 'admin' ? credentials.admin : credentials.newsroom[ROLE_CODES[role]];
  if (!login) throw new Error(`the demo made no ${role} account`);
  return login;
}

/** What the screenshots open: the records the day left in each state. */
export interface Day {
  written: string;
  submitted: string;
  returned: string;
  approved: string;
  published: { documentId: string; slug: string };
  reported: string;
  /** The 记者 role's id, for the role editor. */
  reporterRole: number;
}

const STORIES = `/content-manager/collection-types/${UID.story}`;
const PLACEMENTS = `/content-manager/collection-types/${UID.placement}`;

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

export async function liveADay(newsroom: Newsroom, evidencePng: () => Promise<Buffer>): Promise<Day> {
  const cms = { strapi: newsroom.strapi, url: newsroom.cmsUrl };
  const token = async (role: Role) => {
    const response = await fetch(`${newsroom.cmsUrl}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(loginOf(newsroom.credentials, role)),
    });
    if (!response.ok) throw new Error(`the demo's ${role} could not log in: HTTP ${response.status}`);
    return { token: ((await response.json()) as { data: { token: string } }).data.token };
  };
  const people = {
    reporter: await token('reporter'),
    editor: await token('editor'),
    chief: await token('chief'),
    admin: await token('admin'),
  };
  const as = async (role: Role, method: string, path: string, body?: unknown) => {
    const answer = await call(cms, people[role], method, path, body);
    if (answer.status >= 300) throw new Error(`${role} ${method} ${path}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const bySlug = async (uid: string, slug: string) =>
    ((await newsroom.strapi.db.query(uid as never).findOne({ where: { slug }, select: ['documentId'] })) as { documentId: string })
      .documentId;
  const column = await bySlug(UID.column, 'xianning-ribao-zhuanlan');
  const activity = await bySlug(UID.activity, 'da-diaoyan');
  const place = await bySlug(UID.place, 'xianan');
  const theme = await bySlug(UID.theme, 'gongyuan-chengshi');

  const write = async (title: string, summary: string, text: string) => {
    const created = await as('reporter', 'POST', STORIES, {
      title,
      kind: 'feature',
      summary,
      body: [paragraph(text)],
      bylines: '记者 演示',
      columns: { connect: [{ documentId: column }] },
      activities: { connect: [{ documentId: activity }] },
      places: { connect: [{ documentId: place }] },
      theme: { connect: [{ documentId: theme }] },
    });
    return created.data as { documentId: string; slug: string };
  };
  const review = (role: Role, id: string, action: string, stage: string, comment?: string) =>
    as(role, 'POST', `/campaign-desk/stories/${id}/review`, { action, stage, comment });
  const throughFinal = async (id: string) => {
    await review('reporter', id, 'submit', 'draft');
    await review('editor', id, 'first', 'submitted');
    await review('chief', id, 'second', 'first_passed');
    await review('admin', id, 'final', 'second_passed');
  };

  const written = await write(
    '咸安区：党员干部走村入户听民声',
    '咸安区组织党员干部走进村组、社区，把“大调研”做到群众家门口。',
    '连日来，咸安区党员干部分组走进村组、社区和企业，面对面听取群众意见，把问题记在本上、办在实处。',
  );
  const submitted = await write(
    '赤壁市：一张清单推动“大落实”',
    '赤壁市把调研中发现的问题列成清单，逐项明确责任人和完成时限。',
    '赤壁市将“大调研”中收集的问题分类建立清单，每一项都明确责任单位、责任人和完成时限，定期通报进度。',
  );
  await review('reporter', submitted.documentId, 'submit', 'draft');
  const returned = await write(
    '通山县：山区群众的“微心愿”有人管了',
    '通山县党员干部认领山区群众的“微心愿”。',
    '通山县组织党员干部认领群众“微心愿”，一件件小事连着民心。',
  );
  await review('reporter', returned.documentId, 'submit', 'draft');
  await review('editor', returned.documentId, 'return', 'submitted', '请补充走访的具体村组和群众原话，标题可再具体一些。');
  const approved = await write(
    '嘉鱼县：“大讨论”讨论出发展新思路',
    '嘉鱼县各地围绕转型发展展开“大讨论”，汇集意见建议。',
    '嘉鱼县各乡镇、各部门围绕转型发展开展“大讨论”，干部群众一起找差距、谋思路。',
  );
  await throughFinal(approved.documentId);
  const published = await write(
    '崇阳县：“大学习”进村入企',
    '崇阳县把“大学习”课堂搬进村部和车间。',
    '崇阳县组织理论宣讲员走进村部、车间，用群众听得懂的话讲清楚“六大”活动的要求。',
  );
  await throughFinal(published.documentId);
  await as('chief', 'POST', `${STORIES}/${published.documentId}/actions/publish`, {});
  await newsroom.settled();

  const today = shanghaiDate(new Date());
  // 湖北日报 reports that it carried the story; 人民日报's carrying is entered and verified by the newsroom.
  const report = await fetch(`${newsroom.cmsUrl}/api/campaign-desk/partner/placements`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${newsroom.credentials.partnerToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ storyId: published.documentId, date: today, slot: '第3版', note: '要闻版转载' }),
  });
  if (report.status !== 201) throw new Error(`the partner's report: HTTP ${report.status} ${await report.text()}`);
  const reported = ((await report.json()) as { placement: { documentId: string } }).placement.documentId;
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(await evidencePng())], { type: 'image/png' }), '人民日报版面截图.png');
  const upload = await fetch(`${newsroom.cmsUrl}/upload`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${people.editor.token}` },
    body: form,
  });
  if (!upload.ok) throw new Error(`the evidence upload: HTTP ${upload.status} ${await upload.text()}`);
  const [evidence] = (await upload.json()) as Array<{ id: number }>;
  const renmin = await bySlug(UID.outlet, 'renmin-ribao');
  const entered = await as('reporter', 'POST', PLACEMENTS, {
    story: { connect: [{ documentId: published.documentId }] },
    outlet: { connect: [{ documentId: renmin }] },
    state: 'carried',
    date: today,
    url: 'http://paper.people.com.cn/',
  });
  await as('editor', 'PUT', `${PLACEMENTS}/${entered.data.documentId}`, { state: 'verified', evidence: evidence!.id });

  // Readers write in through the site's form (the plain form, as a browser without scripts posts it).
  const suggest = async (text: string, name: string) => {
    const response = await fetch(`${newsroom.cmsUrl}/api/campaign-desk/participation/suggestion`, {
      method: 'POST',
      headers: { Origin: new URL(newsroom.siteUrl).origin, Accept: 'application/json' },
      body: new URLSearchParams({ topic: 'gongyuan_chengshi', text, name, contact: '13800000000', consent: 'on' }),
    });
    if (response.status !== 201) throw new Error(`a reader's suggestion: HTTP ${response.status} ${await response.text()}`);
    const queue = (await as('editor', 'GET', '/campaign-desk/submissions?status=pending')) as {
      items: Array<{ documentId: string; text: string | null }>;
    };
    return queue.items.find((item) => item.text === text)!.documentId;
  };
  const adopted = await suggest('建议在淦河沿岸多建几处口袋公园，方便老人孩子就近休闲。', '咸安区市民');
  await suggest('建议把城区的断头路打通，公交线路随之优化，方便群众出行。', '');
  await suggest(`有人在小区群里发“${FLAGGED_WORD}”广告，建议相关部门管一管。`, '');
  await as('editor', 'POST', `/campaign-desk/submissions/${adopted}/moderate`, {
    action: 'adopt',
    reply: '感谢您的建议。市园林部门已将淦河沿岸口袋公园纳入今年的建设计划。',
  });
  await newsroom.settled();

  const reporterRole = ((await newsroom.strapi.db.query('admin::role').findOne({ where: { code: ROLE_CODES.reporter } })) as { id: number })
    .id;
  return {
    reporterRole,
    written: written.documentId,
    submitted: submitted.documentId,
    returned: returned.documentId,
    approved: approved.documentId,
    published,
    reported,
  };
}

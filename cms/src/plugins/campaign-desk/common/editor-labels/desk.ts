/** Labels of the newsroom's own records: placements (上稿), staff, reporting plans and their topics. */
import type { CampaignContentKey } from '../names';
import { SAMPLE, type Labels } from './shared';

export const DESK_LABELS = {
  placement: {
    mainField: 'date',
    fields: {
      story: '稿件',
      outlet: ['刊播媒体', '留空则为你所在的媒体'],
      state: ['上稿状态', '已推送 → 已刊播 → 已核实（编辑核对凭证后），或未采用；只有已核实的计入覆盖并在网站公开'],
      pitchedOn: ['推送日期', '“已推送”须填写'],
      contact: ['对接人', '对方媒体的编辑及联系方式，“已推送”须填写'],
      date: ['刊播日期', '“已刊播”“已核实”须填写'],
      url: '网址',
      slot: ['版面或栏目', '如“第5版”或“《湖北新闻》”；没有网址时须填写'],
      evidence: ['刊播凭证', '版面截图或 PDF，核实前须上传'],
      note: '备注',
      source: '来源',
      verifiedAt: '核实时间',
      verifiedBy: '核实人',
      sample: SAMPLE,
    },
    list: ['id', 'story', 'outlet', 'state', 'date', 'source'],
    readOnly: ['source', 'verifiedAt', 'verifiedBy'],
  },
  staffMember: {
    mainField: 'name',
    fields: {
      name: '姓名',
      email: ['后台账号邮箱', '与“设置 → 用户”中此人的邮箱一致'],
      outlet: ['所属媒体', '此人新建稿件、上稿记录时默认填入'],
      firstReview: ['初审', '按媒体分设审稿链时：此人可初审本单位的稿件'],
      secondReview: ['复审', '按媒体分设审稿链时：此人可复审本单位的稿件'],
      finalReview: ['终审', '按媒体分设审稿链时：此人可终审本单位的稿件'],
      allOutlets: ['跨媒体审稿（主编）', '按媒体分设审稿链时：此人勾选的各审对所有媒体的稿件都有效'],
    },
    list: ['id', 'name', 'outlet', 'email'],
  },
  reportingPlan: {
    mainField: 'title',
    fields: {
      title: '方案名称',
      outlet: '新闻单位',
      theme: ['阶段（主题）', '每家媒体每个阶段一个报道方案'],
      lead: ['负责人', '靠前指挥的主要负责人'],
      summary: '报道思路',
      topics: '选题',
      sample: SAMPLE,
    },
    list: ['id', 'title', 'outlet', 'theme'],
  },
  topic: {
    mainField: 'title',
    fields: {
      title: '选题',
      angle: ['报道角度', '写什么、怎么写、用什么形式'],
      plan: '所属报道方案',
      column: '服务的专栏',
      theme: '服务的主题',
      reporters: '承担记者',
      dueOn: '完成时限',
      progress: ['进度', '有稿件发布后自动变为“已发布”'],
      stories: ['完成稿件', '完成这个选题的稿件'],
      sample: SAMPLE,
    },
    list: ['id', 'title', 'progress', 'dueOn', 'plan'],
  },
} satisfies Partial<Record<CampaignContentKey, Labels>>;

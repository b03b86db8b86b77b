/**
 * The names editors read for every field of the campaign's content types: a Chinese label,
 * and for some a hint, by type and field, plus the field that names a record in lists and
 * relation pickers. One table for both halves of the plugin: the server writes it into the
 * content manager's configuration (server/src/content/services/editor-labels.ts), and the admin registers it
 * as the messages the content manager looks labels up by (admin/src/translations.ts), so
 * list headers and form labels never fall back to a field's key.
 */
import type { CampaignContentKey } from './names';

export type Field = string | [label: string, hint: string];
export interface Labels {
  mainField: string;
  fields: Record<string, Field>;
  /** Columns of the list view, set once (the first time the plugin configures the type). */
  list?: string[];
  /** Shown but not editable in the form. */
  readOnly?: string[];
}

const SLUG: Field = ['网址别名（slug）', '留空则按标题自动生成拼音；首次发布后不能修改'];
const SAMPLE: Field = ['示例内容', '虚构的示例数据：网站上标注“示例”，不进入订阅源和媒体覆盖统计（预览版网站除外）'];
const SAMPLE_DATE: Field = ['日期为示例', '日期尚未确定、暂填示例日期时勾选：网站和日历在日期旁标注“示例”'];

export const EDITOR_LABELS: Record<CampaignContentKey, Labels> = {
  story: {
    mainField: 'title',
    fields: {
      title: '标题',
      subtitle: '副标题',
      slug: SLUG,
      date: ['发布日期', '读者看到的日期；留空则取首次发布的时间'],
      summary: ['摘要', '一两句话，用于列表、分享和订阅源'],
      body: '正文',
      kind: ['稿件类型', '视频、动新闻、H5、直播、音频须填媒体链接或上传音视频文件；解读须选所解读的条款'],
      cover: '封面图',
      coverCaption: '封面图说明',
      coverCredit: ['封面图署名', '如“记者 某某 摄”'],
      mediaUrl: ['媒体链接', '视频、H5、直播、音频的播放地址（http 或 https）；白名单平台的作品在页面内播放，其余显示为链接'],
      mediaFile: ['音视频文件', '从媒体库上传的视频或音频，在页面内播放；封面图作海报'],
      mediaSeconds: ['时长（秒）', '音视频的时长，如 3 分 20 秒填 200；显示在页面上，并写入播客订阅源'],
      captions: ['字幕文件', 'WebVTT 格式（.vtt），视频播放时可打开字幕'],
      outlet: ['首发媒体', '稿件出自哪家媒体'],
      printOutlet: ['见报媒体', '先在报纸刊发时填写'],
      printDate: '见报日期',
      printPage: ['见报版次', '如“第3版”'],
      bylines: ['作者', '多位作者用、分隔，如“记者 张三、通讯员 李四”'],
      columns: '所属专栏',
      theme: '主题',
      activities: '“六大”活动',
      places: '地区',
      figures: '典型人物',
      clauses: ['解读的条款', '解读类稿件须选择所解读的《意见》条款'],
      event: '相关日程',
      featured: ['重点报道', '勾选后进入“重点报道”订阅源，供合作媒体优先转载'],
      sample: SAMPLE,
      reviewStage: ['审稿状态', '由右侧“审稿”面板中的送审、初审、复审、终审和退回改变'],
    },
    list: ['id', 'title', 'kind', 'reviewStage', 'date'],
    readOnly: ['reviewStage'],
  },
  column: {
    mainField: 'name',
    fields: {
      name: '专栏名称',
      slug: SLUG,
      description: '专栏介绍',
      outlets: '开设媒体',
      cover: '专栏题图',
      order: ['排序', '数字小的排在前面'],
      active: ['进行中', '关闭后专栏标为“已结束”'],
    },
  },
  theme: {
    mainField: 'name',
    fields: { slug: 'slug', name: '主题', phase: '阶段', startsOn: '开始日期', endsOn: '结束日期', description: '说明' },
  },
  activity: { mainField: 'name', fields: { slug: 'slug', name: '活动', order: '顺序', description: '说明' } },
  place: { mainField: 'name', fields: { slug: 'slug', name: '地区', order: '顺序' } },
  outlet: {
    mainField: 'name',
    fields: {
      name: '媒体名称',
      shortName: '简称',
      slug: SLUG,
      level: '级别',
      medium: '媒体形态',
      homepage: '网址',
      runsCampaignColumn: '开设“六大”活动专栏',
      countsTowardCoverage: ['计入“全覆盖”', '中央、省级主流媒体中，“力争全覆盖”目标所列的媒体：统计和周报据此列出尚未刊播的媒体'],
      sample: SAMPLE,
    },
  },
  figure: {
    mainField: 'name',
    fields: {
      name: '姓名',
      slug: SLUG,
      portrait: '照片',
      role: '职务',
      unit: '单位',
      place: '地区',
      summary: '简介',
      biography: '事迹',
      qualities: ['精神品质', '每行一条'],
      sample: SAMPLE,
    },
  },
  goodDeed: {
    mainField: 'title',
    fields: {
      title: '好事',
      doer: ['做好事的人', '姓名，或单位、党支部'],
      unit: '所在单位或党支部',
      date: '日期',
      place: '地区',
      description: '做了什么',
      photo: '照片',
      figure: ['接力的典型', '接过谁的“接力棒”，如唐光友'],
      reportedByPublic: ['群众报告', '由读者通过专题网站报告、经编辑审核采纳；网站上标注“群众报告”'],
      sample: SAMPLE,
    },
  },
  suggestion: {
    mainField: 'text',
    fields: {
      topic: '建议方向',
      text: ['建议内容', '读者原文，采纳时已去除不可见字符'],
      name: ['署名', '读者自愿公开的称呼；留空则显示为“热心读者”'],
      reply: ['回复', '编辑部对这条建议的回复，与建议一同公布'],
      receivedOn: '提交日期',
      repliedOn: '回复日期',
      sample: SAMPLE,
    },
    list: ['id', 'topic', 'text', 'repliedOn'],
  },
  live: {
    mainField: 'title',
    fields: {
      title: '直播标题',
      slug: SLUG,
      event: ['直播的日程', '所直播的会议或活动'],
      state: ['直播状态', '预告 → 直播中 → 已结束；直播中时网页自动刷新新条目'],
      summary: ['导语', '一两句话，显示在直播页顶部'],
      sample: SAMPLE,
    },
    list: ['id', 'title', 'state', 'event'],
  },
  liveEntry: {
    mainField: 'text',
    fields: {
      live: '所属直播',
      kind: ['条目类型', '图片须选图片，短视频须填视频链接，引语须填发言人'],
      text: ['文字', '条目正文，最多 2000 字'],
      photo: '图片',
      videoUrl: ['视频链接', '短视频的播放地址（http 或 https）'],
      speaker: ['发言人', '引语的说话人，如“市委书记 某某”'],
      pinned: ['置顶', '置顶的条目显示在直播页最上方'],
      correction: ['更正', '更正此前条目的内容，网页上标注“更正”'],
      state: ['审核状态', '由值班编辑在“图文直播”页审核；修改已审核的条目须重新审核'],
      postedAt: ['发布时间', '审核通过的时间，读者看到的时间'],
      writerName: '撰写人',
      approvedByName: '审核人',
    },
    list: ['id', 'text', 'kind', 'state', 'postedAt'],
    readOnly: ['state', 'postedAt', 'writerName', 'approvedByName'],
  },
  opinion: {
    mainField: 'title',
    fields: {
      title: ['文件标题', '不含书名号'],
      shortTitle: ['简称', '如“《意见》”'],
      slug: SLUG,
      summary: '内容提要',
      adoptedOn: '审议通过日期',
      sampleDate: SAMPLE_DATE,
      adoptedAt: '审议通过的会议',
      clauses: '条款',
      sample: SAMPLE,
    },
  },
  clause: {
    mainField: 'heading',
    fields: {
      opinion: '所属文件',
      label: ['序号', '如“一、”或“（三）”'],
      heading: '小标题',
      text: '条文',
      order: ['顺序', '在文件中的先后'],
      sample: SAMPLE,
    },
  },
  quiz: {
    mainField: 'title',
    fields: {
      title: '竞答名称',
      slug: SLUG,
      intro: ['说明', '答题页开头的一段话'],
      opensAt: ['开始时间', '北京时间；此前不接受答题'],
      closesAt: ['结束时间', '北京时间；此后不接受答题'],
      questions: ['题目', '按选择的顺序出题；发布时题目随之公开（不含答案和解析）'],
      sample: SAMPLE,
    },
  },
  quizQuestion: {
    mainField: 'text',
    fields: {
      text: '题干',
      kind: ['题型', '单选题只有一个正确选项，多选题可有多个'],
      options: ['选项', `每行一个选项，依次为 A、B、C……（2～6 个）`],
      answer: ['正确答案', '填选项字母，如“B”；多选题用逗号分隔，如“A,C”。答案只保存在后台，不会出现在网站上'],
      explanation: ['答案解析', '读者交卷后看到'],
      clause: ['考查的条款', '这道题考查《意见》的哪一条'],
      sample: SAMPLE,
    },
    list: ['id', 'text', 'kind', 'clause'],
  },
  event: {
    mainField: 'title',
    fields: {
      kind: '类型',
      title: '名称',
      slug: SLUG,
      startsAt: '开始时间',
      endsAt: '结束时间',
      sampleDate: SAMPLE_DATE,
      venue: '地点',
      place: '地区',
      theme: '主题',
      lectureGroup: ['宣讲团', '宣讲活动填写'],
      audiences: ['宣讲对象', '宣讲活动填写，如 ["agencies","villages"]（机关、农村）'],
      speakers: ['主讲人', '多人用、分隔'],
      summary: '概要',
      sample: SAMPLE,
    },
  },
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
};

/** Fields Strapi adds to every type, which editors meet as list columns and filters. */
export const SYSTEM_FIELD_LABELS: Record<string, string> = {
  id: 'ID',
  documentId: '文档 ID',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  publishedAt: '发布时间',
  createdBy: '创建人',
  updatedBy: '最后修改人',
};

/** Every field of a type editors may meet, by name: Strapi's own fields, then the type's. */
export function fieldsOf(type: CampaignContentKey): Record<string, Field> {
  return { ...SYSTEM_FIELD_LABELS, ...EDITOR_LABELS[type].fields };
}

/** A field's label and hint (empty when it has none). */
export function labelAndHint(spec: Field): [label: string, hint: string] {
  return typeof spec === 'string' ? [spec, ''] : spec;
}

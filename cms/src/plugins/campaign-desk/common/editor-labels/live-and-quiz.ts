/** Labels of 图文直播 and 知识竞答. */
import type { CampaignContentKey } from '../names';
import { SAMPLE, SLUG, type Labels } from './shared';

export const LIVE_AND_QUIZ_LABELS = {
  live: {
    mainField: 'title',
    fields: {
      title: '直播标题',
      slug: SLUG,
      event: ['直播的日程', '所直播的会议或活动'],
      state: ['直播状态', '预告 → 直播中 → 已结束；直播中时网页自动刷新新条目'],
      summary: ['导语', '一两句话，显示在直播页顶部'],
      questions: ['网友提问', '打开后，直播中时读者可在直播页提问；值班编辑在“图文直播”页采纳并作为条目回答'],
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
      questionText: ['网友的提问', '回答网友提问时由“图文直播”页填入'],
      questionAsker: ['提问网友', '提问时留的昵称；没有留昵称的显示为“网友”'],
    },
    list: ['id', 'text', 'kind', 'state', 'postedAt'],
    readOnly: ['state', 'postedAt', 'writerName', 'approvedByName', 'questionText', 'questionAsker'],
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
} satisfies Partial<Record<CampaignContentKey, Labels>>;

/** Labels of 宣讲点单's 宣讲菜单. */
import type { CampaignContentKey } from '../names';
import { SAMPLE, SLUG, type Labels } from './shared';

export const LECTURE_LABELS = {
  lectureTopic: {
    mainField: 'title',
    fields: {
      title: '宣讲题目',
      slug: SLUG,
      summary: ['内容简介', '宣讲菜单上的一段介绍：讲什么、对谁讲'],
      group: ['宣讲团', '理论宣讲团或百姓宣讲团'],
      speakers: ['宣讲人', '多人用顿号或逗号分隔；宣讲菜单据此列出宣讲团成员'],
      audiences: ['适合对象', '填机关、企业、社区、农村的代码，如 ["agencies","communities"]；不填即都适合'],
      minutes: ['时长（分钟）', '一场宣讲大约多久'],
      sample: SAMPLE,
    },
    list: ['id', 'title', 'group', 'speakers'],
  },
} satisfies Partial<Record<CampaignContentKey, Labels>>;

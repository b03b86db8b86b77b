/** N generated stories for load measurements: plausible sizes, spread over the taxonomy, titled 【压测】. */
import { ACTIVITIES, PLACES, THEMES } from '@campaign-desk/shared';
import plan from '../seed/plan.json';

const KINDS = ['消息', '通讯', '评论', '综述', '调研文章', '研讨发言'] as const;
const PARAGRAPH =
  '全市各级党组织按照“深、实、严、细、久”的标准，把市委、市政府工作部署工程化、项目化、清单化，党员干部深入基层、深入一线开展“走遍咸宁”大调研，做问题的终结者，推动各项工作大落实。';

export function benchStories(count: number, prefix = 'bench') {
  const columns = plan.columns.map((column) => column.slug);
  const outlets = plan.outlets.filter((outlet) => outlet.runsCampaignColumn).map((outlet) => outlet.slug);
  const start = Date.parse('2020-04-21T08:00:00+08:00');
  const span = Date.parse('2020-11-30T08:00:00+08:00') - start;
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const date = new Date(start + Math.floor((span * index) / count));
    const theme = THEMES.find((entry) => date.toISOString().slice(0, 10) <= entry.endsOn) ?? THEMES[2];
    return {
      slug: `${prefix}-${String(n).padStart(6, '0')}`,
      title: `【压测】第${n}篇：${PLACES[n % PLACES.length]!.name}推进“六大”活动走深走实`,
      date: date.toISOString(),
      summary: `压测稿件 ${n}，用于测量性能。`,
      body: [PARAGRAPH, PARAGRAPH, PARAGRAPH],
      kind: KINDS[n % KINDS.length]!,
      outlet: outlets[n % outlets.length],
      bylines: [`记者 压测${n % 50}`],
      columns: [columns[n % columns.length]!],
      theme: theme.slug,
      activities: [ACTIVITIES[n % ACTIVITIES.length]!.slug],
      places: [PLACES[n % PLACES.length]!.slug],
      // Not samples: the statistics, the coverage figures and the feeds count only what is not.
      sample: false,
    };
  });
}

/**
 * A sample 知识竞答 on the 《意见》's (sample) clauses, for `pnpm demo` and the tests: open from
 * the 《意见》's publication to the end of 2030, so a demo can be answered whenever it runs.
 */
const clause = (order: number) => `yijian#${order}`;

export function sampleQuizzes() {
  return {
    quizzes: [
      {
        slug: 'yijian-zhishi-jingda',
        title: '《意见》知识竞答',
        intro: '读《意见》，答五道题，看看你对咸宁“三个定位”了解多少。交卷后即可看到得分、每道题的解析和相关解读。',
        opensAt: '2020-10-08T09:00:00+08:00',
        closesAt: '2030-12-31T18:00:00+08:00',
        sample: true,
        questions: [
          {
            text: '《意见》提出，咸宁要加快建设的“三个定位”不包括下列哪一项？',
            kind: 'single',
            options: ['全省特色产业增长极', '转型发展示范区', '自然生态公园城市', '国际航运中心'],
            answer: 'D',
            explanation: '“三个定位”是全省特色产业增长极、转型发展示范区和自然生态公园城市，见《意见》总体要求。',
            clause: clause(1),
          },
          {
            text: '建设特色产业增长极，《意见》要求推动哪些企业发展？（多选）',
            kind: 'multiple',
            options: ['龙头企业做大做强', '中小企业专精特新', '限制民营企业', '只发展外资企业'],
            answer: 'A,B',
            explanation: '《意见》要求围绕主导产业延链补链强链，推动龙头企业做大做强、中小企业专精特新。',
            clause: clause(3),
          },
          {
            text: '《意见》要求按照什么标准抓推进、抓落实？',
            kind: 'single',
            options: ['快、准、狠', '深、实、严、细、久', '大、全、新', '稳、进、好'],
            answer: 'B',
            explanation: '把目标任务分解为工程、项目和清单，按照“深、实、严、细、久”的标准抓推进、抓落实。',
            clause: clause(4),
          },
          {
            text: '建设自然生态公园城市，《意见》践行的是哪一理念？',
            kind: 'single',
            options: ['先污染后治理', '绿水青山就是金山银山', '以规模论英雄', '重建设轻管理'],
            answer: 'B',
            explanation: '《意见》要求践行绿水青山就是金山银山理念，让良好生态成为咸宁最靓丽的名片。',
            clause: clause(6),
          },
          {
            text: '营造良好氛围，《意见》要求组织开展什么活动？',
            kind: 'single',
            options: ['“双宣讲”活动', '文艺汇演', '体育比赛', '招商推介会'],
            answer: 'A',
            explanation: '《意见》要求统筹内宣外宣、网上网下，组织开展“双宣讲”活动，凝聚强大合力。',
            clause: clause(9),
          },
        ],
      },
    ],
  };
}

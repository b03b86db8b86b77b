/**
 * A sample 宣讲菜单 (四.7 “双宣讲”) for `pnpm demo` and the tests: the topics the plan names —
 * the 《意见》 read plainly, the three development positions, learning from 唐光友 — given by
 * the 理论宣讲团 or the 百姓宣讲团. The speakers are invented (示例).
 */
export function sampleLectureTopics() {
  return {
    lectureTopics: [
      {
        slug: 'yijian-tongsu-jiedu',
        title: '【示例】通俗解读《意见》',
        summary: '用通俗易懂的语言讲清《意见》：为什么要建设特色产业增长极、转型发展示范区和自然生态公园城市，目标是什么，路径在哪里。',
        group: '理论宣讲团',
        speakers: ['【示例】市委党校 陈老师', '【示例】市社科联 周老师'],
        audiences: ['机关', '企业'],
        minutes: 60,
        sample: true,
      },
      {
        slug: 'tese-chanye-zengzhangji',
        title: '【示例】全省特色产业增长极怎么建',
        summary: '围绕主导产业延链补链强链，讲龙头企业做大做强、中小企业专精特新，讲企业和职工在其中的机遇。',
        group: '理论宣讲团',
        speakers: ['【示例】市委党校 陈老师'],
        audiences: ['企业', '机关'],
        minutes: 45,
        sample: true,
      },
      {
        slug: 'ziran-shengtai-gongyuan-chengshi',
        title: '【示例】身边的自然生态公园城市',
        summary: '践行绿水青山就是金山银山理念：从一条河、一片山讲起，讲社区和村里能做什么。',
        group: '百姓宣讲团',
        speakers: ['【示例】通山县 护林员 老李', '【示例】咸安区 社区书记 王姐'],
        audiences: ['社区', '农村'],
        minutes: 40,
        sample: true,
      },
      {
        slug: 'xuexi-tang-guangyou',
        title: '【示例】学习唐光友，为民做好事',
        summary: '讲唐光友同志不忘初心、一心向党的忠诚品格，默默奉献、一生为民的家国情怀，号召身边人接力做好事。',
        group: '百姓宣讲团',
        speakers: ['【示例】咸安区 社区书记 王姐', '【示例】赤壁市 志愿者 小刘'],
        audiences: [],
        minutes: 40,
        sample: true,
      },
    ],
  };
}

/**
 * Sample stories, good deeds and placements for the Campaign Desk seed.
 *
 * Everything here is generated, clearly labelled sample content (`sample: true`, titles
 * prefixed “【示例】”) that fills the newsroom and the microsite with a realistic spread of
 * records: every theme, column, municipal outlet, place and story kind. It refers by slug
 * to the real records of `plan.json` (outlets, columns, the figure 唐光友, events and the
 * clauses of the 《意见》), so the two files are merged into one dataset by the seed.
 *
 * The output is deterministic: a fixed-seed PRNG (mulberry32) and fixed calendar
 * arithmetic, no Math.random and no clock, so two calls return deep-equal data.
 */
import { ACTIVITIES, PLACES, THEMES } from '@campaign-desk/shared';
import plan from './plan.json';
import type { ActivitySlug, PlaceSlug, STORY_KINDS, ThemeSlug } from '@campaign-desk/shared';

/** A story kind in the newsroom's words (“消息”, “视频”); the seed stores it as its key. */
export type StoryKind = (typeof STORY_KINDS)[number]['name'];

/** A story as the seed file takes it (the input shape of the dataset's story schema). */
export interface SampleStory {
  slug: string;
  title: string;
  subtitle?: string;
  /** ISO instant with its offset (+08:00). */
  date: string;
  summary?: string;
  body: string[];
  kind: StoryKind;
  mediaUrl?: string;
  outlet?: string;
  print?: { outlet: string; date: string; page: string };
  bylines?: string[];
  columns?: string[];
  theme?: ThemeSlug;
  activities?: ActivitySlug[];
  places?: PlaceSlug[];
  figures?: string[];
  /** "opinion-slug#order" */
  clauses?: string[];
  event?: string;
  /** 重点报道 (absent: not). */
  featured?: boolean;
  sample: boolean;
}

export interface SampleGoodDeed {
  title: string;
  doer: string;
  unit?: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  place?: PlaceSlug;
  description: string;
  figure?: string;
  /** Reported by a reader through the site's form and accepted (群众报告). */
  reportedByPublic?: boolean;
  sample: boolean;
}

/** An adopted suggestion (建言献策) with the newsroom's reply. */
export interface SampleSuggestion {
  topic: '特色产业增长极' | '转型发展示范区' | '自然生态公园城市' | '其他';
  text: string;
  name?: string;
  reply: string;
  receivedOn: string;
  repliedOn: string;
  sample: boolean;
}

export interface SamplePlacement {
  story: string;
  outlet: string;
  state: '已核实';
  date: string;
  url?: string;
  slot?: string;
  note?: string;
  sample: boolean;
}

export interface SampleData {
  stories: SampleStory[];
  goodDeeds: SampleGoodDeed[];
  placements: SamplePlacement[];
  suggestions: SampleSuggestion[];
}

export const SAMPLE_STORY_COUNT = 150;

const SEED = 0x20200514; // the plan's date of issue
/** Where generated video, audio, H5 and live links point: a reserved example domain (RFC 2606). */
const MEDIA_BASE = 'https://media.example.com/campaign-desk';

// ---------------------------------------------------------------------------------------
// Slugs of records in plan.json (the check in the seed verifies they resolve).

const FIGURE = 'tang-guangyou';
const OPINION = 'yijian';

const MUNICIPAL_OUTLETS = ['xianning-ribao', 'xianning-guangbo-dianshitai', 'xiangcheng-dushibao', 'xianning-wang'] as const;
type MunicipalOutlet = (typeof MUNICIPAL_OUTLETS)[number];

const OUTLET_INFO: Record<MunicipalOutlet, { column: string; lead: string; paper: boolean; tv: boolean }> = {
  'xianning-ribao': { column: 'xianning-ribao-zhuanlan', lead: '本报讯', paper: true, tv: false },
  'xianning-guangbo-dianshitai': { column: 'xianning-guangbo-dianshitai-zhuanlan', lead: '本台消息', paper: false, tv: true },
  'xiangcheng-dushibao': { column: 'xiangcheng-dushibao-zhuanlan', lead: '本报讯', paper: true, tv: false },
  'xianning-wang': { column: 'xianning-wang-zhuanlan', lead: '本网讯', paper: false, tv: false },
};

const COLUMN = {
  jieli: 'jieli-tang-guangyou',
  diaoyan: 'youxiu-diaoyan-wenzhang',
  yantao: 'yantao-fayan',
  pinglun: 'teyue-pinglun',
  jianyan: 'jianyan-xiance',
  zongshu: 'zongshu',
  jiedu: 'yijian-jiedu',
  rongmei: 'rongmei-chanpin',
  xuanjiang: 'shuang-xuanjiang',
} as const;

interface EventInfo {
  slug: string;
  date: string;
  hour: number;
  place: PlaceSlug;
  theme?: ThemeSlug;
  group?: '理论宣讲团' | '百姓宣讲团';
  audience?: '机关' | '企业' | '社区' | '农村';
}

const STUDY_SESSIONS: EventInfo[] = [
  { slug: 'zhuanti-xuexi-20200520', date: '2020-05-20', hour: 9, place: 'xianning', theme: 'zengzhangji' },
  { slug: 'zhuanti-xuexi-20200527', date: '2020-05-27', hour: 9, place: 'xianning', theme: 'zengzhangji' },
  { slug: 'zhuanti-xuexi-20200603', date: '2020-06-03', hour: 9, place: 'xianning', theme: 'shifanqu' },
];
const LEADING_GROUP_MEETING: EventInfo = {
  slug: 'lingdao-xiaozu-gongzuo-huiyi',
  date: '2020-06-10',
  hour: 15,
  place: 'xianning',
  theme: 'shifanqu',
};
const SEMINARS: EventInfo[] = [
  { slug: 'yantaohui-zengzhangji', date: '2020-06-24', hour: 9, place: 'xianning', theme: 'zengzhangji' },
  { slug: 'yantaohui-shifanqu', date: '2020-07-22', hour: 9, place: 'xianning', theme: 'shifanqu' },
  { slug: 'yantaohui-gongyuan-chengshi', date: '2020-09-16', hour: 9, place: 'xianning', theme: 'gongyuan-chengshi' },
];
const PLENARY: EventInfo = { slug: 'shiwei-quanti-kuoda-huiyi', date: '2020-09-28', hour: 9, place: 'xianning' };
const LECTURES: EventInfo[] = [
  { slug: 'xuanjiang-lilun-jiguan', date: '2020-10-13', hour: 15, place: 'xianning', group: '理论宣讲团', audience: '机关' },
  { slug: 'xuanjiang-lilun-qiye', date: '2020-10-15', hour: 15, place: 'gaoxin', group: '理论宣讲团', audience: '企业' },
  { slug: 'xuanjiang-baixing-shequ', date: '2020-10-20', hour: 19, place: 'xianan', group: '百姓宣讲团', audience: '社区' },
  { slug: 'xuanjiang-baixing-nongcun', date: '2020-10-22', hour: 15, place: 'tongshan', group: '百姓宣讲团', audience: '农村' },
  { slug: 'xuanjiang-lilun-nongcun', date: '2020-10-27', hour: 15, place: 'chongyang', group: '理论宣讲团', audience: '农村' },
  { slug: 'xuanjiang-baixing-qiye', date: '2020-10-29', hour: 15, place: 'chibi', group: '百姓宣讲团', audience: '企业' },
  { slug: 'xuanjiang-lilun-shequ', date: '2020-11-03', hour: 19, place: 'jiayu', group: '理论宣讲团', audience: '社区' },
  { slug: 'xuanjiang-baixing-jiguan', date: '2020-11-05', hour: 15, place: 'tongcheng', group: '百姓宣讲团', audience: '机关' },
];

/** Clause headings come from the plan's 《意见》 in plan.json, so the two never disagree. */
function headingOf(order: number): string {
  const clause = plan.opinions.find((opinion) => opinion.slug === 'yijian')?.clauses.find((entry) => entry.order === order);
  if (!clause?.heading) throw new Error(`plan.json: the opinion yijian has no clause ${order} with a heading`);
  return clause.heading;
}

/** The sample clauses of the 《意见》 in plan.json, by order (for titles of 解读 stories). */
const CLAUSES: ReadonlyArray<{ order: number; where: string; heading: string; theme?: ThemeSlug }> = (
  [
    { order: 1, where: '第一部分' },
    { order: 2, where: '第二部分' },
    { order: 3, where: '第二部分第（一）项' },
    { order: 4, where: '第二部分第（二）项' },
    { order: 5, where: '第三部分' },
    { order: 6, where: '第四部分', theme: 'gongyuan-chengshi' },
    { order: 7, where: '第五部分' },
    { order: 8, where: '第五部分第（一）项' },
    { order: 9, where: '第五部分第（二）项' },
  ] as const satisfies ReadonlyArray<{ order: number; where: string; theme?: ThemeSlug }>
).map((clause) => ({
  ...clause,
  heading: headingOf(clause.order),
}));

// ---------------------------------------------------------------------------------------
// Deterministic randomness and calendar arithmetic.

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function at<T>(list: ReadonlyArray<T>, index: number): T {
  const value = list[((index % list.length) + list.length) % list.length];
  if (value === undefined) throw new Error('sample-stories: empty list');
  return value;
}

function pick<T>(rng: Rng, list: ReadonlyArray<T>): T {
  return at(list, Math.floor(rng() * list.length));
}

/** `count` distinct items of `list`, in list order. */
function pickSome<T>(rng: Rng, list: ReadonlyArray<T>, count: number): T[] {
  const indexes = list.map((_, index) => index);
  for (let i = indexes.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [indexes[i], indexes[j]] = [at(indexes, j), at(indexes, i)];
  }
  return indexes
    .slice(0, Math.min(count, list.length))
    .sort((a, b) => a - b)
    .map((index) => at(list, index));
}

function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function dayBetween(rng: Rng, from: string, to: string): string {
  return addDays(from, int(rng, 0, daysFrom(from, to)));
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** '2020-05-20', 9, 30 → '2020-05-20T09:30:00+08:00' */
function instant(date: string, hour: number, minute = 0): string {
  return `${date}T${pad(hour)}:${pad(minute)}:00+08:00`;
}

/** '2020-05-20' → '5月20日' */
function chineseDate(date: string): string {
  const [, month, day] = date.split('-');
  return `${Number(month)}月${Number(day)}日`;
}

// ---------------------------------------------------------------------------------------
// Vocabulary. Phrases in quotation marks are the plan's own words.

const themeBySlug = new Map(THEMES.map((theme) => [theme.slug as ThemeSlug, theme]));
const placeBySlug = new Map(PLACES.map((place) => [place.slug as PlaceSlug, place]));

function themeName(theme: ThemeSlug | undefined): string {
  return theme ? (themeBySlug.get(theme)?.name ?? '') : '特色产业增长极、转型发展示范区和自然生态公园城市';
}

function placeName(place: PlaceSlug): string {
  const name = placeBySlug.get(place)?.name ?? '咸宁市';
  return place === 'xianning' ? '我市' : name;
}

interface ThemeWords {
  focus: string[];
  action: string[];
  scene: string[];
  middle: (c: Ctx) => string;
}

const THEME_WORDS: Record<ThemeSlug | 'none', ThemeWords> = {
  zengzhangji: {
    focus: ['特色产业', '产业链建设', '招商引资', '重点项目建设', '园区企业发展', '市场主体培育'],
    action: ['延链补链强链', '抓项目促投资', '优服务稳企业', '做强特色产业集群'],
    scene: ['项目工地', '企业生产车间', '特色产业基地', '园区'],
    middle: (c) => `${c.place}聚焦${c.focus}，${c.action}，推动特色产业集聚发展，努力为建设全省特色产业增长极多作贡献。`,
  },
  shifanqu: {
    focus: ['营商环境', '改革创新', '绿色转型', '开放合作', '数字化转型', '“放管服”改革'],
    action: ['以改革破难题', '以创新增动能', '以开放拓空间', '以服务优环境'],
    scene: ['政务服务大厅', '企业', '改革一线', '产业园区'],
    middle: (c) => `${c.place}坚持${c.action}，在${c.focus}上先行先试、大胆探索，努力为建设转型发展示范区蹚出新路子。`,
  },
  'gongyuan-chengshi': {
    focus: ['生态保护', '人居环境整治', '全域旅游', '城乡绿化', '河湖治理', '长江大保护'],
    action: ['守护绿水青山', '统筹山水林田湖草系统治理', '推进全域公园化建设', '补齐生态环境短板'],
    scene: ['河湖岸线', '城乡社区', '乡村', '公园绿地'],
    middle: (c) =>
      `${c.place}践行绿水青山就是金山银山理念，${c.action}，统筹推进${c.focus}${c.landmark ? `，${c.landmark}一带生态环境持续向好` : ''}，让自然生态公园城市的名片更加靓丽。`,
  },
  none: {
    focus: ['《意见》贯彻落实', '高质量发展', '“六大”活动成果转化', '发展定位落地'],
    action: ['对标《意见》抓落实', '把发展定位细化为具体举措', '巩固深化“六大”活动成果'],
    scene: ['基层一线', '机关', '企业', '社区', '农村'],
    middle: (c) => `${c.place}${c.action}，围绕建设特色产业增长极、转型发展示范区和自然生态公园城市，推动《意见》各项部署落地见效。`,
  },
};

/** A few well-known places, used only in park-city stories of their own county. */
const LANDMARKS: Partial<Record<PlaceSlug, string>> = {
  chibi: '陆水湖',
  tongshan: '九宫山',
  xianan: '淦河',
  jiayu: '长江岸线',
};

/** Paragraphs that fit any theme, in the plan's vocabulary. */
const COMMON_MIDDLES: Array<(c: Ctx) => string> = [
  (c) =>
    `活动开展以来，${c.place}坚持问题导向、目标导向、效果导向，把市委、市政府工作部署工程化、项目化、清单化，逐项明确责任单位和完成时限，以更大的积极性、主动性、创造性推动各项工作大落实。`,
  (c) =>
    `${c.place}党员干部按照“深、实、严、细、久”的标准，把践行初心使命与推进咸宁高质量发展结合起来，把主要精力用在抓具体、抓深入、抓落实上，争做问题的终结者。`,
  (c) =>
    `围绕“走遍咸宁”，各级领导干部深入基层、深入一线开展市情大调研，走进${c.scene}，面对面听取群众意见建议，现场研究解决${c.focus}中的实际困难。`,
  (c) =>
    `通过集中学习和研讨，党员干部进一步学懂弄通习近平新时代中国特色社会主义思想，对建设${c.themeName}的认识更深了、视野更宽了、思路更清了。`,
  () => '“活动开展以来，干部来得勤了，问题解决得快了。”一位受访群众说，“六大”活动带来的变化看得见、摸得着。',
  (c) => `在${c.scene}，记者看到，一项项任务被列入清单、挂图作战，一个个难题被逐一销号，“大调研”的成果正在转化为“大落实”的成效。`,
  (c) => `${c.place}还广泛征求意见、制定工作方案，成立领导机构，推动“大学习、大调研、大讨论、大统一、大转变、大落实”同步推进、贯穿始终。`,
];

const COMMON_CLOSINGS: Array<(c: Ctx) => string> = [
  (c) => `下一步，${c.place}将持续深化“六大”活动，推动思想大统一、作风大转变、工作大落实，为加快推进咸宁高质量发展注入强大动力。`,
  (c) => `据介绍，${c.place}将把活动成效体现到${c.focus}的具体成果上，以实干实绩检验“六大”活动成效。`,
  () => '“六大”活动正在全市上下形成比学赶超、争先创优的浓厚氛围。',
];

const REPORTERS = ['张三', '李四', '王五', '赵六', '孙七', '周八', '吴九', '郑十'];
const CORRESPONDENTS = ['钱一', '冯二', '陈三', '褚四', '卫五'];
const AUTHOR_UNITS = ['市直某部门', '某县市区', '市直某单位', '某乡镇', '咸宁高新区某部门'];

// ---------------------------------------------------------------------------------------
// Specs: what each story is about, before it is written.

type Topic =
  | 'xuexi'
  | 'lingdao'
  | 'yantaohui'
  | 'yantao-fayan'
  | 'quanhui'
  | 'xuanjiang'
  | 'jiedu'
  | 'jieli'
  | 'general'
  | 'pinglun'
  | 'jianyan'
  | 'zongshu'
  | 'diaoyan';

interface Spec {
  topic: Topic;
  kind: StoryKind;
  date: string;
  hour: number;
  minute: number;
  outlet: MunicipalOutlet;
  theme?: ThemeSlug;
  columns: string[];
  places: PlaceSlug[];
  event?: EventInfo;
  /** Orders of the 《意见》 clauses a 解读 story interprets. */
  clauses?: number[];
  figure?: boolean;
}

interface Ctx {
  place: string;
  placeSlug: PlaceSlug;
  themeName: string;
  focus: string;
  action: string;
  scene: string;
  landmark?: string;
  dateCn: string;
  lead: string;
  outletName: string;
}

/** Reports on these meetings are the editors' picks (重点报道): the leadership's deployment (三.1), the seminars and the plenary. */
const FEATURED_TOPICS: ReadonlySet<Topic> = new Set(['lingdao', 'yantaohui', 'quanhui']);

const TEXT_KINDS: ReadonlyArray<StoryKind> = ['消息', '通讯', '评论', '综述', '调研文章', '研讨发言', '解读'];

/** Which outlets originate each kind, in turn. */
const OUTLET_ROTATION: Record<StoryKind, ReadonlyArray<MunicipalOutlet>> = {
  消息: MUNICIPAL_OUTLETS,
  通讯: MUNICIPAL_OUTLETS,
  评论: MUNICIPAL_OUTLETS,
  综述: MUNICIPAL_OUTLETS,
  调研文章: MUNICIPAL_OUTLETS,
  研讨发言: MUNICIPAL_OUTLETS,
  解读: MUNICIPAL_OUTLETS,
  视频: ['xianning-guangbo-dianshitai', 'xianning-wang', 'xianning-guangbo-dianshitai', 'xianning-ribao'],
  动新闻: ['xianning-wang', 'xianning-guangbo-dianshitai'],
  H5: ['xianning-wang', 'xianning-ribao', 'xiangcheng-dushibao', 'xianning-guangbo-dianshitai'],
  直播: ['xianning-guangbo-dianshitai', 'xianning-wang'],
  音频: ['xianning-guangbo-dianshitai', 'xianning-ribao', 'xiangcheng-dushibao'],
};

function buildSpecs(rng: Rng): Spec[] {
  const specs: Spec[] = [];
  const rotation = new Map<StoryKind, number>();
  let placeCursor = 1; // start with 咸安区; 咸宁市 comes round every eighth story

  const nextOutlet = (kind: StoryKind): MunicipalOutlet => {
    const turn = rotation.get(kind) ?? 0;
    rotation.set(kind, turn + 1);
    return at(OUTLET_ROTATION[kind], turn);
  };
  const nextPlaces = (): PlaceSlug[] => {
    const first = at(PLACES, placeCursor).slug as PlaceSlug;
    placeCursor += 1;
    if (rng() < 0.2) {
      const second = pick(rng, PLACES).slug as PlaceSlug;
      if (second !== first && second !== 'xianning') return [first, second];
    }
    return [first];
  };
  /** A time of day that suits the outlet (morning paper, evening news, web all day). */
  const timeFor = (outlet: MunicipalOutlet, kind: StoryKind): [number, number] => {
    const info = OUTLET_INFO[outlet];
    if (info.paper && TEXT_KINDS.includes(kind)) return [int(rng, 6, 7), pick(rng, [0, 15, 30, 45])];
    if (info.tv) return [int(rng, 18, 20), pick(rng, [0, 30])];
    return [int(rng, 8, 21), pick(rng, [0, 10, 20, 30, 40, 50])];
  };
  const add = (spec: Omit<Spec, 'outlet' | 'hour' | 'minute' | 'places'> & Partial<Spec>): void => {
    const outlet = spec.outlet ?? nextOutlet(spec.kind);
    const [hour, minute] = spec.hour !== undefined ? [spec.hour, spec.minute ?? 0] : timeFor(outlet, spec.kind);
    specs.push({ ...spec, outlet, hour, minute, places: spec.places ?? nextPlaces() });
  };
  /** A report on an event: papers print it the next morning, broadcast and web the same day. */
  const report = (event: EventInfo, kind: StoryKind, topic: Topic, columns: string[], outlet?: MunicipalOutlet): void => {
    const chosen = outlet ?? nextOutlet(kind);
    const paper = OUTLET_INFO[chosen].paper;
    const date = paper ? addDays(event.date, 1) : event.date;
    const hour = paper ? 7 : Math.min(22, Math.max(12, event.hour + 3));
    add({ topic, kind, date, hour, minute: paper ? 0 : 30, outlet: chosen, theme: event.theme, columns, places: [event.place], event });
  };

  // 1. The theory-study centre group's study sessions (四.1).
  for (const session of STUDY_SESSIONS) report(session, '消息', 'xuexi', []);
  report(at(STUDY_SESSIONS, 0), '视频', 'xuexi', [COLUMN.rongmei], 'xianning-guangbo-dianshitai');
  report(at(STUDY_SESSIONS, 2), '音频', 'xuexi', [COLUMN.rongmei], 'xianning-guangbo-dianshitai');

  // 2. The leading group's work meeting (三.1).
  report(LEADING_GROUP_MEETING, '消息', 'lingdao', []);

  // 3. The three seminars: a report, a live stream and speeches (二, 四.3).
  SEMINARS.forEach((seminar, index) => {
    report(seminar, '消息', 'yantaohui', []);
    add({
      topic: 'yantaohui',
      kind: '直播',
      date: seminar.date,
      hour: seminar.hour,
      minute: 0,
      outlet: index === 1 ? 'xianning-wang' : 'xianning-guangbo-dianshitai',
      theme: seminar.theme,
      columns: [COLUMN.rongmei],
      places: [seminar.place],
      event: seminar,
    });
    const speeches = index === 0 ? 4 : 3;
    for (let n = 0; n < speeches; n += 1) {
      const date = addDays(seminar.date, 1 + n * 2);
      add({ topic: 'yantao-fayan', kind: '研讨发言', date, theme: seminar.theme, columns: [COLUMN.yantao], event: seminar });
    }
  });

  // 4. The plenary that adopts the 《意见》 (四.4).
  report(PLENARY, '消息', 'quanhui', [], 'xianning-ribao');
  add({
    topic: 'quanhui',
    kind: '直播',
    date: PLENARY.date,
    hour: PLENARY.hour,
    minute: 0,
    outlet: 'xianning-guangbo-dianshitai',
    columns: [COLUMN.rongmei],
    places: ['xianning'],
    event: PLENARY,
  });
  add({ topic: 'quanhui', kind: '评论', date: addDays(PLENARY.date, 1), columns: [COLUMN.pinglun], places: ['xianning'], event: PLENARY });
  add({
    topic: 'quanhui',
    kind: 'H5',
    date: addDays(PLENARY.date, 2),
    columns: [COLUMN.rongmei, COLUMN.jiedu],
    places: ['xianning'],
    event: PLENARY,
  });

  // 5. Interpreting the 《意见》: one story per clause, and one on the three positions together.
  const interpretations: number[][] = [[1], [2], [3], [4], [5], [6], [7], [8], [9], [2, 5, 6]];
  interpretations.forEach((orders, index) => {
    const theme = orders.length === 1 ? CLAUSES.find((clause) => clause.order === at(orders, 0))?.theme : undefined;
    add({
      topic: 'jiedu',
      kind: '解读',
      date: addDays(PLENARY.date, 2 + index * 5),
      theme,
      columns: [COLUMN.jiedu],
      places: ['xianning'],
      clauses: orders,
    });
  });

  // 6. The lecture tours (四.7): a report on every stop, two audio pieces.
  for (const lecture of LECTURES) report(lecture, '消息', 'xuanjiang', [COLUMN.xuanjiang]);
  report(at(LECTURES, 3), '音频', 'xuanjiang', [COLUMN.xuanjiang, COLUMN.rongmei], 'xianning-guangbo-dianshitai');
  report(at(LECTURES, 5), '音频', 'xuanjiang', [COLUMN.xuanjiang, COLUMN.rongmei], 'xianning-ribao');

  // 7. “接力唐光友，为民做好事” (四.2), June to September.
  const jieli: StoryKind[] = ['通讯', '消息', '通讯', '消息', '视频', '通讯', '消息', 'H5', '通讯', '消息', '视频', '通讯', '消息', '通讯'];
  jieli.forEach((kind, index) => {
    const date = addDays('2020-06-01', Math.floor((index * 121) / jieli.length) + int(rng, 0, 6));
    const theme = date < '2020-08-01' ? 'shifanqu' : 'gongyuan-chengshi';
    const columns = kind === '视频' || kind === 'H5' ? [COLUMN.jieli, COLUMN.rongmei] : [COLUMN.jieli];
    add({ topic: 'jieli', kind, date, theme, columns, figure: true });
  });

  // 8. After the plenary: round-ups and commentary.
  add({ topic: 'zongshu', kind: '综述', date: '2020-10-09', columns: [COLUMN.zongshu] });
  add({ topic: 'zongshu', kind: '综述', date: '2020-11-18', theme: 'gongyuan-chengshi', columns: [COLUMN.zongshu] });
  add({ topic: 'pinglun', kind: '评论', date: '2020-10-16', columns: [COLUMN.pinglun] });
  add({ topic: 'pinglun', kind: '评论', date: '2020-11-10', columns: [COLUMN.pinglun] });

  // 9. Each phase's everyday coverage.
  const perTheme: Array<[Topic, StoryKind, string[], number]> = [
    ['general', '消息', [], 7],
    ['general', '通讯', [], 4],
    ['pinglun', '评论', [COLUMN.pinglun], 3],
    ['jianyan', '评论', [COLUMN.jianyan], 1],
    ['jianyan', '消息', [COLUMN.jianyan], 1],
    ['zongshu', '综述', [COLUMN.zongshu], 2],
    ['diaoyan', '调研文章', [COLUMN.diaoyan], 4],
    ['general', '视频', [COLUMN.rongmei], 3],
    ['general', 'H5', [COLUMN.rongmei], 2],
    ['general', '直播', [COLUMN.rongmei], 1],
    ['general', '音频', [COLUMN.rongmei], 1],
  ];
  for (const theme of THEMES) {
    const slug = theme.slug as ThemeSlug;
    for (const [topic, kind, columns, count] of perTheme) {
      // Phase 1's audio piece is the study session's (see 1.).
      const n = slug === 'zengzhangji' && kind === '音频' ? count - 1 : count;
      for (let i = 0; i < n; i += 1) {
        // 综述 come at the end of a phase, the rest anywhere in it.
        const from = topic === 'zongshu' ? addDays(theme.endsOn, -12) : theme.startsOn;
        add({ topic, kind, date: dayBetween(rng, from, theme.endsOn), theme: slug, columns });
      }
    }
  }

  return specs;
}

// ---------------------------------------------------------------------------------------
// Writing: titles, bodies, summaries.

interface Written {
  /** Candidate titles (without the “【示例】” prefix); the first one not yet used wins. */
  titles: string[];
  subtitle?: string;
  summary: string;
  body: string[];
}

/** 2 to 5 paragraphs: a lead, some middles, maybe a closing. */
function compose(rng: Rng, c: Ctx, lead: string, middles: ReadonlyArray<(c: Ctx) => string>, closing = true): string[] {
  const count = int(rng, 1, closing ? 3 : 4);
  const body = [lead, ...pickSome(rng, middles, count).map((middle) => middle(c))];
  if (closing && rng() < 0.7) body.push(pick(rng, COMMON_CLOSINGS)(c));
  return body.slice(0, 5);
}

function themeMiddles(theme: ThemeSlug | undefined): Array<(c: Ctx) => string> {
  return [THEME_WORDS[theme ?? 'none'].middle, ...COMMON_MIDDLES];
}

function write(rng: Rng, spec: Spec, c: Ctx): Written {
  const t = c.themeName;
  const lead = `${c.lead} ${c.dateCn}，`;
  const mediaTag: Partial<Record<StoryKind, string>> = { 视频: '短视频｜', H5: 'H5｜', 直播: '直播｜', 音频: '听新闻｜' };
  const tag = mediaTag[spec.kind] ?? '';
  const middles = themeMiddles(spec.theme);

  switch (spec.topic) {
    case 'xuexi': {
      const titles = [
        `${tag}市委理论学习中心组（扩大）举行专题学习会`,
        `${tag}讲理论 讲经验 讲对策——市委理论学习中心组（扩大）专题学习侧记`,
        `${tag}聚焦${t}深化认识开阔视野明晰思路`,
      ];
      return {
        titles,
        summary: `市委理论学习中心组（扩大）举行“六大”活动专题学习会，围绕建设${t}讲理论、讲经验、讲对策。`,
        body: compose(
          rng,
          c,
          `${lead}市委理论学习中心组（扩大）举行“六大”活动专题学习会，邀请专家学者围绕建设${t}讲理论、讲经验、讲对策。`,
          [
            () =>
              '参加学习的党员领导干部表示，专题学习深化了认识、开阔了视野、明晰了思路，要以理论学习中心组（扩大）学习为引领，推动党员干部提升政策理论水平。',
            () => '开展“大学习、大调研、大讨论、大统一、大转变、大落实”活动，是推进“不忘初心、牢记使命”主题教育常态化长效化的重要举措。',
            ...COMMON_MIDDLES.slice(3, 4),
          ],
        ),
      };
    }
    case 'lingdao':
      return {
        titles: ['市“六大”活动领导小组召开工作会议', '市“六大”活动领导小组工作会议部署推进下阶段工作'],
        summary: '市“六大”活动领导小组召开工作会议，总结前段工作，部署推进下阶段活动。',
        body: compose(rng, c, `${lead}市“六大”活动领导小组召开工作会议，总结前段活动开展情况，研究部署下阶段重点工作。`, [
          () => '会议强调，要坚持“六大”活动同步推进、贯穿始终，市委常委会带头学习、带头调研、带头研讨，充分发挥示范作用。',
          () => '会议要求，各地各部门各单位要把工作部署工程化、项目化、清单化，确保活动有声势、有力度、有实效。',
          ...COMMON_MIDDLES.slice(0, 2),
        ]),
      };
    case 'yantaohui': {
      if (spec.kind === '直播') {
        return {
          titles: [`直播｜推进咸宁高质量发展研讨会·建设${t}`, `直播｜聚焦${t} 共话咸宁高质量发展`],
          summary: `${c.outletName}对推进咸宁高质量发展研讨会（${t}）进行全程直播。`,
          body: [
            `${c.outletName}对推进咸宁高质量发展研讨会进行网络直播。本次研讨会围绕建设${t}主题召开。`,
            '与会同志将结合“大调研”成果交流发言，为加快推进咸宁高质量发展建言献策。欢迎网友在评论区留言互动。',
          ],
        };
      }
      return {
        titles: [`推进咸宁高质量发展研讨会围绕建设${t}召开`, `凝聚共识谋发展——推进咸宁高质量发展研讨会（${t}）侧记`],
        summary: `推进咸宁高质量发展研讨会召开，与会同志围绕建设${t}交流研讨。`,
        body: compose(rng, c, `${lead}推进咸宁高质量发展研讨会召开。与会同志围绕建设${t}主题，结合“大调研”成果交流发言、深入研讨。`, [
          () => `发言同志从不同角度分析了建设${t}的优势与短板，提出了一批有针对性、可操作的对策建议。`,
          () => '大家表示，要以研讨促统一、以统一促转变、以转变促落实，推动“六大”活动走深走实。',
          ...middles.slice(0, 1),
        ]),
      };
    }
    case 'yantao-fayan': {
      return {
        titles: [
          `聚焦${c.focus} 建设${t}`,
          `在${c.focus}上下更大功夫`,
          `以“深实严细久”标准推动${c.focus}`,
          `把${c.focus}作为建设${t}的重要抓手`,
        ],
        subtitle: `推进咸宁高质量发展研讨会（${t}）发言摘登`,
        summary: `研讨发言摘登：围绕建设${t}，就${c.focus}提出思考和建议。`,
        body: compose(
          rng,
          c,
          `建设${t}，关键在于${c.focus}。结合前期大调研，我们梳理出一批制约发展的突出问题，逐一列出清单、明确责任。`,
          [
            () => `一是深化认识。把建设${t}放在全市发展大局中谋划，切实做到思想大统一。`,
            () => `二是${c.action}。把工作部署工程化、项目化、清单化，以项目为抓手推动任务落地。`,
            () => '三是转变作风。按照“深、实、严、细、久”的标准，把主要精力用在抓具体、抓深入、抓落实上，做问题的终结者。',
            () => '四是强化保障。建立常态化调度机制，以群众满意度检验工作成效。',
          ],
          false,
        ),
      };
    }
    case 'quanhui': {
      if (spec.kind === '直播') {
        return {
          titles: ['直播｜市委全体（扩大）会议'],
          summary: '市委全体（扩大）会议召开，审议《意见》。',
          body: [
            '市委全体（扩大）会议召开，审议《关于加快建设全省特色产业增长极转型发展示范区自然生态公园城市全力推进咸宁高质量发展的意见》。',
            '本台将对会议进行直播，并在会后推出《意见》系列解读。',
          ],
        };
      }
      if (spec.kind === 'H5') {
        return {
          titles: ['H5｜一图读懂《意见》', 'H5｜三个定位，一张蓝图'],
          summary: '用一组图解读《意见》提出的特色产业增长极、转型发展示范区和自然生态公园城市三个发展定位。',
          body: [
            '市委全体（扩大）会议审议通过的《意见》，明确了建设全省特色产业增长极、转型发展示范区和自然生态公园城市的发展定位。',
            '本H5以图解方式梳理《意见》的主要内容，点击即可查看每个发展定位的内涵和外延。',
          ],
        };
      }
      if (spec.kind === '评论') {
        return {
          titles: ['把发展蓝图变成美好现实', '以《意见》为引领 全力推进咸宁高质量发展'],
          summary: '评论：贯彻落实市委全体（扩大）会议精神，把《意见》确定的发展定位变为现实。',
          body: compose(
            rng,
            c,
            '市委全体（扩大）会议审议通过的《意见》，集中体现了“六大”活动的成果，描绘了咸宁高质量发展的蓝图。',
            [
              () => '蓝图已经绘就，关键在于落实。要把《意见》的各项部署工程化、项目化、清单化，一件一件抓落实。',
              () => '要以“深、实、严、细、久”的标准，把践行初心使命与推进咸宁高质量发展结合起来，做问题的终结者。',
              () => '要统一思想、凝聚力量，让建设特色产业增长极、转型发展示范区和自然生态公园城市成为全市上下的共同行动。',
            ],
            false,
          ),
        };
      }
      return {
        titles: ['市委全体（扩大）会议召开 审议通过《意见》', '市委全体（扩大）会议审议出台《意见》'],
        summary: '市委全体（扩大）会议召开，审议通过《意见》。',
        body: compose(
          rng,
          c,
          `${lead}市委全体（扩大）会议召开，审议通过《关于加快建设全省特色产业增长极转型发展示范区自然生态公园城市全力推进咸宁高质量发展的意见》。`,
          [
            () =>
              '会议认为，全市广泛开展“六大”活动以来，全市上下在建设特色产业增长极、转型发展示范区和自然生态公园城市上形成了思想大统一。',
            () => '会议要求，各级党委（党组）要深入学习领会《意见》，推动各项部署落地见效。',
          ],
          false,
        ),
      };
    }
    case 'xuanjiang': {
      const event = spec.event;
      const group = event?.group ?? '宣讲团';
      const audience = event?.audience ?? '农村';
      const where = audience === '农村' ? '乡村' : audience;
      return {
        titles: [
          `${tag}${group}走进${c.place}${where}宣讲《意见》`,
          `${tag}${group}进${audience}：用“家常话”讲透《意见》`,
          `${tag}把《意见》讲到${c.place}群众心坎上`,
        ],
        summary: `${group}走进${c.place}${where}，以通俗易懂的语言宣讲《意见》。`,
        body: compose(
          rng,
          c,
          `${lead}${group}走进${c.place}${where}，以通俗易懂的语言宣讲《意见》，宣讲建设特色产业增长极、转型发展示范区和自然生态公园城市的重要意义、奋斗目标和实践路径。`,
          [
            () => '宣讲结合身边事例，把大道理讲成“家常话”，现场不时响起掌声。',
            () => '“听了宣讲，对咸宁今后怎么发展、我们能做些什么，心里更有数了。”一位听众说。',
            () => '宣讲结束后，宣讲员还与听众互动交流，现场解答大家关心的问题。',
          ],
        ),
      };
    }
    case 'jiedu': {
      const orders = spec.clauses ?? [];
      const headings = orders.map((order) => CLAUSES.find((clause) => clause.order === order)?.heading ?? '');
      const first = at(headings, 0);
      const where = CLAUSES.find((clause) => clause.order === at(orders, 0))?.where ?? '';
      if (orders.length > 1) {
        return {
          titles: ['三个定位，如何一体推进？——《意见》解读', '《意见》解读：读懂咸宁发展的“三个定位”'],
          summary: '解读《意见》提出的特色产业增长极、转型发展示范区和自然生态公园城市三个发展定位之间的关系。',
          body: [
            `《意见》提出，${headings.join('、')}。三个定位相互支撑、有机统一，共同构成咸宁高质量发展的路线图。`,
            '特色产业增长极是支撑，转型发展示范区是路径，自然生态公园城市是底色。推进中要统筹兼顾，不可偏废。',
            '（本文所引《意见》条款为示例文本，正式内容以市委印发文件为准。）',
          ],
        };
      }
      return {
        titles: [`《意见》解读｜${first}`, `读懂《意见》之“${first}”`, `如何理解《意见》提出的“${first}”？`],
        summary: `解读《意见》${where}“${first}”的内涵和要求。`,
        body: [
          `市委全体（扩大）会议审议通过的《意见》${where}提出“${first}”。如何理解这一部署？`,
          ...compose(
            rng,
            c,
            `从内涵看，“${first}”回答的是咸宁高质量发展“干什么、怎么干”的问题，需要把定位细化为具体工程、具体项目、具体清单。`,
            [
              () => '从外延看，这一部署与“六大”活动一脉相承，是大调研、大讨论成果的集中体现。',
              () => '落实这一部署，要坚持问题导向、目标导向、效果导向，以“深、实、严、细、久”的标准抓推进。',
            ],
            false,
          ),
          '（本文所引《意见》条款为示例文本，正式内容以市委印发文件为准。）',
        ].slice(0, 5),
      };
    }
    case 'jieli': {
      const qualities = [
        '不忘初心、一心向党的忠诚品格',
        '默默奉献、一生为民的家国情怀',
        '艰苦朴素、一身廉洁的品德操守',
        '勇斗病魔、一如既往的顽强精神',
      ];
      const deeds = [
        '帮独居老人修缮房屋',
        '为群众代办证照',
        '帮农户销售农产品',
        '清理背街小巷',
        '为留守儿童辅导功课',
        '为居民义务维修家电',
      ];
      const deed = pick(rng, deeds);
      const quality = pick(rng, qualities);
      return {
        titles: [
          `${tag}接力唐光友 ${c.place}党员干部${deed}`,
          `${tag}走到群众身边办实事——${c.place}开展“为民做好事”活动见闻`,
          `${tag}学唐光友 做好事：${c.place}党员干部走上街头巷尾`,
          `${tag}“接力唐光友，为民做好事”在${c.place}蔚然成风`,
        ],
        summary: `${c.place}党员干部开展“接力唐光友，为民做好事”活动，为群众做好事、办实事。`,
        body: compose(rng, c, `${lead}${c.place}党员干部深入开展“接力唐光友，为民做好事”活动，走上街头巷尾，深入田间地头，${deed}。`, [
          () => `活动中，党员干部以唐光友为榜样，学习他${quality}，主动走到群众身边，为群众做好事、办实事。`,
          () => '“以前遇到难事不知道找谁，现在党员干部主动上门，我们心里暖暖的。”一位受助群众说。',
          () => `${c.place}建立“做好事”清单，群众点单、党员接单，让为民服务更加精准。`,
        ]),
      };
    }
    case 'pinglun':
      return {
        titles: [
          '争做问题的终结者',
          `以“深实严细久”标准抓好${c.focus}`,
          `让${t}的蓝图变成实景图`,
          '大调研要“调”出真问题、“研”出好对策',
          '把工作部署落到工程化项目化清单化上',
          '“走遍咸宁”重在走进群众心里',
          '以思想大统一推动工作大落实',
        ],
        summary: `特约评论：围绕建设${t}，推动“六大”活动走深走实。`,
        body: compose(
          rng,
          c,
          `开展“六大”活动，是推进咸宁高质量发展的重要举措。围绕建设${t}，每一名党员干部都应当有所作为。`,
          [
            () => '做问题的终结者，就要敢于直面问题，不回避、不推诿，把问题一个个解决在基层、化解在萌芽。',
            () => '“深、实、严、细、久”，既是工作标准，也是作风要求。唯有久久为功，才能把蓝图变为现实。',
            () => '把市委、市政府工作部署工程化、项目化、清单化，就是要让每项任务有时间表、路线图、责任人。',
            () => '以更大的积极性、主动性、创造性推动各项工作大落实，咸宁高质量发展必将迈出更大步伐。',
          ],
          false,
        ),
      };
    case 'jianyan':
      if (spec.kind === '消息') {
        return {
          titles: [`社会各界为建设${t}建言献策`, `金点子汇聚发展合力——社会各界为“六大”活动建言献策`],
          summary: `社会各界积极响应“六大”活动，为建设${t}建言献策。`,
          body: compose(
            rng,
            c,
            `${lead}记者从市“六大”活动领导小组办公室了解到，活动开展以来，社会各界积极响应支持，围绕建设${t}踊跃建言献策。`,
            [
              () => '建议涉及产业发展、营商环境、生态保护、民生改善等方面，相关部门逐条梳理、分类办理。',
              () => '不少建议已被吸纳进相关工作方案，转化为推动发展的具体举措。',
            ],
          ),
        };
      }
      return {
        titles: [`为建设${t}献一策：在${c.focus}上多下功夫`, `我为${t}建设提个建议`],
        summary: `建言献策：就${c.focus}为建设${t}提出建议。`,
        body: compose(
          rng,
          c,
          `作为一名普通市民，我十分关注“六大”活动。建设${t}，我建议在${c.focus}上多下功夫。`,
          [
            () => '一是多听群众意见，把群众的“急难愁盼”列入工作清单。',
            () => '二是对标先进地区，把好经验好做法学过来、用起来。',
            () => '三是建立长效机制，让活动成果经得起时间检验。',
          ],
          false,
        ),
      };
    case 'zongshu':
      return {
        titles: [
          `凝心聚力建设${spec.theme ? t : '“三个定位”'}——${c.place}开展“六大”活动综述`,
          `“六大”活动收获满满的实惠——${c.place}开展“六大”活动综述`,
          `从大调研到大落实——${c.place}“六大”活动综述`,
          `初心映咸宁 实干促发展——${c.place}“六大”活动综述`,
        ],
        summary: `综述：${c.place}开展“六大”活动的特色、亮点和实效。`,
        body: compose(
          rng,
          c,
          `“六大”活动开展以来，${c.place}围绕建设${t}，学习、调研、讨论、统一、转变、落实环环相扣，活动呈现出鲜明的特色和亮点。`,
          [...middles, () => '人民群众对“六大”活动的切身感受，是检验活动成效的最好标尺。'],
        ),
      };
    case 'diaoyan': {
      return {
        titles: [
          `关于${c.place}${c.focus}的调研与思考`,
          `${c.focus}的现状、问题与对策——基于${c.place}的调研`,
          `推进${c.focus} 助力建设${t}的调研报告`,
        ],
        subtitle: '优秀调研文章',
        summary: `调研文章：分析${c.place}${c.focus}的现状和问题，提出对策建议。`,
        body: compose(
          rng,
          c,
          `按照“六大”活动安排，调研组深入${c.place}${c.scene}，围绕${c.focus}开展专题调研，形成本报告。`,
          [
            () => `一、基本情况。近年来，${c.place}在${c.focus}方面做了大量工作，取得了一定成效。`,
            () => '二、存在问题。调研发现，部分工作仍存在统筹不够、推进不实、机制不全等问题。',
            () => `三、对策建议。建议${c.action}，把任务工程化、项目化、清单化，建立常态化督办机制。`,
          ],
          false,
        ),
      };
    }
    case 'general':
    default: {
      const titles =
        spec.kind === '视频'
          ? [`短视频｜${c.scene}里的“六大”新变化`, `短视频｜${c.place}：${c.focus}跑出加速度`, `短视频｜跟着镜头“走遍咸宁”`]
          : spec.kind === 'H5'
            ? [`H5｜一起来“走遍咸宁”`, `H5｜“六大”活动知识问答`, `H5｜我为${t}点赞`]
            : spec.kind === '直播'
              ? [`直播｜走进${c.place}${c.scene}看${t}建设`, `直播｜“走遍咸宁”${c.place}站`]
              : spec.kind === '音频'
                ? [`听新闻｜${c.place}${c.action}`, `听新闻｜“六大”活动一线传来好声音`]
                : spec.kind === '通讯'
                  ? [
                      `${c.scene}的“六大”答卷——${c.place}${c.focus}见闻`,
                      `把问题终结在一线——${c.place}干部“走遍咸宁”纪实`,
                      `深实严细久 ${c.place}${c.action}`,
                      `“大转变”带来新气象——${c.place}${c.focus}一线见闻`,
                    ]
                  : [
                      `${c.place}${c.action}推动${c.focus}提质增效`,
                      `${c.place}：“六大”活动激发${c.focus}新活力`,
                      `${c.place}把${c.focus}工作工程化项目化清单化`,
                      `${c.place}党员干部“走遍咸宁”问需于民`,
                      `${c.place}以“大调研”破解${c.focus}难题`,
                      `${c.place}推动“六大”活动走深走实`,
                    ];
      const media: Partial<Record<StoryKind, string>> = {
        视频: `本条短视频走进${c.place}${c.scene}，记录“六大”活动开展以来${c.focus}的新变化。`,
        H5: `本H5产品围绕建设${t}，邀请网友参与互动，了解“六大”活动，分享身边的新变化。`,
        直播: `${c.outletName}推出移动直播，记者走进${c.place}${c.scene}，带网友实地感受${t}建设的新进展。`,
        音频: `听新闻：${c.place}${c.action}，推动“六大”活动在${c.focus}上见到实效。`,
      };
      const mediaLead = media[spec.kind];
      if (mediaLead) {
        return {
          titles,
          summary: mediaLead.replace(/^听新闻：/, ''),
          body: compose(rng, c, mediaLead, middles.slice(0, 3), false).slice(0, 3),
        };
      }
      const summaries = [
        `${c.place}深入开展“六大”活动，${c.action}，推动${c.focus}取得新进展。`,
        `${c.place}把“六大”活动成果转化为${c.focus}的实际成效。`,
        `${c.place}以“大调研”找准${c.focus}中的问题，以“大落实”推动问题解决。`,
      ];
      const summary = pick(rng, summaries);
      const leads = [
        `${lead}连日来，${c.place}深入开展“六大”活动，${c.action}，推动${c.focus}取得新进展。`,
        `${lead}记者从${c.place}获悉，当地把“六大”活动与${c.focus}结合起来，${c.action}，活动成效逐步显现。`,
        `${lead}${c.place}聚焦${c.focus}中的堵点难点，坚持${c.action}，以“大调研”找准问题、以“大落实”推动解决。`,
      ];
      return { titles, summary, body: compose(rng, c, pick(rng, leads), middles) };
    }
  }
}

// ---------------------------------------------------------------------------------------
// Assembling stories.

const PRIMARY_ACTIVITY: Record<Topic, ActivitySlug> = {
  xuexi: 'da-xuexi',
  lingdao: 'da-luoshi',
  yantaohui: 'da-taolun',
  'yantao-fayan': 'da-taolun',
  quanhui: 'da-tongyi',
  xuanjiang: 'da-tongyi',
  jiedu: 'da-tongyi',
  jieli: 'da-zhuanbian',
  general: 'da-luoshi',
  pinglun: 'da-tongyi',
  jianyan: 'da-taolun',
  zongshu: 'da-luoshi',
  diaoyan: 'da-diaoyan',
};

function activitiesFor(rng: Rng, topic: Topic): ActivitySlug[] {
  const primary = PRIMARY_ACTIVITY[topic];
  const others = ACTIVITIES.map((activity) => activity.slug as ActivitySlug).filter((slug) => slug !== primary);
  const chosen = new Set<ActivitySlug>([primary, ...pickSome(rng, others, int(rng, 0, 2))]);
  return ACTIVITIES.map((activity) => activity.slug as ActivitySlug).filter((slug) => chosen.has(slug));
}

function bylinesFor(rng: Rng, spec: Spec): string[] {
  switch (spec.kind) {
    case '评论':
      return spec.topic === 'jianyan' ? [`市民 ${pick(rng, REPORTERS)}`] : [`特约评论员 ${pick(rng, REPORTERS)}`];
    case '调研文章':
    case '研讨发言':
      return [`${pick(rng, REPORTERS)}（${pick(rng, AUTHOR_UNITS)}）`];
    case '视频':
    case '直播': {
      const [a, b] = pickSome(rng, REPORTERS, 2);
      return [`记者 ${a ?? '张三'}`, `摄像 ${b ?? '李四'}`];
    }
    default: {
      const reporters = pickSome(rng, REPORTERS, int(rng, 1, 2)).map((name) => `记者 ${name}`);
      return rng() < 0.4 ? [...reporters, `通讯员 ${pick(rng, CORRESPONDENTS)}`] : reporters;
    }
  }
}

function mediaUrlFor(kind: StoryKind, slug: string): string | undefined {
  switch (kind) {
    case '视频':
    case '动新闻':
      return `${MEDIA_BASE}/video/${slug}.mp4`;
    case '音频':
      return `${MEDIA_BASE}/audio/${slug}.mp3`;
    case 'H5':
      return `${MEDIA_BASE}/h5/${slug}/`;
    case '直播':
      return `${MEDIA_BASE}/live/${slug}`;
    default:
      return undefined;
  }
}

function pageFor(rng: Rng, kind: StoryKind): string {
  if (kind === '消息') return `第${int(rng, 1, 3)}版`;
  if (kind === '评论') return pick(rng, ['第2版', '第4版']);
  return `第${int(rng, 3, 8)}版`;
}

const OUTLET_NAMES: Record<MunicipalOutlet, string> = {
  'xianning-ribao': '咸宁日报',
  'xianning-guangbo-dianshitai': '咸宁广播电视台',
  'xiangcheng-dushibao': '香城都市报',
  'xianning-wang': '咸宁网',
};

function buildStories(rng: Rng): SampleStory[] {
  const specs = buildSpecs(rng)
    .map((spec, index) => ({ spec, index }))
    .sort(
      (a, b) =>
        instant(a.spec.date, a.spec.hour, a.spec.minute).localeCompare(instant(b.spec.date, b.spec.hour, b.spec.minute)) ||
        a.index - b.index,
    )
    .map(({ spec }) => spec);

  const usedTitles = new Set<string>();
  return specs.map((spec, index) => {
    const slug = `sample-story-${pad(index + 1, 3)}`;
    const primaryPlace = at(spec.places, 0);
    const words = THEME_WORDS[spec.theme ?? 'none'];
    const c: Ctx = {
      place: placeName(primaryPlace),
      placeSlug: primaryPlace,
      themeName: themeName(spec.theme),
      focus: pick(rng, words.focus),
      action: pick(rng, words.action),
      scene: pick(rng, words.scene),
      landmark: spec.theme === 'gongyuan-chengshi' ? LANDMARKS[primaryPlace] : undefined,
      // A report on an event is dated by the event (“本报讯 6月3日，…” in the next morning's paper).
      dateCn: chineseDate(spec.event?.date ?? spec.date),
      lead: OUTLET_INFO[spec.outlet].lead,
      outletName: OUTLET_NAMES[spec.outlet],
    };
    const written = write(rng, spec, c);

    // A title not used before: the candidates from a random start, else a numbered variant.
    const candidates = written.titles;
    const start = int(rng, 0, candidates.length - 1);
    let title = '';
    for (let i = 0; i < candidates.length && !title; i += 1) {
      const candidate = `【示例】${at(candidates, start + i)}`;
      if (!usedTitles.has(candidate)) title = candidate;
    }
    for (let n = 2; !title; n += 1) {
      const candidate = `【示例】${at(candidates, start)}（之${n}）`;
      if (!usedTitles.has(candidate)) title = candidate;
    }
    usedTitles.add(title);

    const outletColumn = OUTLET_INFO[spec.outlet].column;
    const columns = [...spec.columns, outletColumn].filter((column, i, all) => all.indexOf(column) === i);
    const clauses = (spec.clauses ?? []).map((order) => `${OPINION}#${order}`);

    const story: SampleStory = {
      slug,
      title,
      ...(written.subtitle ? { subtitle: written.subtitle } : {}),
      date: instant(spec.date, spec.hour, spec.minute),
      summary: written.summary,
      body: written.body,
      kind: spec.kind,
      outlet: spec.outlet,
      bylines: bylinesFor(rng, spec),
      columns,
      activities: activitiesFor(rng, spec.topic),
      places: spec.places,
      sample: true,
    };
    const mediaUrl = mediaUrlFor(spec.kind, slug);
    if (mediaUrl) story.mediaUrl = mediaUrl;
    if (spec.theme) story.theme = spec.theme;
    if (spec.figure) story.figures = [FIGURE];
    if (clauses.length > 0) story.clauses = clauses;
    if (spec.event) story.event = spec.event.slug;
    if (FEATURED_TOPICS.has(spec.topic) && spec.kind === '消息') story.featured = true;
    if (OUTLET_INFO[spec.outlet].paper && TEXT_KINDS.includes(spec.kind) && rng() < 0.75) {
      story.print = { outlet: spec.outlet, date: spec.date, page: pageFor(rng, spec.kind) };
    }
    return story;
  });
}

// ---------------------------------------------------------------------------------------
// Good deeds (四.2) and placements in central and provincial media (一).

const GOOD_DEEDS: ReadonlyArray<Omit<SampleGoodDeed, 'figure' | 'sample'>> = [
  {
    title: '【示例】社区党员上门为独居老人理发',
    doer: '咸安区某社区党支部',
    date: '2020-06-06',
    place: 'xianan',
    description: '社区党员志愿者响应“接力唐光友，为民做好事”号召，逐户走访辖区独居老人，上门为行动不便的老人理发、打扫卫生。',
  },
  {
    title: '【示例】驻村工作队帮助农户销售农产品',
    doer: '崇阳县某驻村工作队',
    date: '2020-06-18',
    place: 'chongyang',
    description: '驻村工作队深入田间地头，了解农户销售难题，联系商超和单位食堂，帮助农户把农产品卖出去。',
  },
  {
    title: '【示例】机关党员清理背街小巷卫生死角',
    doer: '市直某机关党支部',
    date: '2020-06-28',
    place: 'xianning',
    description: '机关党员利用周末走上街头巷尾，清理背街小巷的卫生死角，并向居民宣传“六大”活动。',
  },
  {
    title: '【示例】党员志愿者为困难家庭孩子辅导暑期功课',
    doer: '志愿者小周（化名）',
    unit: '赤壁市某学校党支部',
    date: '2020-07-10',
    place: 'chibi',
    description: '暑假期间，党员教师志愿者每周两次为辖区困难家庭的孩子免费辅导功课，陪伴孩子度过充实的假期。',
  },
  {
    title: '【示例】企业党员电工义务检修老旧小区线路',
    doer: '咸宁高新区某企业党支部',
    date: '2020-07-16',
    place: 'gaoxin',
    description: '企业党员电工组成服务队，走进周边老旧小区，义务检修楼道线路，消除用电安全隐患。',
  },
  {
    title: '【示例】村党员志愿者义务巡河护河',
    doer: '嘉鱼县某村党支部',
    date: '2020-07-25',
    place: 'jiayu',
    description: '村党员志愿者组成巡河队，定期巡查河道、清理漂浮垃圾，劝导不文明行为，守护一方碧水。',
  },
  {
    title: '【示例】党员服务队帮群众办理社保医保业务',
    doer: '通城县某乡镇党员服务队',
    date: '2020-08-05',
    place: 'tongcheng',
    description: '党员服务队走到群众身边，为行动不便的老人上门办理社保、医保业务，让群众少跑腿。',
  },
  {
    title: '【示例】党员干部帮留守老人修缮漏雨房屋',
    doer: '通山县某村党支部',
    date: '2020-08-14',
    place: 'tongshan',
    description: '汛期过后，村党员干部逐户排查留守老人住房，组织人手为漏雨房屋翻修屋顶。',
  },
  {
    title: '【示例】社区志愿者为居民义务维修家电',
    reportedByPublic: true,
    doer: '志愿者老刘（化名）',
    unit: '咸安区某社区',
    date: '2020-08-22',
    place: 'xianan',
    description: '退休党员老刘在社区设立便民维修点，每周末为居民义务维修小家电，分文不取。',
  },
  {
    title: '【示例】党员上门为行动不便群众代办证照',
    doer: '赤壁市某政务服务中心党支部',
    date: '2020-09-02',
    place: 'chibi',
    description: '政务服务中心党员组成代办小组，为行动不便的群众上门采集信息、代办证照，把服务送到家门口。',
  },
  {
    title: '【示例】青年志愿者清扫公园绿道',
    reportedByPublic: true,
    doer: '市直某单位青年志愿服务队',
    date: '2020-09-12',
    place: 'xianning',
    description: '青年党员和志愿者利用周末清扫公园绿道，为建设自然生态公园城市出一份力。',
  },
  {
    title: '【示例】驻村干部帮村民接通自来水',
    doer: '嘉鱼县某驻村工作队',
    date: '2020-09-20',
    place: 'jiayu',
    description: '驻村干部多方协调，帮助村里偏远农户接通自来水管网，解决了农户的吃水难题。',
  },
];

/**
 * Which sample story each placement carries: the first story matching a test. They are
 * imported as verified (the system vouches for an import, as it approves imported stories),
 * so the site shows them in a preview; being samples, they never count as coverage.
 */
const PLACEMENTS: ReadonlyArray<{
  find: (story: SampleStory) => boolean;
  outlet: string;
  after: number;
  slot: string;
}> = [
  { find: (s) => s.event === PLENARY.slug && s.kind === '消息', outlet: 'hubei-ribao', after: 1, slot: '第3版' },
  { find: (s) => s.event === PLENARY.slug && s.kind === '消息', outlet: 'hubei-guangbo-dianshitai', after: 1, slot: '《湖北新闻》' },
  { find: (s) => s.columns?.includes(COLUMN.jieli) === true && s.kind === '通讯', outlet: 'renmin-ribao', after: 5, slot: '第11版' },
  {
    find: (s) => s.columns?.includes(COLUMN.jieli) === true && s.kind === '视频',
    outlet: 'zhongyang-guangbo-dianshi-zongtai',
    after: 2,
    slot: '央视新闻客户端',
  },
  { find: (s) => s.kind === '综述' && s.theme === 'zengzhangji', outlet: 'jingji-ribao', after: 4, slot: '第8版' },
  { find: (s) => s.kind === '调研文章' && s.theme === 'shifanqu', outlet: 'guangming-ribao', after: 6, slot: '第7版' },
  { find: (s) => s.event === 'yantaohui-gongyuan-chengshi' && s.kind === '消息', outlet: 'xinhuashe', after: 1, slot: '新华社客户端' },
  { find: (s) => s.kind === '通讯' && s.theme === 'gongyuan-chengshi' && !s.figures, outlet: 'renmin-wang', after: 2, slot: '湖北频道' },
  { find: (s) => s.columns?.includes(COLUMN.xuanjiang) === true && s.kind === '消息', outlet: 'jingchu-wang', after: 1, slot: '新闻频道' },
  { find: (s) => s.kind === '解读', outlet: 'hubei-ribao', after: 3, slot: '第6版' },
];

function buildPlacements(stories: ReadonlyArray<SampleStory>): SamplePlacement[] {
  return PLACEMENTS.map((placement) => {
    const story = stories.find(placement.find);
    if (!story) throw new Error(`sample-stories: no story for the placement in ${placement.outlet}`);
    return {
      story: story.slug,
      outlet: placement.outlet,
      state: '已核实',
      date: addDays(story.date.slice(0, 10), placement.after),
      slot: placement.slot,
      note: '示例上稿记录',
      sample: true,
    };
  });
}

/** Adopted suggestions with the newsroom's replies, one or more per topic. */
const SUGGESTIONS: ReadonlyArray<Omit<SampleSuggestion, 'sample'>> = [
  {
    topic: '特色产业增长极',
    text: '【示例】建议在咸宁高新区设立企业服务“一站式”窗口，把项目审批、用工招聘、融资对接集中办理，让企业少跑腿。',
    name: '高新区企业职工',
    reply: '【示例】感谢您的建议。市营商环境办已将“一站式”服务纳入优化营商环境工作方案，正在高新区政务服务中心试点。',
    receivedOn: '2020-05-22',
    repliedOn: '2020-05-29',
  },
  {
    topic: '转型发展示范区',
    text: '【示例】建议把老旧小区改造和发展社区养老结合起来，利用闲置用房开办老年食堂和日间照料中心。',
    reply: '【示例】您的建议已转市住建局和市民政局研究，今年改造的老旧小区将同步规划养老服务设施。',
    receivedOn: '2020-06-15',
    repliedOn: '2020-06-24',
  },
  {
    topic: '自然生态公园城市',
    text: '【示例】建议沿淦河建设连续的滨水绿道，串起沿线公园和学校，方便市民步行和骑行。',
    name: '咸安区居民',
    reply: '【示例】感谢建议。淦河绿道已列入自然生态公园城市建设项目，部分路段年内开工。',
    receivedOn: '2020-08-06',
    repliedOn: '2020-08-14',
  },
  {
    topic: '其他',
    text: '【示例】建议专题网站增加“六大”活动日程的订阅提醒，方便基层党员干部及时参加学习。',
    reply: '【示例】已采纳。本专题的日程页已提供日历订阅（events.ics），可导入手机日历。',
    receivedOn: '2020-06-02',
    repliedOn: '2020-06-05',
  },
];

/** The sample part of the seed: ~150 stories, 12 good deeds, 10 placements, 4 adopted suggestions. Deterministic. */
export function sampleStories(): SampleData {
  const rng = mulberry32(SEED);
  const stories = buildStories(rng);
  if (stories.length !== SAMPLE_STORY_COUNT) {
    throw new Error(`sample-stories: generated ${stories.length} stories, expected ${SAMPLE_STORY_COUNT}`);
  }
  const goodDeeds = GOOD_DEEDS.map((deed) => ({ ...deed, figure: FIGURE, sample: true }));
  const suggestions = SUGGESTIONS.map((suggestion) => ({ ...suggestion, sample: true }));
  return { stories, goodDeeds, placements: buildPlacements(stories), suggestions };
}

/**
 * The campaign's taxonomy, once. Everything here comes from the publicity plan
 * (咸六大办〔2020〕6号, 2020-05-14); the CMS seeds its records from these lists and the
 * contract's enums are built from them, so a value exists in exactly one place.
 */

export const CAMPAIGN = {
  name: '推进咸宁高质量发展“大学习、大调研、大讨论、大统一、大转变、大落实”活动',
  shortName: '“六大”活动',
  /** What the site calls itself: its pages' and feeds' name, and the source line of what it hands off. */
  siteName: '“六大”活动专题',
  issuer: '咸宁市推进高质量发展“六大”活动领导小组办公室',
  planReference: '咸六大办〔2020〕6号',
  planIssuedOn: '2020-05-14',
  /** 活动时间主要安排在2020年4月下旬至9月 (section 二). */
  startsOn: '2020-04-21',
  endsOn: '2020-09-30',
  goal: '力争我市“六大”活动稿件在中央、省级主流媒体实现全覆盖',
} as const;

/** The six activities (“六大”), in the plan's order. */
export const ACTIVITIES = [
  { slug: 'da-xuexi', name: '大学习', order: 1 },
  { slug: 'da-diaoyan', name: '大调研', order: 2 },
  { slug: 'da-taolun', name: '大讨论', order: 3 },
  { slug: 'da-tongyi', name: '大统一', order: 4 },
  { slug: 'da-zhuanbian', name: '大转变', order: 5 },
  { slug: 'da-luoshi', name: '大落实', order: 6 },
] as const;

/**
 * The three development positions, each the theme of one phase (section 二).
 * Windows are inclusive calendar dates in Asia/Shanghai; “4月下旬” starts on the 21st.
 */
export const THEMES = [
  {
    slug: 'zengzhangji',
    name: '特色产业增长极',
    phase: 1,
    startsOn: '2020-04-21',
    endsOn: '2020-05-31',
    windowLabel: '2020年4月下旬至5月',
  },
  {
    slug: 'shifanqu',
    name: '转型发展示范区',
    phase: 2,
    startsOn: '2020-06-01',
    endsOn: '2020-07-31',
    windowLabel: '2020年6月至7月',
  },
  {
    slug: 'gongyuan-chengshi',
    name: '自然生态公园城市',
    phase: 3,
    startsOn: '2020-08-01',
    endsOn: '2020-09-30',
    windowLabel: '2020年8月至9月',
  },
] as const;

/** 咸宁市 and its seven county-level units. */
export const PLACES = [
  { slug: 'xianning', name: '咸宁市', order: 0 },
  { slug: 'xianan', name: '咸安区', order: 1 },
  { slug: 'chibi', name: '赤壁市', order: 2 },
  { slug: 'jiayu', name: '嘉鱼县', order: 3 },
  { slug: 'tongcheng', name: '通城县', order: 4 },
  { slug: 'chongyang', name: '崇阳县', order: 5 },
  { slug: 'tongshan', name: '通山县', order: 6 },
  { slug: 'gaoxin', name: '咸宁高新区', order: 7 },
] as const;

/**
 * Closed vocabularies. Each entry has an ASCII `key` (stored, and used in the contract and
 * URLs) and the Chinese `name` readers and editors see; the admin shows names in place of
 * keys (see `vocabularyLabels`).
 */

/** 央媒、省媒、市媒 and county media (section 六.3). */
export const OUTLET_LEVELS = [
  { key: 'central', name: '中央' },
  { key: 'provincial', name: '省级' },
  { key: 'municipal', name: '市级' },
  { key: 'county', name: '县级' },
] as const;

export const OUTLET_MEDIA = [
  { key: 'newspaper', name: '报纸' },
  { key: 'agency', name: '通讯社' },
  { key: 'tv', name: '电视' },
  { key: 'radio', name: '广播' },
  { key: 'web', name: '网站' },
  { key: 'app', name: '客户端' },
  { key: 'wechat', name: '微信公众号' },
] as const;

/**
 * Story kinds and what each needs before it may be published. The plan asks for
 * commentary and round-ups (四.5), research articles and seminar speeches (四.3),
 * interpretation of the 《意见》 (四.4) and fusion products (四.6).
 */
export const STORY_KINDS = [
  { key: 'news', name: '消息', requires: [] },
  { key: 'feature', name: '通讯', requires: [] },
  { key: 'commentary', name: '评论', requires: [] },
  { key: 'roundup', name: '综述', requires: [] },
  { key: 'research', name: '调研文章', requires: [] },
  { key: 'speech', name: '研讨发言', requires: [] },
  { key: 'interpretation', name: '解读', requires: ['clauseIds'] },
  { key: 'video', name: '视频', requires: ['mediaUrl'] },
  /** 动新闻 (四.6): short motion news, a short video with its text. */
  { key: 'motion', name: '动新闻', requires: ['mediaUrl'] },
  { key: 'h5', name: 'H5', requires: ['mediaUrl'] },
  { key: 'live', name: '直播', requires: ['mediaUrl'] },
  { key: 'audio', name: '音频', requires: ['mediaUrl'] },
] as const satisfies ReadonlyArray<{ key: string; name: string; requires: ReadonlyArray<'mediaUrl' | 'clauseIds'> }>;

export const EVENT_KINDS = [
  { key: 'study', name: '专题学习' },
  { key: 'seminar', name: '研讨会' },
  { key: 'plenary', name: '全会' },
  { key: 'lecture', name: '宣讲' },
  { key: 'leading_group', name: '领导小组会议' },
  { key: 'other', name: '其他' },
] as const;

/** “双宣讲” (四.7): two lecture groups and the four places they go to. */
export const LECTURE_GROUPS = [
  { key: 'theory', name: '理论宣讲团' },
  { key: 'citizens', name: '百姓宣讲团' },
] as const;

export const LECTURE_AUDIENCES = [
  { key: 'agencies', name: '机关' },
  { key: 'enterprises', name: '企业' },
  { key: 'communities', name: '社区' },
  { key: 'villages', name: '农村' },
] as const;

/**
 * 宣讲点单: where a unit's booking of a lecture stands. The 宣传组 accepts (a date, a group,
 * speakers: a public event) or declines with a reason; an accepted lecture, once given, is held.
 */
export const LECTURE_BOOKING_STATES = [
  { key: 'requested', name: '待受理' },
  { key: 'accepted', name: '已受理' },
  { key: 'declined', name: '已婉拒' },
  { key: 'held', name: '已宣讲' },
] as const;

/**
 * What a reader's suggestion (建言献策) is about: one of the three development positions
 * (each the theme of the same slug) or 其他. Keys are their own: vocabulary keys share the
 * admin's one namespace of labels and must be Strapi enumeration values.
 */
export const SUGGESTION_TOPICS = [
  { key: 'zengzhangji', name: THEMES[0].name, theme: THEMES[0].slug },
  { key: 'shifanqu', name: THEMES[1].name, theme: THEMES[1].slug },
  { key: 'gongyuan_chengshi', name: THEMES[2].name, theme: THEMES[2].slug },
  { key: 'qita', name: '其他', theme: null },
] as const;

/**
 * The newsroom's workflow as the CMS stores and shows it (the moves between them are the
 * plugin's, in its common/): 三审's stages, a placement's states and who entered it, a planned
 * topic's progress.
 */
export const REVIEW_STAGES = [
  { key: 'draft', name: '草稿' },
  { key: 'submitted', name: '已送审' },
  { key: 'first_passed', name: '初审通过' },
  { key: 'second_passed', name: '复审通过' },
  { key: 'approved', name: '终审通过' },
  { key: 'returned', name: '退回修改' },
] as const;

export const PLACEMENT_STATES = [
  { key: 'pitched', name: '已推送' },
  { key: 'carried', name: '已刊播' },
  { key: 'verified', name: '已核实' },
  { key: 'rejected', name: '未采用' },
] as const;

export const PLACEMENT_SOURCES = [
  { key: 'newsroom', name: '本单位录入' },
  { key: 'partner', name: '合作媒体回报' },
] as const;

export const TOPIC_STATUSES = [
  { key: 'planning', name: '策划中' },
  { key: 'reporting', name: '采写中' },
  { key: 'filed', name: '已成稿' },
  { key: 'published', name: '已发布' },
  { key: 'cancelled', name: '已取消' },
] as const;

/** 图文直播: a live's state (预告 → 直播中 → 已结束). */
export const LIVE_STATES = [
  { key: 'upcoming', name: '预告' },
  { key: 'on_air', name: '直播中' },
  { key: 'ended', name: '已结束' },
] as const;

/** What a live's entry holds: text, a photo, a short video, or a quote with its speaker. */
export const LIVE_ENTRY_KINDS = [
  { key: 'entry_text', name: '文字' },
  { key: 'entry_photo', name: '图片' },
  { key: 'entry_video', name: '短视频' },
  { key: 'entry_quote', name: '引语' },
] as const;

/** An entry is public only once a 值班编辑 approved it. */
export const LIVE_ENTRY_STATES = [
  { key: 'awaiting', name: '待审核' },
  { key: 'cleared', name: '已审核' },
] as const;

/** A reader's question to a live (网友提问): waiting for a 值班编辑, answered as an entry, or not taken. */
export const LIVE_QUESTION_STATES = [
  { key: 'asked', name: '待处理' },
  { key: 'answered', name: '已采纳回答' },
  { key: 'not_taken', name: '不采纳' },
] as const;

/** A 知识竞答 question has one right option (单选) or several (多选). */
export const QUESTION_KINDS = [
  { key: 'single', name: '单选题' },
  { key: 'multiple', name: '多选题' },
] as const;

type Vocabulary = ReadonlyArray<{ readonly key: string; readonly name: string }>;
type KeyOf<V extends Vocabulary> = V[number]['key'];

/** The keys of a vocabulary, as a non-empty tuple for enums (zod, Strapi). */
export function keysOf<V extends Vocabulary>(vocabulary: V): [KeyOf<V>, ...KeyOf<V>[]] {
  return vocabulary.map((entry) => entry.key) as [KeyOf<V>, ...KeyOf<V>[]];
}

/** The Chinese name of a key; the key itself if the vocabulary lacks it. */
export function nameOf<V extends Vocabulary>(vocabulary: V, key: string): string {
  return vocabulary.find((entry) => entry.key === key)?.name ?? key;
}

/** Every closed vocabulary: their keys share one namespace, the admin's labels. */
export const VOCABULARIES: readonly Vocabulary[] = [
  OUTLET_LEVELS,
  OUTLET_MEDIA,
  STORY_KINDS,
  EVENT_KINDS,
  LECTURE_GROUPS,
  LECTURE_AUDIENCES,
  SUGGESTION_TOPICS,
  REVIEW_STAGES,
  PLACEMENT_STATES,
  PLACEMENT_SOURCES,
  TOPIC_STATUSES,
  LIVE_STATES,
  LIVE_ENTRY_KINDS,
  LIVE_ENTRY_STATES,
  LIVE_QUESTION_STATES,
  QUESTION_KINDS,
  LECTURE_BOOKING_STATES,
];

/** Every vocabulary key with its Chinese name: the admin's labels for enumeration options. */
export function vocabularyLabels(): Record<string, string> {
  return Object.fromEntries(VOCABULARIES.flatMap((vocabulary) => vocabulary.map((entry) => [entry.key, entry.name])));
}

export type ActivitySlug = (typeof ACTIVITIES)[number]['slug'];
export type ThemeSlug = (typeof THEMES)[number]['slug'];
export type PlaceSlug = (typeof PLACES)[number]['slug'];
export type OutletLevel = KeyOf<typeof OUTLET_LEVELS>;
export type OutletMedium = KeyOf<typeof OUTLET_MEDIA>;
export type StoryKind = KeyOf<typeof STORY_KINDS>;
export type EventKind = KeyOf<typeof EVENT_KINDS>;
export type LectureGroup = KeyOf<typeof LECTURE_GROUPS>;
export type LectureAudience = KeyOf<typeof LECTURE_AUDIENCES>;
export type LectureBookingState = KeyOf<typeof LECTURE_BOOKING_STATES>;
export type SuggestionTopic = KeyOf<typeof SUGGESTION_TOPICS>;
export type ReviewStage = KeyOf<typeof REVIEW_STAGES>;
export type PlacementState = KeyOf<typeof PLACEMENT_STATES>;
export type PlacementSource = KeyOf<typeof PLACEMENT_SOURCES>;
export type TopicStatus = KeyOf<typeof TOPIC_STATUSES>;
export type LiveState = KeyOf<typeof LIVE_STATES>;
export type LiveEntryKind = KeyOf<typeof LIVE_ENTRY_KINDS>;
export type LiveEntryState = KeyOf<typeof LIVE_ENTRY_STATES>;
export type LiveQuestionState = KeyOf<typeof LIVE_QUESTION_STATES>;
export type QuestionKind = KeyOf<typeof QUESTION_KINDS>;

/** The fields a story of this kind must have filled before it is published. */
export function requirementsOf(kind: StoryKind): ReadonlyArray<'mediaUrl' | 'clauseIds'> {
  return STORY_KINDS.find((entry) => entry.key === kind)?.requires ?? [];
}

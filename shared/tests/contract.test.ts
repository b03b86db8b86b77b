import { describe, expect, it } from 'vitest';
import {
  ACTIVITIES,
  CAMPAIGN,
  RECORD_SCHEMAS,
  RECORD_TYPES,
  THEMES,
  VOCABULARIES,
  describeIssues,
  recordSchema,
  snapshotPageSchema,
  storySchema,
  vocabularyLabels,
  type CampaignRecord,
  type Story,
} from '../src';

const at = '2020-05-20T07:00:00.000Z';
const image = {
  url: 'https://cms.example.cn/uploads/cover.jpg',
  width: 1200,
  height: 800,
  mime: 'image/jpeg',
  alt: '咸宁市民参加活动',
  caption: '调研现场',
  credit: '记者 李明 摄',
};

const story: Story = {
  type: 'story',
  documentId: 'story1',
  updatedAt: at,
  publishedAt: at,
  title: '市委常委带头深入基层开展大调研',
  subtitle: null,
  slug: 'shi-wei-chang-wei-da-diao-yan',
  date: at,
  summary: '走遍咸宁，做问题的终结者。',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: '全市各级领导干部深入一线。' }] }],
  kind: 'news',
  cover: image,
  mediaUrl: null,
  media: null,
  embedUrl: null,
  outletId: 'outlet1',
  printEdition: { outletId: 'outlet1', date: '2020-05-21', page: '第1版' },
  bylines: ['记者 王芳'],
  columnIds: ['column1'],
  themeId: 'theme1',
  activityIds: ['activity2'],
  placeIds: ['place0'],
  figureIds: [],
  clauseIds: [],
  eventId: null,
  featured: true,
  sample: false,
};

/** One valid record of every type: the contract's whole surface. */
const examples: CampaignRecord[] = [
  story,
  {
    type: 'theme',
    documentId: 't',
    updatedAt: at,
    slug: 'zengzhangji',
    name: '特色产业增长极',
    phase: 1,
    startsOn: '2020-04-21',
    endsOn: '2020-05-31',
    description: null,
  },
  { type: 'activity', documentId: 'a', updatedAt: at, slug: 'da-xuexi', name: '大学习', order: 1, description: null },
  { type: 'place', documentId: 'p', updatedAt: at, slug: 'chibi', name: '赤壁市', order: 2 },
  {
    type: 'outlet',
    documentId: 'o',
    updatedAt: at,
    slug: 'renmin-ribao',
    name: '人民日报',
    shortName: null,
    level: 'central',
    medium: 'newspaper',
    homepage: 'http://www.people.com.cn',
    runsCampaignColumn: false,
    sample: false,
  },
  {
    type: 'column',
    documentId: 'c',
    updatedAt: at,
    publishedAt: at,
    slug: 'jieli',
    name: '接力唐光友，为民做好事',
    description: null,
    outletIds: ['o'],
    cover: null,
    order: 1,
    active: true,
  },
  {
    type: 'figure',
    documentId: 'f',
    updatedAt: at,
    publishedAt: at,
    slug: 'tang-guangyou',
    name: '唐光友',
    portrait: image,
    role: null,
    unit: null,
    placeId: null,
    summary: '一心向党',
    biography: [],
    qualities: ['不忘初心、一心向党的忠诚品格'],
    sample: true,
  },
  {
    type: 'goodDeed',
    documentId: 'g',
    updatedAt: at,
    publishedAt: at,
    title: '为独居老人修缮房屋',
    doer: '某社区党支部',
    unit: null,
    date: '2020-06-12',
    placeId: null,
    description: '党员志愿者上门。',
    photo: null,
    figureId: 'f',
    reportedByPublic: false,
    sample: true,
  },
  {
    type: 'suggestion',
    documentId: 's',
    updatedAt: at,
    publishedAt: at,
    topic: 'zengzhangji',
    text: '建议在高新区设立一站式服务窗口。',
    name: null,
    reply: '感谢建议，已转相关部门研究。',
    receivedOn: '2020-06-01',
    repliedOn: '2020-06-03',
    sample: false,
  },
  {
    type: 'opinion',
    documentId: 'op',
    updatedAt: at,
    publishedAt: at,
    slug: 'yijian',
    title: '关于……的意见',
    shortTitle: '《意见》',
    summary: null,
    adoptedOn: '2020-09-28',
    sampleDate: true,
    adoptedAtEventId: 'e',
    clauses: [{ documentId: 'cl1', label: '一、', heading: '总体要求', text: '【示例条款】', order: 1, sample: true }],
    sample: false,
  },
  {
    type: 'event',
    documentId: 'e',
    updatedAt: at,
    publishedAt: at,
    slug: 'quanhui',
    kind: 'plenary',
    title: '市委全体（扩大）会议',
    startsAt: '2020-09-28T09:00:00+08:00',
    endsAt: null,
    sampleDate: true,
    venue: null,
    placeId: null,
    themeId: null,
    lectureGroup: null,
    audiences: [],
    speakers: [],
    summary: null,
    sample: false,
  },
  {
    type: 'placement',
    documentId: 'pl',
    updatedAt: at,
    storyId: 'story1',
    outletId: 'o',
    date: '2020-05-22',
    url: null,
    slot: '第5版',
    sample: true,
  },
  {
    type: 'quiz',
    documentId: 'qz',
    updatedAt: at,
    publishedAt: at,
    slug: 'yijian-zhishi-jingda',
    title: '《意见》知识竞答',
    intro: null,
    opensAt: at,
    closesAt: at,
    questions: [{ documentId: 'q1', text: '示例题目', kind: 'single', options: ['甲', '乙', '丙'], clauseId: 'cl1', opinionId: 'op' }],
    sample: true,
  },
  {
    type: 'live',
    documentId: 'lv',
    updatedAt: at,
    publishedAt: at,
    slug: 'quanhui-zhibo',
    title: '市委全体（扩大）会议图文直播',
    eventId: 'e',
    state: 'on_air',
    summary: null,
    sample: false,
  },
  {
    type: 'liveEntry',
    documentId: 'le',
    updatedAt: at,
    liveId: 'lv',
    kind: 'entry_quote',
    text: '要把“六大”活动抓实抓细。',
    photo: null,
    videoUrl: null,
    speaker: '市委书记',
    pinned: false,
    correction: false,
    postedAt: at,
  },
];

describe('records', () => {
  it('cover every record type', () => {
    expect(new Set(examples.map((record) => record.type))).toEqual(new Set(RECORD_TYPES));
    expect(Object.keys(RECORD_SCHEMAS).sort()).toEqual([...RECORD_TYPES].sort());
  });

  it.each(examples.map((record) => [record.type, record] as const))('%s round-trips through JSON', (_type, record) => {
    expect(recordSchema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it('want what an entry of a live’s kind needs: a quote its speaker', () => {
    const entry = examples.find((record) => record.type === 'liveEntry')!;
    const result = recordSchema.safeParse({ ...entry, speaker: null });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['speaker'], message: '引语条目必须填写发言人（speaker）' });
  });

  it('name the record and field that fails', () => {
    const broken = { ...story, slug: 'Not A Slug', cover: { ...image, width: 0 } };
    const result = storySchema.safeParse(broken);
    expect(result.success).toBe(false);
    const message = describeIssues(broken, result.error!);
    expect(message).toContain('story story1, field slug:');
    expect(message).toContain('story story1, field cover.width:');
  });

  it('report a record of an unknown type by its type', () => {
    const result = recordSchema.safeParse({ type: 'poll', documentId: 'x' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['type']);
  });

  it('check a record against its own type only', () => {
    const result = recordSchema.safeParse({ ...examples[3], name: '' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual(['name']);
  });

  it.each([
    ['video', 'mediaUrl'],
    ['h5', 'mediaUrl'],
    ['live', 'mediaUrl'],
    ['audio', 'mediaUrl'],
    ['interpretation', 'clauseIds'],
  ] as const)('require what a %s story needs (%s)', (kind, field) => {
    const result = storySchema.safeParse({ ...story, kind });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([field]);
  });

  it('accept only http(s) media links and image URLs', () => {
    expect(storySchema.safeParse({ ...story, kind: 'video', mediaUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(storySchema.safeParse({ ...story, cover: { ...image, url: 'data:image/png;base64,AAAA' } }).success).toBe(false);
    expect(storySchema.safeParse({ ...story, kind: 'video', mediaUrl: 'https://media.example.cn/a.mp4' }).success).toBe(true);
  });

  it('take a story’s own audio or video of its kind’s medium, WebVTT captions, and frame only https players', () => {
    const media = { url: 'https://cms.example.cn/uploads/v.mp4', mime: 'video/mp4', bytes: 2048, seconds: 95, captionsUrl: null };
    // 动新闻 needs its video, as a file or a link.
    expect(storySchema.safeParse({ ...story, kind: 'motion' }).error?.issues[0]?.message).toBe(
      '动新闻类稿件必须填写媒体链接（mediaUrl）或上传音视频文件（mediaFile）',
    );
    expect(storySchema.safeParse({ ...story, kind: 'motion', media }).success).toBe(true);
    expect(storySchema.safeParse({ ...story, kind: 'audio', media }).error?.issues[0]).toMatchObject({
      path: ['media'],
      message: '音频类稿件的音视频文件应为音频',
    });
    const captions = { ...media, captionsUrl: 'https://cms.example.cn/uploads/zimu.srt' };
    expect(storySchema.safeParse({ ...story, media: captions }).error?.issues[0]?.message).toBe('字幕文件应为 WebVTT（.vtt）');
    expect(storySchema.safeParse({ ...story, media: { ...media, mime: 'text/html' } }).success).toBe(false);
    expect(storySchema.safeParse({ ...story, embedUrl: 'http://player.bilibili.com/x' }).success).toBe(false);
    // Records from before media existed still parse: no file, nothing framed.
    const { media: _media, embedUrl: _embed, ...older } = story;
    expect(storySchema.parse(older)).toMatchObject({ media: null, embedUrl: null });
  });

  it('take pages with records and tombstones', () => {
    const page = { records: examples, tombstones: [{ type: 'story', documentId: 'gone' }], cursor: 'abc', hasMore: false };
    expect(snapshotPageSchema.parse(JSON.parse(JSON.stringify(page)))).toEqual(page);
    expect(snapshotPageSchema.safeParse({ ...page, tombstones: [{ type: 'poll', documentId: 'x' }] }).success).toBe(false);
  });
});

describe('taxonomy', () => {
  it('tiles the campaign with the three phase windows, in order', () => {
    expect(THEMES.map((theme) => theme.phase)).toEqual([1, 2, 3]);
    expect(THEMES[0].startsOn).toBe(CAMPAIGN.startsOn);
    expect(THEMES[2].endsOn).toBe(CAMPAIGN.endsOn);
    for (let index = 1; index < THEMES.length; index += 1) {
      const previousEnd = new Date(`${THEMES[index - 1]!.endsOn}T00:00:00Z`);
      previousEnd.setUTCDate(previousEnd.getUTCDate() + 1);
      expect(previousEnd.toISOString().slice(0, 10)).toBe(THEMES[index]!.startsOn);
    }
  });

  it('has the six activities in the plan’s order', () => {
    expect(ACTIVITIES.map((activity) => activity.name).join('')).toBe('大学习大调研大讨论大统一大转变大落实');
  });

  it('gives every vocabulary key one Chinese name, across vocabularies (the admin labels share one namespace)', () => {
    const keys = VOCABULARIES.flatMap((vocabulary) => vocabulary.map((entry) => entry.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(vocabularyLabels())).toHaveLength(keys.length);
    // Strapi accepts enumeration values that are GraphQL names once slugified.
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});

/**
 * Test data: the committed snapshot of the seeded campaign (no images), with a few images
 * added (served by a local HTTP server started here) and one story full of hostile text.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { readFixture, type SnapshotPage } from '@campaign-desk/testing/fixture';

export { readFixture };

export const HOSTILE_STORY_ID = 'hostile0story0id000000001';
/** A suggestion and a reader's good deed, adopted, full of what a hostile reader would send. */
export const HOSTILE_SUGGESTION_ID = 'hostile0suggestion0id0001';
export const HOSTILE_DEED_ID = 'hostile0deed0id0000000001';
export const HOSTILE_TEXT = '<script>alert("s")</script><img src=x onerror=alert(2)> javascript:alert(3) \u202e倒序\u202c ]]> 😀';

/** The plenary's 图文直播 (on air) and its entries: a pinned one, a quote, a photo, a correction, a hostile one. */
export const LIVE_SLUG = 'quanhui-zhibo';
export const HOSTILE_ENTRY_ID = 'hostile0live0entry0000001';

export const HOSTILE_TITLE = '【示例】<script>alert("x")</script> 恶意标题 ]]> & 😀 \u0001\u0008 ' + '很长的标题'.repeat(30);

/** PNG/JPEG images made on the fly, so no binary files are committed. */
export async function makeImages(): Promise<Map<string, { body: Buffer; type: string }>> {
  const jpeg = (width: number, height: number, color: string) =>
    sharp({ create: { width, height, channels: 3, background: color } })
      .composite([
        {
          input: Buffer.from(
            `<svg width="${width}" height="${height}"><rect x="${width / 4}" y="${height / 4}" width="${width / 2}" height="${height / 2}" fill="#ffffff" opacity="0.5"/></svg>`,
          ),
        },
      ])
      .jpeg({ quality: 80 })
      .toBuffer();
  const png = (width: number, height: number, color: string) =>
    sharp({ create: { width, height, channels: 4, background: color } })
      .png()
      .toBuffer();
  return new Map([
    ['/uploads/cover-a.jpg', { body: await jpeg(1600, 900, '#a4161a'), type: 'image/jpeg' }],
    ['/uploads/cover-b.jpg', { body: await jpeg(1200, 800, '#2a5d8f'), type: 'image/jpeg' }],
    ['/uploads/portrait.png', { body: await png(600, 800, '#8a5a00'), type: 'image/png' }],
    ['/uploads/deed.jpg', { body: await jpeg(800, 600, '#1e6b2e'), type: 'image/jpeg' }],
    ['/uploads/column.jpg', { body: await jpeg(1000, 500, '#555555'), type: 'image/jpeg' }],
    ['/uploads/zoubian.vtt', { body: Buffer.from(CAPTIONS), type: 'text/vtt' }],
    ['/uploads/not-captions.vtt', { body: Buffer.from('<html>not captions</html>'), type: 'text/vtt' }],
  ]);
}

export const CAPTIONS = 'WEBVTT\n\n00:00.000 --> 00:04.000\n走遍咸宁，做问题的终结者。\n';

/** Stories of the fixture with media of their own: a video with captions, an audio, a framed player. */
export const MEDIA_STORIES = {
  video: 'sample-story-004',
  audio: 'sample-story-033',
  framed: 'sample-story-017',
  /** H5 works: one only linked, one whose platform is on the allow-list (framed). */
  h5: 'sample-story-001',
  h5Framed: 'sample-story-008',
};
export const FRAMED_URL = 'https://player.bilibili.com/player.html?bvid=BV1xx411c7mD';

export type ImageServer = { url: string; hits: Map<string, number>; close: () => Promise<void> };

export async function serveImages(images: Map<string, { body: Buffer; type: string }>): Promise<ImageServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(pathname, (hits.get(pathname) ?? 0) + 1);
    const image = images.get(pathname);
    if (!image) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('content-type', image.type);
    res.end(image.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const image = (
  base: string,
  file: string,
  width: number,
  height: number,
  mime: string,
  alt: string,
  caption: string | null,
  credit: string | null,
) => ({
  url: `${base}/uploads/${file}`,
  width,
  height,
  mime,
  alt,
  caption,
  credit,
});

/**
 * The fixture with images on a few records and a hostile story; `imageBase` is the image server.
 * `link` writes a site path as a person would type it for the site's address (`/zt/liuda/…` for a
 * site under that path).
 */
export function augmentedFixture(imageBase: string, link: (sitePath: string) => string = (sitePath) => sitePath): SnapshotPage {
  const page = readFixture();
  const stories = page.records.filter((record) => record.type === 'story');
  const bySlug = (slug: string) => stories.find((story) => story.slug === slug)!;
  bySlug('sample-story-001').cover = image(
    imageBase,
    'cover-a.jpg',
    1600,
    900,
    'image/jpeg',
    '咸宁高新区重点项目建设现场',
    '咸宁高新区重点项目建设现场。',
    '记者 张三 摄',
  );
  bySlug('sample-story-002').cover = image(
    imageBase,
    'cover-b.jpg',
    1200,
    800,
    'image/jpeg',
    '专题学习会会场',
    '专题学习会会场。',
    '咸宁日报 供图',
  );
  bySlug('sample-story-003').cover = image(imageBase, 'cover-a.jpg', 1600, 900, 'image/jpeg', '同一张图片再次使用', null, null);
  const column = page.records.find((record) => record.type === 'column')!;
  column.cover = image(imageBase, 'column.jpg', 1000, 500, 'image/jpeg', '专栏题图', null, null);
  const figure = page.records.find((record) => record.type === 'figure')!;
  figure.portrait = image(imageBase, 'portrait.png', 600, 800, 'image/png', '唐光友（示例图片）', null, '示例图片');
  const deed = page.records.find((record) => record.type === 'goodDeed')!;
  deed.photo = image(imageBase, 'deed.jpg', 800, 600, 'image/jpeg', '党员为群众做好事', '党员志愿者在行动。', '通讯员 李四 摄');

  const video = bySlug(MEDIA_STORIES.video);
  video.cover = image(imageBase, 'cover-b.jpg', 1200, 800, 'image/jpeg', '走遍咸宁', null, null);
  video.media = {
    url: `${imageBase}/uploads/zoubian.mp4`,
    mime: 'video/mp4',
    bytes: 2_048_500,
    seconds: 95,
    captionsUrl: `${imageBase}/uploads/zoubian.vtt`,
  };
  bySlug(MEDIA_STORIES.audio).media = {
    url: `${imageBase}/uploads/tingxinwen.mp3`,
    mime: 'audio/mpeg',
    bytes: 1_234_567,
    seconds: 3725,
    captionsUrl: null,
  };
  Object.assign(bySlug(MEDIA_STORIES.framed), { mediaUrl: FRAMED_URL, embedUrl: FRAMED_URL });
  bySlug(MEDIA_STORIES.h5Framed).embedUrl = bySlug(MEDIA_STORIES.h5Framed).mediaUrl;

  const template = bySlug('sample-story-010');
  const hostile = {
    ...structuredClone(template),
    documentId: HOSTILE_STORY_ID,
    slug: 'hostile-story',
    date: '2020-12-01T02:00:00.000Z',
    title: HOSTILE_TITLE.slice(0, 200),
    subtitle: '副标题 <img src=x onerror=alert(1)> ]]>',
    summary: '摘要 <b>粗体</b> ]]> \u000b 控制字符 😀',
    kind: 'news',
    mediaUrl: null,
    clauseIds: [],
    cover: image(imageBase, 'cover-b.jpg', 1200, 800, 'image/jpeg', 'alt "quoted" <tag>', 'caption ]]> <i>x</i>', 'credit & co'),
    bylines: ['记者 <王五>', '通讯员 "赵六"'],
    body: [
      { type: 'paragraph', children: [{ type: 'text', text: '正文 <script>alert(1)</script> ]]> \u0000\u001f 😀 结束。' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '相对链接：' },
          { type: 'link', url: link('/stories/sample-story-001/'), children: [{ type: 'text', text: '站内稿件' }] },
          { type: 'text', text: '，锚点：' },
          { type: 'link', url: '#top', children: [{ type: 'text', text: '回到顶部' }] },
          { type: 'text', text: '，危险：' },
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: '不应成为链接' }] },
        ],
      },
      {
        type: 'image',
        image: { url: link('/favicon.svg'), alternativeText: '相对地址图片', width: 32, height: 32 },
        children: [{ type: 'text', text: '' }],
      },
      { type: 'quote', children: [{ type: 'text', text: '<![CDATA[ 引文 ]]>' }] },
    ],
  };
  page.records.push(hostile);
  const suggestion = page.records.find((record) => record.type === 'suggestion')!;
  page.records.push({
    ...suggestion,
    documentId: HOSTILE_SUGGESTION_ID,
    topic: 'qita',
    text: HOSTILE_TEXT,
    name: '<b>读者</b>',
    reply: `回复 ${HOSTILE_TEXT}`,
  });
  page.records.push({
    ...deed,
    documentId: HOSTILE_DEED_ID,
    photo: null,
    title: `群众报告 ${HOSTILE_TEXT}`.slice(0, 100),
    doer: '<i>某人</i>',
    description: HOSTILE_TEXT,
    reportedByPublic: true,
  });
  const plenary = page.records.find((record) => record.type === 'event' && record.kind === 'plenary')!;
  const live = {
    type: 'live',
    documentId: 'live0plenary0000000000001',
    updatedAt: '2020-09-28T02:00:00.000Z',
    publishedAt: '2020-09-28T00:30:00.000Z',
    slug: LIVE_SLUG,
    title: '【示例】市委全体（扩大）会议图文直播',
    eventId: plenary.documentId,
    state: 'on_air',
    summary: '会议审议通过《意见》，本页实时播报。',
    sample: true,
  };
  const entry = (n: number, fields: Record<string, unknown>) => ({
    type: 'liveEntry',
    documentId: `live0entry000000000000000${n}`,
    updatedAt: `2020-09-28T01:0${n}:00.000Z`,
    liveId: live.documentId,
    kind: 'entry_text',
    text: `第 ${n} 条`,
    photo: null,
    videoUrl: null,
    speaker: null,
    pinned: false,
    correction: false,
    postedAt: `2020-09-28T01:0${n}:00.000Z`,
    ...fields,
  });
  page.records.push(
    live,
    entry(1, { text: '会议开始。', pinned: true }),
    entry(2, { kind: 'entry_quote', text: '要把“六大”活动抓实抓细。', speaker: '市委主要负责同志' }),
    entry(3, {
      kind: 'entry_photo',
      text: '会场。',
      photo: image(imageBase, 'deed.jpg', 800, 600, 'image/jpeg', '会场全景', null, '记者 张三 摄'),
    }),
    entry(4, { text: '更正：上一条中的时间应为九时。', correction: true }),
    {
      ...entry(5, {
        text: HOSTILE_TEXT,
        speaker: '<b>某</b>',
        kind: 'entry_quote',
        videoUrl: 'https://video.example.org/a.mp4?x="y"',
        question: { text: HOSTILE_TEXT, asker: '<b>某</b>' },
      }),
      documentId: HOSTILE_ENTRY_ID,
    },
  );
  return page;
}

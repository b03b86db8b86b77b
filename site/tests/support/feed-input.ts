/** What the feed tests feed in: hostile text everywhere, 60 stories, one channel. */
import type { Blocks } from '@campaign-desk/shared';
import { storyItem, type FeedChannel, type StoryForFeed } from '../../src/lib/feeds';

export const HOSTILE =
  '<script>alert(1)</script> ]]> <![CDATA[x]]> & &amp; "q" \'s\' \u0000\u0001\u0008\u000b\u001f\uFFFE \uD800 😀👍🏽 咸宁';

export const body: Blocks = [
  { type: 'paragraph', children: [{ type: 'text', text: `正文 ${HOSTILE}` }] },
  {
    type: 'paragraph',
    children: [
      { type: 'link', url: '/stories/other/', children: [{ type: 'text', text: '站内' }] },
      { type: 'link', url: '#part-2', children: [{ type: 'text', text: '锚点' }] },
      { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: '脚本' }] },
      { type: 'link', url: '//evil.example/x', children: [{ type: 'text', text: '协议相对' }] },
      { type: 'link', url: 'data:text/html,<script>1</script>', children: [{ type: 'text', text: 'data' }] },
    ],
  },
  { type: 'image', image: { url: '/uploads/a.jpg', alternativeText: `alt ${HOSTILE}`, width: 100, height: 50 }, children: [] },
  { type: 'heading', level: 1, children: [{ type: 'text', text: `标题 ${HOSTILE}` }] },
  { type: 'code', children: [{ type: 'text', text: '</code><script>x</script>]]>' }] },
];

export const story = (n: number, overrides: Partial<StoryForFeed> = {}): StoryForFeed => ({
  documentId: `doc${n}`,
  title: `第${n}篇 ${HOSTILE} ${'很长的标题'.repeat(60)}`,
  subtitle: `副标题 ${HOSTILE}`,
  summary: `摘要 ${HOSTILE}`,
  body,
  date: new Date(Date.UTC(2020, 4, 1) + n * 86_400_000).toISOString(),
  updatedAt: '2026-11-24T19:57:58.237Z',
  kind: n % 2 === 0 ? 'audio' : 'video',
  kindName: n % 2 === 0 ? '音频' : '视频',
  mediaUrl: n % 2 === 0 ? `https://media.example.com/a/${n}.mp3` : `https://media.example.com/v/${n}/`,
  media: null,
  bylines: [`记者 ${HOSTILE}`, '通讯员 李四'],
  sample: true,
  ...overrides,
});

export const channel: FeedChannel = {
  title: `专栏 ${HOSTILE}`,
  description: `描述 ${HOSTILE}`,
  link: 'https://site.example.org/columns/x/',
  selfUrl: 'https://site.example.org/feeds/columns/x.xml',
  lastBuildDate: new Date('2026-11-24T00:00:00Z'),
};

export const items = Array.from({ length: 60 }, (_, n) =>
  storyItem(story(n), {
    url: `https://site.example.org/stories/s-${n}/`,
    categories: ['特色产业增长极', '大学习', `专栏 ${HOSTILE}`],
    image:
      n % 3 === 0
        ? {
            url: 'https://site.example.org/_astro/c.jpg',
            type: 'image/jpeg',
            width: 1200,
            height: 675,
            credit: `摄影 ${HOSTILE}`,
            caption: `说明 ${HOSTILE}`,
            alt: `alt ${HOSTILE}`,
          }
        : null,
  }),
);

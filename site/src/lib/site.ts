/** What the site calls itself and its own feeds, said once for pages and feeds. */
import { CAMPAIGN } from '@campaign-desk/shared';
import { FEED_ITEM_LIMIT } from './feeds';
import { paths } from './paths';

export const SITE_NAME = CAMPAIGN.siteName;

/** The title of the whole campaign's RSS and JSON feeds, and of the links to them. */
export const SITE_FEED_TITLE = `${SITE_NAME}（全部稿件）`;

/** What a “示例” badge means, on a record and beside a date (and in the calendar, see site-files.ts). */
export const SAMPLE_NOTE = '示例内容，不是正式发布的信息';
export const SAMPLE_DATE_NOTE = '日期为示例，以通知为准';
/** How the seed titles what it invents, and how text-only places (a calendar) title an invented record. */
export const SAMPLE_PREFIX = '【示例】';

export const SITE_FEED_DESCRIPTION = `${CAMPAIGN.name}：全部稿件，最新${FEED_ITEM_LIMIT}篇，含全文。`;

/** The site's own share card image (public/share-card.png), for pages without an image of their own. */
export const SITE_SHARE_IMAGE = { path: '/share-card.png', type: 'image/png', width: 600, height: 600 } as const;

/** The 听新闻 podcast's artwork: square, 1400 to 3000 px, as Apple Podcasts requires (public/). */
export const PODCAST_ARTWORK = { path: '/podcast-artwork.png', type: 'image/png', width: 1400, height: 1400 } as const;

/** A feed of the site's own (not a grouping's): its name in the directory, its channel, the page it is about. */
export type SiteFeed = { name: string; title: string; description: string; htmlPath: string };

export const SITE_FEEDS = {
  all: { name: '全部稿件', title: SITE_FEED_TITLE, description: SITE_FEED_DESCRIPTION, htmlPath: paths.home },
  featured: {
    name: '重点报道',
    title: `${SITE_NAME}（重点报道）`,
    description: `编辑选定的重点报道，供各级媒体优先转载：最新${FEED_ITEM_LIMIT}篇，含全文。`,
    htmlPath: paths.home,
  },
  goodDeeds: {
    name: '接力做好事',
    title: `${SITE_NAME}（接力做好事）`,
    description: `“接力唐光友，为民做好事”：党员干部为群众做的好事，最新${FEED_ITEM_LIMIT}件。`,
    htmlPath: paths.relay,
  },
  podcast: {
    name: '听新闻（播客）',
    title: `${SITE_NAME}·听新闻`,
    description: `${CAMPAIGN.name}的音频报道：可在播客应用中订阅，最新${FEED_ITEM_LIMIT}期。`,
    htmlPath: paths.kind('audio'),
  },
} as const satisfies Record<string, SiteFeed>;

/** What the site calls itself and its whole-campaign feed, said once for pages and feeds. */
import { CAMPAIGN } from '@campaign-desk/shared';
import { FEED_ITEM_LIMIT } from './feeds';

export const SITE_NAME = `${CAMPAIGN.shortName}专题`;

/** The title of the whole campaign's RSS and JSON feeds, and of the links to them. */
export const SITE_FEED_TITLE = `${SITE_NAME}（全部稿件）`;

export const SITE_FEED_DESCRIPTION = `${CAMPAIGN.name}：全部稿件，最新${FEED_ITEM_LIMIT}篇，含全文。`;

/** The site's own share card image (public/share-card.png), for pages without an image of their own. */
export const SITE_SHARE_IMAGE = { path: '/share-card.png', type: 'image/png', width: 600, height: 600 } as const;

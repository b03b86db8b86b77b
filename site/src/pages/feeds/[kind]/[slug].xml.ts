import type { APIRoute, GetStaticPaths } from 'astro';
import { getCampaign } from '../../../lib/campaign';
import { GROUPINGS, channelTitle, type Grouped, type Grouping } from '../../../lib/groupings';
import { paths } from '../../../lib/paths';
import { buildRss, channel, feedItems, rssResponse } from '../../../lib/syndication';

export const getStaticPaths = (async () => {
  const campaign = await getCampaign();
  return GROUPINGS.flatMap((grouping) =>
    grouping.records(campaign).map((record) => ({ params: { kind: grouping.kind, slug: record.slug }, props: { grouping, record } })),
  );
}) satisfies GetStaticPaths;

type Props = { grouping: Grouping; record: Grouped };

export const GET: APIRoute<Props> = async ({ props: { grouping, record } }) => {
  const campaign = await getCampaign();
  const stories = grouping.stories(campaign, record);
  const feed = channel(
    channelTitle(grouping, record),
    grouping.feedDescription(record),
    paths.listing(grouping.kind, record),
    paths.feed(grouping.kind, record),
    stories,
  );
  return rssResponse(buildRss(feed, await feedItems(campaign, stories)));
};

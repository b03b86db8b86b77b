import type { APIRoute, GetStaticPaths } from 'astro';
import { getCampaign, type StoryData } from '../../../lib/campaign';
import { paths, type FeedKind } from '../../../lib/paths';
import { SITE_NAME, buildRss, channel, feedGroups, feedItems, rssResponse } from '../../../lib/syndication';

export const getStaticPaths = (async () => {
  const groups = await feedGroups();
  return groups.flatMap((group) =>
    group.items.map((item) => ({
      params: { kind: group.kind, slug: item.slug },
      props: { kind: group.kind, label: group.label, ...item },
    })),
  );
}) satisfies GetStaticPaths;

type Props = { kind: FeedKind; label: string; slug: string; name: string; htmlPath: string; stories: StoryData[]; description: string };

export const GET: APIRoute<Props> = async ({ props }) => {
  const campaign = await getCampaign();
  const feed = channel(
    `${SITE_NAME} · ${props.label}：${props.name}`,
    props.description,
    props.htmlPath,
    paths.feed(props.kind, props),
    props.stories,
  );
  return rssResponse(buildRss(feed, await feedItems(campaign, props.stories.slice(0, 50))));
};

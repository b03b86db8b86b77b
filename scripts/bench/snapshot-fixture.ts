/**
 * `pnpm bench --seed snapshot`: the site's side at sizes seeding through the plugin cannot
 * reach in a bench's time (100,000 stories). The committed fixture's campaign (outlets,
 * columns, taxonomy, events, figures, 意见…) with its sample stories and their placements
 * replaced by the same N stories `benchStories` seeds through the plugin (titles, bodies, dates,
 * spread over the taxonomy; so the Hugo anchor's site is still the same site), written as
 * one snapshot file the publisher reads (CAMPAIGN_DESK_SNAPSHOT_FILE), in pages of 5,000.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { STORY_KINDS } from '@campaign-desk/shared';
import { readFixture } from '@campaign-desk/testing/fixture';
import { benchStories } from './stories';

const PAGE = 5000;

/** A documentId as Strapi makes them (24 of [a-z0-9]), stable for a slug. */
const documentIdOf = (slug: string) => createHash('sha256').update(slug).digest('hex').slice(0, 24);

/** Writes the snapshot of the fixture's campaign with `storyCount` bench stories to `file`; answers its record count. */
export async function writeSnapshotFixture(file: string, storyCount: number): Promise<{ records: number; stories: number }> {
  const fixture = readFixture();
  const kept = fixture.records.filter((record) => record.type !== 'story' && record.type !== 'placement');
  const idOf = (type: string, slug: string) => {
    const record = kept.find((candidate) => candidate.type === type && candidate.slug === slug);
    if (!record) throw new Error(`the fixture has no ${type} ${slug}`);
    return record.documentId as string;
  };
  const kindOf = (name: string) => STORY_KINDS.find((kind) => kind.name === name)!.key;
  const stamp = fixture.records[0]!.updatedAt as string;
  const stories = benchStories(storyCount).map((story) => ({
    type: 'story',
    documentId: documentIdOf(story.slug),
    updatedAt: stamp,
    publishedAt: stamp,
    title: story.title,
    subtitle: null,
    slug: story.slug,
    date: story.date,
    summary: story.summary,
    body: story.body.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
    kind: kindOf(story.kind),
    cover: null,
    mediaUrl: null,
    outletId: idOf('outlet', story.outlet!),
    printEdition: null,
    bylines: story.bylines,
    columnIds: story.columns.map((slug) => idOf('column', slug)),
    themeId: idOf('theme', story.theme),
    activityIds: story.activities.map((slug) => idOf('activity', slug)),
    placeIds: story.places.map((slug) => idOf('place', slug)),
    figureIds: [],
    clauseIds: [],
    eventId: null,
    featured: false,
    sample: story.sample,
    embedUrl: null,
    media: null,
  }));
  const records = [...kept, ...stories];
  // Written page by page: at 100,000 stories one JSON.stringify of it all would hold it twice.
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('[');
  for (let start = 0; start < records.length; start += PAGE) {
    const last = start + PAGE >= records.length;
    const page = { records: records.slice(start, start + PAGE), tombstones: [], cursor: fixture.cursor, hasMore: !last };
    await write(`${start === 0 ? '' : ','}${JSON.stringify(page)}`);
  }
  await write(']');
  out.end();
  await once(out, 'finish');
  return { records: records.length, stories: stories.length };
}

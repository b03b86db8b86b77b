/**
 * A page family: every page of one route, and what each of them shows. A page's view is
 * plain data (records, and what is derived from them); the route only composes it. The
 * renderer fingerprints views to find the pages a change touches, so a template must show
 * nothing it did not get from its view.
 */
import type { LiveEntry, Story } from '@campaign-desk/shared';
import type { Campaign } from '../lib/campaign';

export type Page<P> = { path: string; params: P };

export interface PageFamily<P, V> {
  /** Every page of the family. */
  pages(campaign: Campaign): Array<Page<P>>;
  /** What a page shows, or null when there is no such page (a 404). */
  view(campaign: Campaign, params: P): V | null;
  /**
   * The URL the renderer requests for a path, when the route differs from the file it
   * writes (404.html is rendered from the /404 route).
   */
  requestPath?: (path: string) => string;
  /**
   * The paths of the family's pages a change of stories and live entries alone may touch
   * (pages that do not exist are ignored). A family without it has every page looked at again
   * after a change of stories, and none after a change of live entries alone: a family that
   * shows entries must have it. More is safe, less is a stale page: the renderer compares the
   * fingerprints of those it names.
   */
  touchedBy?: (change: RecordChange) => string[];
}

type Sides<T> = Array<{ was: T | null; is: T | null }>;

/**
 * A change of stories and live entries and nothing else since the release live now: the
 * campaign as that release showed it (`before`), as it is now (`after`), and each changed
 * story and entry in both (null where it is not held: new, or withdrawn).
 */
export type RecordChange = { before: Campaign; after: Campaign; stories: Sides<Story>; entries: Sides<LiveEntry> };

/** Each changed story with the campaign it is in: as it was, and as it is. */
export function sidesOf(change: RecordChange): Array<{ campaign: Campaign; story: Story }> {
  return change.stories.flatMap(({ was, is }) => [
    ...(was ? [{ campaign: change.before, story: was }] : []),
    ...(is ? [{ campaign: change.after, story: is }] : []),
  ]);
}

export type Params = Record<string, string | undefined>;

/**
 * The view of the page a route is asked for, for the route to compose; null → 404. The
 * campaign comes with the request (`Astro.locals`: the renderer's, or `astro dev`'s, see
 * middleware.ts).
 */
export function pageView<P, V>(family: PageFamily<P, V>, { params, locals }: { params: Params; locals: App.Locals }): V | null {
  return family.view(locals.campaign, params as P);
}

/** A page of a family that has exactly one. */
export function single<V>(path: string, view: (campaign: Campaign) => V): PageFamily<Params, V> {
  return { pages: () => [{ path, params: {} }], view: (campaign) => view(campaign) };
}

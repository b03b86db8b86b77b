/**
 * A page family: every page of one route, and what each of them shows. A page's view is
 * plain data (records, and what is derived from them); the route only composes it. The
 * renderer fingerprints views to find the pages a change touches, so a template must show
 * nothing it did not get from its view.
 */
import type { Story } from '@campaign-desk/shared';
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
   * The paths of the family's pages a change of stories alone may touch (pages that do not
   * exist are ignored); a family without it has every page looked at again. More is safe,
   * less is a stale page: the renderer compares the fingerprints of those it names.
   */
  touchedBy?: (change: StoryChange) => string[];
}

/**
 * A change of stories and nothing else since the release live now: the campaign as that
 * release showed it (`before`), as it is now (`after`), and each changed story in both (null
 * where it is not held: new, or withdrawn).
 */
export type StoryChange = { before: Campaign; after: Campaign; stories: Array<{ was: Story | null; is: Story | null }> };

/** Each changed story with the campaign it is in: as it was, and as it is. */
export function sidesOf(change: StoryChange): Array<{ campaign: Campaign; story: Story }> {
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

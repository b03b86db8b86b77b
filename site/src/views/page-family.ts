/**
 * A page family: every page of one route, and what each of them shows. A page's view is
 * plain data (records, and what is derived from them); the route only composes it. The
 * renderer fingerprints views to find the pages a change touches, so a template must show
 * nothing it did not get from its view.
 */
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

/**
 * CAMPAIGN_DESK_PREVIEW: whether a build is a preview (see `preview` in lib/campaign/index.ts). Read by
 * everything that builds the site (the publisher, `pnpm build`, `astro dev`), so they agree;
 * a value that is neither yes nor no is refused rather than guessed, since guessing wrong
 * either publishes sample records as fact or hides the demo's content.
 */
const YES = new Set(['true', '1', 'yes']);
const NO = new Set(['', 'false', '0', 'no']);

export function previewFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CAMPAIGN_DESK_PREVIEW ?? '').trim().toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  throw new Error(`CAMPAIGN_DESK_PREVIEW must be true or false, got ${JSON.stringify(env.CAMPAIGN_DESK_PREVIEW)}`);
}

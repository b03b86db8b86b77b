/**
 * The environment the site's compile (a child process) and its renderer (a worker thread)
 * are given: the variables the site reads, and what Node and its tools need to run here;
 * nothing else. Whatever else the process that starts them holds (the publisher's hook secret
 * and token; in a shell that loaded the CMS's .env, Strapi's keys and salts) stays out of
 * reach of the templates, Astro, Vite and every package they load.
 */

import { FOOTER_SETTINGS } from '../src/lib/footer';

/**
 * What the site reads: its public address, where its content comes from, a pinned instant,
 * whether it is a preview, where its forms post, and its footer's settings.
 */
export const SITE_ENV = [
  'SITE_URL',
  'CAMPAIGN_DESK_SNAPSHOT_URL',
  'CAMPAIGN_DESK_TOKEN',
  'CAMPAIGN_DESK_SNAPSHOT_FILE',
  'CAMPAIGN_DESK_NOW',
  'CAMPAIGN_DESK_PREVIEW',
  'CAMPAIGN_DESK_SUBMIT_URL',
  ...Object.values(FOOTER_SETTINGS).map((setting) => setting.env),
];

/**
 * What a Node process needs to run on this machine: where programs, the home and temporary
 * files are, the locale and time zone, Node's own options and the certificates it trusts
 * (a CMS behind a private CA).
 */
export const BASIC_ENV = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'TMPDIR',
  'TMP',
  'TEMP',
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'LC_CTYPE',
  'TZ',
  'NODE_OPTIONS',
  'NODE_EXTRA_CA_CERTS',
] as const;

/** The variables of `env` that `names` lists, and only those. */
export function pickEnvironment(names: readonly string[], env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]!]])));
}

/** The environment of the site's compile and renderer, from `env` (this process's by default). */
export function siteEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return pickEnvironment([...BASIC_ENV, ...SITE_ENV], env);
}

/** The publisher's settings, from the environment (the repository's .env in the demo). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  BASIC_ENV,
  DEFAULT_SITE_DIR,
  SITE_ENV,
  pickEnvironment,
  previewFromEnv,
  sourceFromEnv,
  type SnapshotSource,
} from '@campaign-desk/site/renderer';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const port = z.coerce.number().int().min(0).max(65535);

/** Every variable the publisher reads. */
const variablesSchema = z.object({
  PUBLISHER_HOST: z.string().default('127.0.0.1'),
  /** The site, for readers. */
  PUBLISHER_PORT: port.default(4321),
  /** The build hook and /status, for the CMS and operators. */
  PUBLISHER_CONTROL_HOST: z.string().default('127.0.0.1'),
  PUBLISHER_CONTROL_PORT: port.default(4322),
  /** The secret of the CMS build hook that points here. */
  PUBLISHER_HOOK_SECRET: z.string().min(16, 'must be at least 16 characters'),
  /** Bearer token of /status. */
  PUBLISHER_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  /** Releases, the `live` link, images and the state file live here. */
  PUBLISHER_DATA_DIR: z.string().default(path.join(repoRoot, '.publisher')),
  PUBLISHER_KEEP_RELEASES: z.coerce.number().int().min(2).default(5),
  /** A new release with fewer pages than this share of the live one is refused unless forced. */
  PUBLISHER_MIN_PAGE_RATIO: z.coerce.number().min(0).max(1).default(0.8),
  SITE_DIR: z.string().default(DEFAULT_SITE_DIR),
  SITE_URL: z.string().url(),
  /** Where the site's forms post: the CMS's participation route as the public reaches it (see docs/operator/public-forms.md). */
  CAMPAIGN_DESK_SUBMIT_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'an http(s) URL')
    .optional(),
  CAMPAIGN_DESK_SNAPSHOT_URL: z.string().url().optional(),
  CAMPAIGN_DESK_TOKEN: z.string().optional(),
  CAMPAIGN_DESK_SNAPSHOT_FILE: z.string().optional(),
  /** Pins the instant pages are rendered as of (previews of a past day). */
  CAMPAIGN_DESK_NOW: z.string().datetime({ offset: true }).optional(),
});

const configSchema = variablesSchema.refine((env) => env.CAMPAIGN_DESK_SNAPSHOT_URL || env.CAMPAIGN_DESK_SNAPSHOT_FILE, {
  message: 'set CAMPAIGN_DESK_SNAPSHOT_URL (with CAMPAIGN_DESK_TOKEN) or CAMPAIGN_DESK_SNAPSHOT_FILE',
  path: ['CAMPAIGN_DESK_SNAPSHOT_URL'],
});

export interface PublisherConfig {
  host: string;
  port: number;
  controlHost: string;
  controlPort: number;
  hookSecret: string;
  token: string;
  dataDir: string;
  keepReleases: number;
  minPageRatio: number;
  siteDir: string;
  siteUrl: string;
  submitUrl: string | undefined;
  /** Where the site's content is read from. */
  source: SnapshotSource;
  now: string | undefined;
  /** Builds a preview (CAMPAIGN_DESK_PREVIEW): sample records count as fact, every page says so. */
  preview: boolean;
}

/**
 * The environment to start the publisher with, from a wider one (the repository's .env holds
 * the CMS's secrets too): its own variables, the site's (its footer's settings among them), and
 * what Node needs to run; nothing else.
 */
export function publisherEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return pickEnvironment([...new Set([...BASIC_ENV, ...SITE_ENV, ...Object.keys(variablesSchema.shape)])], env);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PublisherConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new Error(
      `publisher configuration: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  const value = result.data;
  return {
    host: value.PUBLISHER_HOST,
    port: value.PUBLISHER_PORT,
    controlHost: value.PUBLISHER_CONTROL_HOST,
    controlPort: value.PUBLISHER_CONTROL_PORT,
    hookSecret: value.PUBLISHER_HOOK_SECRET,
    token: value.PUBLISHER_TOKEN,
    dataDir: path.resolve(value.PUBLISHER_DATA_DIR),
    keepReleases: value.PUBLISHER_KEEP_RELEASES,
    minPageRatio: value.PUBLISHER_MIN_PAGE_RATIO,
    siteDir: path.resolve(value.SITE_DIR),
    siteUrl: value.SITE_URL,
    submitUrl: value.CAMPAIGN_DESK_SUBMIT_URL,
    source: sourceFromEnv(env),
    now: value.CAMPAIGN_DESK_NOW,
    preview: previewFromEnv(env),
  };
}

/** The publisher's settings, from the environment (the repository's .env in the demo). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const configSchema = z
  .object({
    PUBLISHER_HOST: z.string().default('127.0.0.1'),
    PUBLISHER_PORT: z.coerce.number().int().min(0).max(65535).default(4321),
    /** The secret of the CMS build hook that points here. */
    PUBLISHER_HOOK_SECRET: z.string().min(16, 'must be at least 16 characters'),
    /** Releases, the `live` link, the build cache and the state file live here. */
    PUBLISHER_DATA_DIR: z.string().default(path.join(repoRoot, '.publisher')),
    PUBLISHER_KEEP_RELEASES: z.coerce.number().int().min(2).default(5),
    /** A new release with fewer pages than this share of the live one is refused unless forced. */
    PUBLISHER_MIN_PAGE_RATIO: z.coerce.number().min(0).max(1).default(0.8),
    SITE_DIR: z.string().default(path.join(repoRoot, 'site')),
    SITE_URL: z.string().url(),
    CAMPAIGN_DESK_SNAPSHOT_URL: z.string().url().optional(),
    CAMPAIGN_DESK_TOKEN: z.string().optional(),
    CAMPAIGN_DESK_SNAPSHOT_FILE: z.string().optional(),
  })
  .refine((env) => env.CAMPAIGN_DESK_SNAPSHOT_URL || env.CAMPAIGN_DESK_SNAPSHOT_FILE, {
    message: 'set CAMPAIGN_DESK_SNAPSHOT_URL (with CAMPAIGN_DESK_TOKEN) or CAMPAIGN_DESK_SNAPSHOT_FILE',
    path: ['CAMPAIGN_DESK_SNAPSHOT_URL'],
  });

export interface PublisherConfig {
  host: string;
  port: number;
  hookSecret: string;
  dataDir: string;
  keepReleases: number;
  minPageRatio: number;
  siteDir: string;
  siteUrl: string;
  /** What the site build reads its content from, passed through to it. */
  contentEnv: Record<string, string>;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PublisherConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new Error(
      `publisher configuration: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  const value = result.data;
  const contentEnv = Object.fromEntries(
    (['CAMPAIGN_DESK_SNAPSHOT_URL', 'CAMPAIGN_DESK_TOKEN', 'CAMPAIGN_DESK_SNAPSHOT_FILE'] as const)
      .filter((name) => value[name])
      .map((name) => [name, value[name]!]),
  );
  return {
    host: value.PUBLISHER_HOST,
    port: value.PUBLISHER_PORT,
    hookSecret: value.PUBLISHER_HOOK_SECRET,
    dataDir: path.resolve(value.PUBLISHER_DATA_DIR),
    keepReleases: value.PUBLISHER_KEEP_RELEASES,
    minPageRatio: value.PUBLISHER_MIN_PAGE_RATIO,
    siteDir: path.resolve(value.SITE_DIR),
    siteUrl: value.SITE_URL,
    contentEnv,
  };
}

import { z } from 'zod';

const configSchema = z.object({
  /** 三审 (services/review.ts). */
  review: z
    .object({
      /**
       * Separation of duties, per review: whoever makes it is neither the story's author nor
       * anyone who made another review of the same version. On for each review by default.
       */
      separateDuties: z
        .object({
          first: z.boolean().default(true),
          second: z.boolean().default(true),
          final: z.boolean().default(true),
        })
        .strict()
        .default({}),
      /** Whether Super Admin may review regardless of the separation of duties. */
      superAdminExempt: z.boolean().default(false),
    })
    .strict()
    .default({}),
  snapshot: z
    .object({
      /** Ask for an API token (read-only is enough) on the snapshot API. */
      requireToken: z.boolean().default(true),
      defaultPageSize: z.number().int().min(1).max(1000).default(200),
      maxPageSize: z.number().int().min(1).max(1000).default(500),
    })
    .default({}),
  /** Where signed publish events go (CAMPAIGN_DESK_BUILD_HOOKS in the app's config). */
  buildHooks: z
    .array(
      z
        .object({
          /** Kept on each delivery, so a hook keeps its queue when its URL or secret changes. */
          name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'letters, digits, - and _ (at most 64)'),
          url: z.string().url().regex(/^https?:\/\//, 'an http(s) URL'),
          secret: z.string().min(16, 'at least 16 characters'),
        })
        .strict(),
    )
    .refine((hooks) => new Set(hooks.map((hook) => hook.name)).size === hooks.length, 'hook names must be unique')
    .default([]),
  /** How the outbox delivers: polling finds retries and other instances' events; a commit kicks it at once. */
  outbox: z
    .object({
      pollIntervalMs: z.number().int().min(10).default(2000),
      /** Backoff after the n-th failure: retryBaseMs × 2^(n−1), at most retryMaxMs, with jitter. */
      retryBaseMs: z.number().int().min(1).default(1000),
      retryMaxMs: z.number().int().min(1).default(300_000),
      requestTimeoutMs: z.number().int().min(100).default(10_000),
      /** Deliveries one worker claims and sends at a time. */
      batchSize: z.number().int().min(1).max(100).default(10),
      /**
       * A delivery is given up on (失败, shown on the 发布事件 page until redelivered) after
       * this many attempts, when set, or once it has been tried this long.
       */
      maxAttempts: z.number().int().min(1).optional(),
      maxAgeMs: z.number().int().min(1).default(24 * 60 * 60 * 1000),
      /** A delivery still being tried this long after it was queued counts as overdue (the publisher's /status shows it). */
      overdueAfterMs: z.number().int().min(1).default(5 * 60 * 1000),
    })
    .default({}),
});

export type PluginConfig = z.infer<typeof configSchema>;

export default {
  default: configSchema.parse({}),
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      throw new Error(
        `campaign-desk plugin config: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      );
    }
  },
};

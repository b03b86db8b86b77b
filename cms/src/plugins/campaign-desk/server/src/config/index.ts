import { z } from 'zod';
import { DEFAULT_CONTACT_RETENTION_DAYS } from '@campaign-desk/shared';
import { embedHostSchema } from './embed-hosts';

/** At most `max` in any `windowMs`. */
const limit = (max: number, windowMs: number) =>
  z
    .object({ max: z.number().int().min(1), windowMs: z.number().int().min(1) })
    .strict()
    .default({ max, windowMs });

const minutes = (count: number) => count * 60_000;

export const configSchema = z.object({
  /** 三审 (review/services/review.ts). */
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
      /**
       * 三审 per outlet (review/services/review-chains.ts): each review of a story only by the accounts its
       * outlet's chain lists (采编人员 marked for it), or those marked across outlets.
       */
      perOutlet: z.boolean().default(false),
    })
    .strict()
    .default({}),
  /** 图文直播 (live/). */
  live: z
    .object({
      /**
       * Whether the 值班编辑 who wrote an entry may approve it too. Off by default: each entry
       * is seen by a second person before it is public.
       */
      selfApproval: z.boolean().default(false),
    })
    .strict()
    .default({}),
  /** 定时发布 (scheduling/): how often each instance looks for stories due, and how far ahead one may be scheduled. */
  scheduling: z
    .object({
      pollIntervalMs: z.number().int().min(10).default(1000),
      maxDaysAhead: z.number().int().min(1).default(90),
      /** A publish taken this long ago and never finished is counted failed (its instance stopped). */
      claimTimeoutMs: z.number().int().min(1000).default(120_000),
    })
    .strict()
    .default({}),
  /** Notices (notices/): emailed too when an SMTP server is configured (SMTP_HOST). */
  notices: z
    .object({ email: z.boolean().default(false) })
    .strict()
    .default({}),
  /** 融合传播: audio and video on the site's pages (docs/newsroom/融合传播.md). */
  media: z
    .object({
      /**
       * The platforms whose players the site frames (sandboxed) when a story's media link is on
       * one of them: a host name, optionally with the path its players are under
       * (config/embed-hosts.ts); a link anywhere else stays a link.
       */
      embedHosts: z.array(embedHostSchema).default(['player.bilibili.com/player.html', 'v.qq.com/txp/iframe/', 'player.youku.com/embed/']),
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
          url: z
            .string()
            .url()
            .regex(/^https?:\/\//, 'an http(s) URL'),
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
      maxAgeMs: z
        .number()
        .int()
        .min(1)
        .default(24 * 60 * 60 * 1000),
      /** A delivery still being tried this long after it was queued counts as overdue (the publisher's /status shows it). */
      overdueAfterMs: z
        .number()
        .int()
        .min(1)
        .default(5 * 60 * 1000),
    })
    .default({}),
  /** The public forms (建言献策, 好人好事) and what guards them; see services/participation/. */
  participation: z
    .object({
      /**
       * 32 random bytes, base64 (CAMPAIGN_DESK_PARTICIPATION_KEY): contact details are encrypted
       * with a key derived from it, and proof-of-work challenges signed with another.
       */
      key: z
        .string({ required_error: 'CAMPAIGN_DESK_PARTICIPATION_KEY is required (32 random bytes, base64; pnpm setup makes one)' })
        .refine((value) => Buffer.from(value, 'base64').length >= 32, 'at least 32 bytes, base64'),
      /** The site's public address: the only origin the forms are taken from, and where the thank-you page is. */
      siteUrl: z
        .string()
        .url()
        .regex(/^https?:\/\//, 'an http(s) URL')
        .default('http://127.0.0.1:4321'),
      /** Contact details are deleted this many days after they arrived. */
      contactRetentionDays: z.number().int().min(1).default(DEFAULT_CONTACT_RETENTION_DAYS),
      /** How often the deletion runs (and once at start-up). */
      retentionSweepMs: z.number().int().min(1000).default(minutes(60)),
      /** Words that flag a submission for a moderator's attention (never publish or drop it). */
      sensitiveWords: z.array(z.string().trim().min(1)).default([]),
      /**
       * Addresses or CIDR ranges of the reverse proxies in front of Strapi: only a request from one
       * of them has its X-Forwarded-For believed; the client is the nearest address that is not a proxy.
       */
      trustedProxies: z.array(z.union([z.string().ip(), z.string().cidr()])).default([]),
      /** Bytes a submission may have in all (an 8 MB photo and the text fields). */
      maxBodyBytes: z
        .number()
        .int()
        .min(1024)
        .default(9 * 1024 * 1024),
      limits: z
        .object({
          /** Submissions from one address (an IPv6 /64). */
          perAddress: limit(5, minutes(10)),
          /** Challenges one address (an IPv6 /64) asks for. */
          challengesPerAddress: limit(30, minutes(10)),
          /** Challenges given out in all: each costs the CMS a key derivation. */
          challengesGlobal: limit(600, minutes(1)),
          /** Submissions taken in all, with a solved challenge. */
          global: limit(60, minutes(1)),
          /** Plain-form submissions (no JavaScript, so no proof of work): a smaller lane of their own. */
          withoutProofPerAddress: limit(2, minutes(60)),
          withoutProofGlobal: limit(20, minutes(60)),
          /**
           * 知识竞答's answers, with or without a solved challenge: a class of fifty behind one
           * school's address answering within ten minutes, a flood from one address held to six a
           * minute and from all to two a second (docs/developer/participation.md § 知识竞答).
           */
          quizPerAddress: limit(60, minutes(10)),
          quizGlobal: limit(120, minutes(1)),
          /**
           * 点赞: one address counts once per item a day anyway; these hold what a flood costs the
           * database and how far many addresses can move the counts (participation.md § 点赞).
           */
          likesPerAddress: limit(30, minutes(10)),
          likesGlobal: limit(600, minutes(1)),
        })
        .strict()
        .default({}),
      /**
       * The ALTCHA challenge (PBKDF2/SHA-256): `cost` iterations per try, the answer a counter in
       * [counterMin, counterMax]; about 3,000 tries, two seconds on one core (`pnpm bench`), less
       * with the widget's workers, and as much again for every further post a script makes.
       */
      proof: z
        .object({
          cost: z.number().int().min(1).default(1000),
          counterMin: z.number().int().min(0).default(1000),
          counterMax: z.number().int().min(1).default(5000),
          expiresInSeconds: z.number().int().min(10).default(600),
        })
        .strict()
        .refine((proof) => proof.counterMin <= proof.counterMax, 'counterMin must not exceed counterMax')
        .default({}),
    })
    .strict(),
});

export type PluginConfig = z.infer<typeof configSchema>;

export default {
  // Without a key it cannot run: validation names it when the app's config does not give one.
  default: {},
  validator(config: unknown) {
    const result = configSchema.safeParse(config);
    if (!result.success) {
      throw new Error(
        `campaign-desk plugin config: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
      );
    }
  },
};

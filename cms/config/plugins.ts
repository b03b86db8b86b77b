import { readFileSync } from 'node:fs';
import type { Core } from '@strapi/strapi';
import { objectStorageProvider, usesObjectStorage } from '../src/object-storage';

/** The sensitive-word list: one word a line; blank lines and lines starting with # are skipped. */
function wordsIn(file: string | undefined): string[] | undefined {
  if (!file) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Notices by email go through Strapi's email plugin to the SMTP server SMTP_HOST names
 * (docs/operator/editorial.md); without one, none are emailed (they still show in the admin).
 */
function smtp(env: Core.Config.Shared.ConfigParams['env']) {
  const user = env('SMTP_USER');
  return {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST'),
        port: env.int('SMTP_PORT', 587),
        // true: TLS from the first byte (port 465); false: STARTTLS when the server offers it.
        secure: env.bool('SMTP_SECURE', false),
        ...(user ? { auth: { user, pass: env('SMTP_PASSWORD') } } : {}),
      },
      settings: { defaultFrom: env('SMTP_FROM'), defaultReplyTo: env('SMTP_FROM') },
    },
  };
}

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  ...(env('SMTP_HOST') ? { email: smtp(env) } : {}),
  // The media library keeps what a newsroom publishes (pictures, PDFs of printed pages as
  // placement evidence, audio and video) and nothing a browser would run when it opens
  // /uploads/…: an HTML or SVG file there is stored cross-site scripting. A file is served
  // with the type its name gives and `nosniff` (strapi::security), so HTML named .png stays
  // a broken picture.
  upload: {
    config: {
      // Local disk unless UPLOAD_PROVIDER=s3 (src/object-storage.ts).
      ...(usesObjectStorage(env) ? objectStorageProvider(env) : {}),
      security: {
        allowedTypes: [
          'image/jpeg',
          'image/png',
          'image/webp',
          'image/gif',
          'image/avif',
          'image/heic',
          'image/heif',
          'application/pdf',
          'audio/*',
          'video/*',
          // Captions of a story's audio or video (WebVTT, checked again at publish).
          'text/vtt',
        ],
        deniedTypes: [
          'image/svg+xml',
          'text/html',
          'application/xhtml+xml',
          'application/javascript',
          'text/javascript',
          'application/xml',
          'text/xml',
        ],
      },
    },
  },
  'campaign-desk': {
    enabled: true,
    resolve: './src/plugins/campaign-desk',
    config: {
      // 三审 by three different people, none of them the author: each review can be let off
      // (e.g. a desk of two), and Super Admin exempted; unset values take the plugin's defaults.
      review: {
        separateDuties: {
          first: env.bool('CAMPAIGN_DESK_REVIEW_SEPARATE_FIRST'),
          second: env.bool('CAMPAIGN_DESK_REVIEW_SEPARATE_SECOND'),
          final: env.bool('CAMPAIGN_DESK_REVIEW_SEPARATE_FINAL'),
        },
        superAdminExempt: env.bool('CAMPAIGN_DESK_REVIEW_SUPER_ADMIN_EXEMPT'),
        // 三审 per outlet: each outlet's stories reviewed only by its review chain (采编人员).
        perOutlet: env.bool('CAMPAIGN_DESK_REVIEW_PER_OUTLET'),
      },
      // 图文直播: whether whoever wrote an entry may approve it too (off: a second person approves).
      live: { selfApproval: env.bool('CAMPAIGN_DESK_LIVE_SELF_APPROVAL') },
      notices: { email: Boolean(env('SMTP_HOST')) },
      // Hosts whose players the site frames (comma-separated); unset keeps the plugin's list.
      media: { embedHosts: env('CAMPAIGN_DESK_EMBED_HOSTS') ? env.array('CAMPAIGN_DESK_EMBED_HOSTS') : undefined },
      snapshot: {
        // The snapshot API asks for an API token (read-only is enough) unless this is off.
        requireToken: env.bool('CAMPAIGN_DESK_SNAPSHOT_REQUIRE_TOKEN', true),
      },
      // Signed publish events: a JSON array of { name, url, secret }; unset means none.
      buildHooks: env.json('CAMPAIGN_DESK_BUILD_HOOKS', []),
      // Unset values take the plugin's defaults.
      outbox: {
        pollIntervalMs: env.int('CAMPAIGN_DESK_OUTBOX_POLL_MS'),
        retryBaseMs: env.int('CAMPAIGN_DESK_OUTBOX_RETRY_BASE_MS'),
        retryMaxMs: env.int('CAMPAIGN_DESK_OUTBOX_RETRY_MAX_MS'),
        requestTimeoutMs: env.int('CAMPAIGN_DESK_OUTBOX_TIMEOUT_MS'),
        maxAttempts: env.int('CAMPAIGN_DESK_OUTBOX_MAX_ATTEMPTS'),
        maxAgeMs: env.int('CAMPAIGN_DESK_OUTBOX_MAX_AGE_MS'),
        overdueAfterMs: env.int('CAMPAIGN_DESK_OUTBOX_OVERDUE_MS'),
      },
      // 定时发布: how often each instance looks for stories due (docs/operator/editorial.md).
      scheduling: {
        pollIntervalMs: env.int('CAMPAIGN_DESK_SCHEDULE_POLL_MS'),
        maxDaysAhead: env.int('CAMPAIGN_DESK_SCHEDULE_MAX_DAYS'),
      },
      // The public forms (建言献策, 好人好事): see docs/operator/public-forms.md.
      participation: {
        key: env('CAMPAIGN_DESK_PARTICIPATION_KEY') || undefined,
        siteUrl: env('SITE_URL') || undefined,
        contactRetentionDays: env.int('CAMPAIGN_DESK_CONTACT_RETENTION_DAYS'),
        sensitiveWords: wordsIn(env('CAMPAIGN_DESK_SENSITIVE_WORDS_FILE')),
        trustedProxies: env.array('CAMPAIGN_DESK_TRUSTED_PROXIES', []).filter(Boolean),
        // JSON objects overriding the defaults of the rate limits and the proof of work.
        limits: env.json('CAMPAIGN_DESK_PARTICIPATION_LIMITS'),
        proof: env.json('CAMPAIGN_DESK_PARTICIPATION_PROOF'),
      },
    },
  },
});

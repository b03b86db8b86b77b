import type { Core } from '@strapi/strapi';
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'campaign-desk': {
    enabled: true,
    resolve: './src/plugins/campaign-desk',
    config: {
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
    },
  },
});

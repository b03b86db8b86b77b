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
    },
  },
});

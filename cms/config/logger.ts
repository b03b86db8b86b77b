import type { Core } from '@strapi/strapi';

// Strapi merges this into its default logger configuration.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', 'http'),
});

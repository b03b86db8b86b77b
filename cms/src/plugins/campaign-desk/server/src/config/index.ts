import { z } from 'zod';

const configSchema = z.object({
  snapshot: z
    .object({
      /** Ask for an API token (read-only is enough) on the snapshot API. */
      requireToken: z.boolean().default(true),
      defaultPageSize: z.number().int().min(1).max(1000).default(200),
      maxPageSize: z.number().int().min(1).max(1000).default(500),
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

/**
 * Deletes readers' contact details once their retention period is over
 * (`participation.contactRetentionDays`, 180 days unless configured): at start-up and then
 * every `retentionSweepMs`. A sweep that fails is logged and tried again at the next.
 */
import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../../config/read';
import { defineService, getService } from '../../utils';
import contactVault from './contact-vault';

export default defineService('retention', ({ strapi }: { strapi: Core.Strapi }) => {
  let timer: NodeJS.Timeout | undefined;
  let sweep: Promise<number> | undefined;

  async function run(now = new Date()): Promise<number> {
    const deleted = await getService(strapi, contactVault).purge(now);
    if (deleted > 0) strapi.log.info(`[campaign-desk] deleted the contact details of ${deleted} submissions, their retention period over`);
    return deleted;
  }

  return {
    /** One sweep now; returns how many contacts it deleted. */
    sweep(now?: Date): Promise<number> {
      return run(now);
    },

    start(): void {
      const tick = () => {
        sweep = run().catch((error: Error) => {
          strapi.log.error(`[campaign-desk] deleting expired contact details failed: ${error.message}`);
          return 0;
        });
      };
      tick();
      timer = setInterval(tick, pluginConfig(strapi).participation.retentionSweepMs).unref();
    },

    async stop(): Promise<void> {
      clearInterval(timer);
      await sweep;
    },
  };
});

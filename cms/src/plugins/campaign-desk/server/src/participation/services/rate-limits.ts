/**
 * The public forms' rate limits (`participation.limits`): at most `max` in any `windowMs`, per
 * key (an address, or one key for all), counted in the database every CMS instance shares
 * (counters/services/counters.ts), so two instances behind nginx give one allowance, not two.
 * A refusal is one read by primary key and no write, so a flood stays cheap to turn away.
 */
import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../../config';
import { pluginConfig } from '../../config/read';
import counters, { type Ticket, type Verdict } from '../../counters/services/counters';
import { defineService, getService } from '../../utils';

export type LimitName = keyof PluginConfig['participation']['limits'];
export type { Ticket, Verdict };

/** Each limit's counter: `rate:<limit>`. */
const counterOf = (name: LimitName) => `rate:${name}`;

export default defineService('rate-limits', ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Counts one for `key` if the limit allows it; otherwise says when it will. */
  take(name: LimitName, key = '*', now = Date.now()): Promise<Verdict> {
    return getService(strapi, counters).take(counterOf(name), key, pluginConfig(strapi).participation.limits[name], now);
  },

  /** Gives back what `take` counted, when what it admitted was turned away later (so a refusal costs no one their turn). */
  giveBack(ticket: Ticket): Promise<void> {
    return getService(strapi, counters).giveBack(ticket);
  },

  /** Forgets every count of every limit (tests). */
  reset(): Promise<void> {
    const names = Object.keys(pluginConfig(strapi).participation.limits) as LimitName[];
    return getService(strapi, counters).reset(names.map(counterOf));
  },
}));

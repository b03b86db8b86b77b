/**
 * Sliding-window rate limits kept in this instance's memory: at most `max` in any `windowMs`,
 * per key (an address, or one key for all). Refusing costs a map lookup and no database work,
 * so a flood is turned away without touching what the newsroom uses. With several Strapi
 * instances each counts its own share (see docs/operator/public-forms.md).
 */
import type { Core } from '@strapi/strapi';
import type { PluginConfig } from '../../config';
import { pluginConfig } from '../../config/read';
import { defineService } from '../../utils';

export type LimitName = keyof PluginConfig['participation']['limits'];
export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

/** How many keys a limit tracks before it forgets those whose windows are over. */
const SWEEP_AT = 10_000;

export default defineService('rate-limits', ({ strapi }: { strapi: Core.Strapi }) => {
  const windows = new Map<LimitName, Map<string, number[]>>();

  function sweep(keys: Map<string, number[]>, now: number, windowMs: number) {
    for (const [key, times] of keys) if (times.at(-1)! <= now - windowMs) keys.delete(key);
  }

  return {
    /** Counts one for `key` if the limit allows it; otherwise says when it will. */
    take(name: LimitName, key = '*', now = Date.now()): Verdict {
      const { max, windowMs } = pluginConfig(strapi).participation.limits[name];
      let keys = windows.get(name);
      if (!keys) windows.set(name, (keys = new Map()));
      if (keys.size >= SWEEP_AT) sweep(keys, now, windowMs);
      const times = (keys.get(key) ?? []).filter((time) => time > now - windowMs);
      if (times.length >= max) {
        keys.set(key, times);
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000)) };
      }
      times.push(now);
      keys.set(key, times);
      return { ok: true };
    },

    /** Gives back what `take` counted, when what it admitted was turned away later (so a refusal costs no one their turn). */
    giveBack(name: LimitName, key = '*'): void {
      windows.get(name)?.get(key)?.pop();
    },

    /** Forgets every count (tests). */
    reset(): void {
      windows.clear();
    },
  };
});

/**
 * The lanes a public post is counted in: a post with a solved proof-of-work challenge (costly
 * to make) in the larger shared lane, the plain form (no JavaScript) in its own per address
 * and in all. Every public form takes its lane here, so a flood of one form is held as a
 * flood of another.
 */
import type { Core } from '@strapi/strapi';
import { PARTICIPATION_MESSAGES } from '@campaign-desk/shared';
import { getService } from '../utils';
import type { Refusal } from './answers';
import rateLimits, { type LimitName } from './services/rate-limits';

export type Lane = { refused: Refusal } | { refused: null; giveBack(): void };

export function takeLane(strapi: Core.Strapi, proven: boolean, address: string): Lane {
  const limits = getService(strapi, rateLimits);
  const lane: Array<[LimitName, string?]> = proven ? [['global']] : [['withoutProofPerAddress', address], ['withoutProofGlobal']];
  const taken: Array<[LimitName, string?]> = [];
  const giveBack = () => {
    for (const [name, key] of taken) limits.giveBack(name, key);
  };
  for (const [name, key] of lane) {
    const verdict = limits.take(name, key);
    if (!verdict.ok) {
      giveBack();
      const message = name.endsWith('Global') || name === 'global' ? PARTICIPATION_MESSAGES.busy : PARTICIPATION_MESSAGES.tooMany;
      return { refused: { status: 429, message, retryAfterSeconds: verdict.retryAfterSeconds } };
    }
    taken.push([name, key]);
  }
  return { refused: null, giveBack };
}

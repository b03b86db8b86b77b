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
import rateLimits, { type LimitName, type Ticket } from './services/rate-limits';

/** Refused, or taken: then `giveBack` returns the turn when what was admitted is turned away later. */
export type Lane = { refused: Refusal } | { refused: null; giveBack(): Promise<void> };

export async function takeLane(strapi: Core.Strapi, proven: boolean, address: string): Promise<Lane> {
  const limits = getService(strapi, rateLimits);
  const lane: Array<[LimitName, string?]> = proven ? [['global']] : [['withoutProofPerAddress', address], ['withoutProofGlobal']];
  const taken: Ticket[] = [];
  const giveBack = async () => {
    await Promise.all(taken.map((ticket) => limits.giveBack(ticket)));
  };
  for (const [name, key] of lane) {
    const verdict = await limits.take(name, key);
    if (!verdict.ok) {
      await giveBack();
      const message = name.endsWith('Global') || name === 'global' ? PARTICIPATION_MESSAGES.busy : PARTICIPATION_MESSAGES.tooMany;
      return { refused: { status: 429, message, retryAfterSeconds: verdict.retryAfterSeconds } };
    }
    taken.push(verdict.ticket);
  }
  return { refused: null, giveBack };
}

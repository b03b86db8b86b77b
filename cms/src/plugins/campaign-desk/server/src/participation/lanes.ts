/**
 * The lanes a public submission is counted in: a post with a solved proof-of-work challenge
 * (costly to make) in the larger shared lane, the plain form (no JavaScript) in its own per
 * address and in all. Every submission form takes its lane here, so a flood of one form is
 * held as a flood of another. A quiz's answers and a like have lanes of their own, taken at
 * the door (gate.ts `doorOf`): the quiz passes none here and only spends its challenge.
 */
import type { Core } from '@strapi/strapi';
import { PARTICIPATION_MESSAGES } from '@campaign-desk/shared';
import { pluginConfig } from '../config/read';
import counters from '../counters/services/counters';
import { getService } from '../utils';
import type { Refusal } from './answers';
import rateLimits, { type LimitName, type Ticket } from './services/rate-limits';

/** Refused, or taken: then `giveBack` returns the turn when what was admitted is turned away later. */
export type Lane = { refused: Refusal } | { refused: null; giveBack(): Promise<void> };

/** A solved challenge's signature, claimed once in the counters every instance shares. */
const SPENT_PROOFS = 'proof:spent';

type Lanes = Array<[LimitName, string?]>;
const submissionLanes = (proof: string | null, address: string): Lanes =>
  proof ? [['global']] : [['withoutProofPerAddress', address], ['withoutProofGlobal']];

export async function takeLane(
  strapi: Core.Strapi,
  proof: string | null,
  address: string,
  lane: Lanes = submissionLanes(proof, address),
): Promise<Lane> {
  const limits = getService(strapi, rateLimits);
  const taken: Ticket[] = [];
  let claimed = false;
  const giveBack = async () => {
    await Promise.all(taken.map((ticket) => limits.giveBack(ticket)));
    if (claimed) await getService(strapi, counters).release(SPENT_PROOFS, proof!);
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
  if (proof) {
    // Two posts of one solved challenge at once, to two instances: one claims it. Kept until
    // any challenge made now has expired (the signature's check refuses it after that).
    const until = Date.now() + pluginConfig(strapi).participation.proof.expiresInSeconds * 1000;
    claimed = await getService(strapi, counters).claim(SPENT_PROOFS, proof, until);
    if (!claimed) {
      await giveBack();
      return { refused: { status: 409, message: PARTICIPATION_MESSAGES.proofReused } };
    }
  }
  return { refused: null, giveBack };
}

/**
 * The proof of work a browser does before it may submit (ALTCHA, self-hosted: challenges are
 * made and checked here with altcha-lib, no third-party service). A challenge is PBKDF2/SHA-256
 * with a secret counter the browser must find; it is signed (HMAC, keys from
 * CAMPAIGN_DESK_PARTICIPATION_KEY) and expires, and its signature is stored with the
 * submission it admitted, under a unique constraint, so each solved challenge admits one.
 */
import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey as pbkdf2 } from 'altcha-lib/algorithms/pbkdf2';
import { z } from 'zod';
import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../../config/read';
import { deriveKey } from '../keys';
import { defineService } from '../../utils';

const ALGORITHM = 'PBKDF2/SHA-256';

/** What the widget posts: base64 JSON of the challenge it was given and its solution. */
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: z.literal(ALGORITHM),
      nonce: z.string().max(256),
      salt: z.string().max(256),
      cost: z.number().int().positive(),
      keyLength: z.number().int().positive().max(64),
      keyPrefix: z.string().max(128),
      keySignature: z.string().max(256).optional(),
      expiresAt: z.number().optional(),
      data: z.record(z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: z.string().min(1).max(256),
  }),
  solution: z.object({ counter: z.number().int().min(0), derivedKey: z.string().max(256) }).passthrough(),
});

export type ProofCheck = { ok: true; signature: string } | { ok: false; reason: 'malformed' | 'expired' | 'invalid' };

export default defineService('proof', ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => pluginConfig(strapi).participation;
  let secrets: { signature: string; keySignature: string } | null = null;
  const secretsOf = () =>
    (secrets ??= {
      signature: deriveKey(settings().key, 'proof-signature').toString('base64'),
      keySignature: deriveKey(settings().key, 'proof-key-signature').toString('base64'),
    });

  return {
    /** A fresh challenge for the widget. */
    async challenge(): Promise<Challenge> {
      const { proof } = settings();
      return createChallenge({
        algorithm: ALGORITHM,
        cost: proof.cost,
        counter: randomInt(proof.counterMin, proof.counterMax),
        deriveKey: pbkdf2,
        expiresAt: Math.floor(Date.now() / 1000) + proof.expiresInSeconds,
        hmacSignatureSecret: secretsOf().signature,
        hmacKeySignatureSecret: secretsOf().keySignature,
      });
    },

    /** Checks what the widget posted; never throws on what a sender made up. */
    async check(value: string): Promise<ProofCheck> {
      let payload: Payload;
      try {
        if (value.length > 4096) return { ok: false, reason: 'malformed' };
        payload = payloadSchema.parse(JSON.parse(Buffer.from(value, 'base64').toString('utf8'))) as Payload;
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      try {
        const result = await verifySolution({
          challenge: payload.challenge,
          solution: payload.solution,
          deriveKey: pbkdf2,
          hmacSignatureSecret: secretsOf().signature,
          hmacKeySignatureSecret: secretsOf().keySignature,
        });
        if (result.verified) return { ok: true, signature: payload.challenge.signature! };
        return { ok: false, reason: result.expired ? 'expired' : 'invalid' };
      } catch {
        return { ok: false, reason: 'invalid' };
      }
    },
  };
});

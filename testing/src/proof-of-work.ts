/**
 * The public forms' proof of work (ALTCHA) for tests and the bench: solved as the site's widget
 * solves it, and a challenge a stand-in of the CMS's route hands a test browser.
 */
import { createChallenge, solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

/** What the widget posts in the `altcha` field once it solved `challenge`. */
export async function solve(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the challenge');
  return Buffer.from(
    JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution }),
  ).toString('base64');
}

/** A challenge signed by a stand-in of the CMS's route, cheap enough for a test browser to solve at once. */
export function standInChallenge(): Promise<Challenge> {
  return createChallenge({ algorithm: 'PBKDF2/SHA-256', cost: 1, counter: 3, deriveKey, hmacSignatureSecret: 'stand-in' });
}

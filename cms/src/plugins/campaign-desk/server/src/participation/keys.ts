/**
 * The keys of public participation, each derived from the one CAMPAIGN_DESK_PARTICIPATION_KEY
 * (HKDF-SHA-256, a label per use), so one secret in `.env` serves both and neither can be
 * mistaken for the other.
 */
import { hkdfSync } from 'node:crypto';

export type KeyUse = 'contact-encryption' | 'proof-signature' | 'proof-key-signature' | 'like-reader';

export function deriveKey(master: string, use: KeyUse): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(master, 'base64'), Buffer.alloc(0), `campaign-desk ${use}`, 32));
}

/**
 * The fingerprint of a page's view: a hash of the view as JSON, with every record it holds
 * written as its content digest. Two views of the same records in the same arrangement
 * have the same fingerprint, so an unchanged fingerprint means an unchanged page.
 */
import { createHash } from 'node:crypto';
import { digestOf } from '../snapshot/record-set';

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    const digest = digestOf(value);
    if (digest !== undefined) return `#${digest}`;
  }
  return value;
}

export function fingerprint(...parts: unknown[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(JSON.stringify(part, replacer) ?? 'undefined').update('\u0000');
  return hash.digest('base64url');
}

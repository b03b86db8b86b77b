/**
 * The project's .env: made from .env.example on first use, every empty secret filled with
 * a random value; existing values are never changed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { envFile, repoRoot } from './paths';

const SECRETS: Record<string, () => string> = {
  APP_KEYS: () => Array.from({ length: 4 }, () => randomBytes(16).toString('base64')).join(','),
  ADMIN_JWT_SECRET: () => randomBytes(32).toString('base64'),
  API_TOKEN_SALT: () => randomBytes(16).toString('base64'),
  TRANSFER_TOKEN_SALT: () => randomBytes(16).toString('base64'),
  ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
};

/** Creates or completes .env; returns the names of the values it filled in. */
export function ensureEnv(): string[] {
  const source = existsSync(envFile) ? envFile : path.join(repoRoot, '.env.example');
  const filled: string[] = [];
  const lines = readFileSync(source, 'utf8')
    .split('\n')
    .map((line) => {
      const match = /^([A-Z_]+)=(.*)$/.exec(line);
      if (!match || match[2] !== '' || !SECRETS[match[1]!]) return line;
      filled.push(match[1]!);
      return `${match[1]}=${SECRETS[match[1]!]!()}`;
    });
  if (filled.length > 0 || source !== envFile) writeFileSync(envFile, lines.join('\n'), { mode: 0o600 });
  return filled;
}

/** Loads .env into this process (values already set in the environment win). */
export function loadEnv(): void {
  ensureEnv();
  process.loadEnvFile(envFile);
}

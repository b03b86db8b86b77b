/**
 * The project's .env: made from .env.example on first use, every empty secret filled with
 * a random value; existing values are never changed. It holds every secret of the CMS and
 * the publisher, so only its owner may read it (0600), whether it was made here or found.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { envFile, repoRoot } from './paths';
import { writePrivateFile } from './private-file';

const SECRETS: Record<string, () => string> = {
  APP_KEYS: () => Array.from({ length: 4 }, () => randomBytes(16).toString('base64')).join(','),
  ADMIN_JWT_SECRET: () => randomBytes(32).toString('base64'),
  API_TOKEN_SALT: () => randomBytes(16).toString('base64'),
  TRANSFER_TOKEN_SALT: () => randomBytes(16).toString('base64'),
  ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
  BACKUP_ENCRYPTION_KEY: () => randomBytes(32).toString('base64url'),
  PUBLISHER_HOOK_SECRET: () => randomBytes(24).toString('base64url'),
  PUBLISHER_TOKEN: () => randomBytes(24).toString('base64url'),
  CAMPAIGN_DESK_PARTICIPATION_KEY: () => randomBytes(32).toString('base64'),
};

/** The secrets .env holds, each made at random when missing. */
export const SECRET_NAMES = Object.keys(SECRETS);

/** Values made from others: the CMS's build hook points at the publisher's control port, with its secret. */
const DERIVED: Record<string, (values: Map<string, string>) => string> = {
  CAMPAIGN_DESK_BUILD_HOOKS: (values) =>
    JSON.stringify([
      {
        name: 'site',
        url: `${controlUrl(values)}/hooks/publish`,
        secret: values.get('PUBLISHER_HOOK_SECRET'),
      },
    ]),
  // The site's forms post to the CMS's participation route, at its public address.
  CAMPAIGN_DESK_SUBMIT_URL: (values) => `${values.get('PUBLIC_URL') || 'http://127.0.0.1:1337'}/api/campaign-desk/participation`,
};

/** Where the publisher takes the hook and answers /status. */
export function controlUrl(values: Map<string, string | undefined> = new Map(Object.entries(process.env))): string {
  return `http://${values.get('PUBLISHER_CONTROL_HOST') || '127.0.0.1'}:${values.get('PUBLISHER_CONTROL_PORT') || '4322'}`;
}

/**
 * Creates or completes .env (`file`, from `example`); returns the names of the values it filled
 * in. A secret or derived value the file has no line for (an .env older than the setting, such
 * as BACKUP_ENCRYPTION_KEY) is added at its end.
 */
export function ensureEnv(file = envFile, example = path.join(repoRoot, '.env.example')): string[] {
  const source = existsSync(file) ? file : example;
  const filled: string[] = [];
  const values = new Map<string, string>();
  const fill = (line: string, rules: Record<string, () => string>) => {
    const match = /^([A-Z_]+)=(.*)$/.exec(line);
    if (!match) return line;
    const [, name, value] = match as unknown as [string, string, string];
    if (value !== '' || !rules[name]) {
      values.set(name, value);
      return line;
    }
    const made = rules[name]!();
    values.set(name, made);
    filled.push(name);
    return `${name}=${made.includes(' ') || made.startsWith('[') ? `'${made}'` : made}`;
  };
  const derived = Object.fromEntries(Object.entries(DERIVED).map(([name, make]) => [name, () => make(values)]));
  const lines = readFileSync(source, 'utf8')
    .split('\n')
    .map((line) => fill(line, SECRETS))
    .map((line) => fill(line, derived));
  const missing: string[] = [];
  for (const rules of [SECRETS, derived]) {
    for (const name of Object.keys(rules).filter((candidate) => !values.has(candidate))) missing.push(fill(`${name}=`, rules));
  }
  if (missing.length > 0) lines.splice(lines.at(-1) === '' ? -1 : lines.length, 0, ...missing);
  if (filled.length > 0 || source !== file) writePrivateFile(file, lines.join('\n'));
  // Found readable by others, it is made the owner's only all the same.
  else chmodSync(file, 0o600);
  return filled;
}

/** Loads .env into this process (values already set in the environment win). */
export function loadEnv(): void {
  ensureEnv();
  process.loadEnvFile(envFile);
}

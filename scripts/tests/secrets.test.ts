/**
 * The demo's secrets: .env and the credentials file readable by their owner only, whether
 * made or found; a password on disk before its account exists, and shown only when made.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialsFile, describeAccounts, ensureAccounts, type AccountDirectory, type DemoAccount } from '../lib/demo-accounts';
import { SECRET_NAMES, ensureEnv } from '../lib/env';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'campaign-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('.env', () => {
  const example = () => {
    const file = path.join(dir, '.env.example');
    writeFileSync(
      file,
      `HOST=127.0.0.1\n${SECRET_NAMES.map((name) => `${name}=`).join('\n')}\nCAMPAIGN_DESK_BUILD_HOOKS=\nCAMPAIGN_DESK_SUBMIT_URL=\n`,
    );
    return file;
  };

  it('is made with random secrets, readable by its owner only', () => {
    const env = path.join(dir, '.env');
    expect(ensureEnv(env, example())).toEqual([...SECRET_NAMES, 'CAMPAIGN_DESK_BUILD_HOOKS', 'CAMPAIGN_DESK_SUBMIT_URL']);
    expect(modeOf(env)).toBe(0o600);
    expect(readFileSync(env, 'utf8')).toMatch(/^ADMIN_JWT_SECRET=\S{20,}$/m);
  });

  it('found readable by others, is made the owner’s only, its values kept and a secret or derived value it lacks added', () => {
    const env = path.join(dir, '.env');
    const found = `HOST=127.0.0.1\n${SECRET_NAMES.filter((name) => name !== 'BACKUP_ENCRYPTION_KEY')
      .map((name) => `${name}=kept-${name}`)
      .join('\n')}\n`;
    writeFileSync(env, found);
    chmodSync(env, 0o644);
    expect(ensureEnv(env, example())).toEqual(['BACKUP_ENCRYPTION_KEY', 'CAMPAIGN_DESK_BUILD_HOOKS', 'CAMPAIGN_DESK_SUBMIT_URL']);
    expect(modeOf(env)).toBe(0o600);
    expect(readFileSync(env, 'utf8')).toMatch(
      new RegExp(
        `^${found}BACKUP_ENCRYPTION_KEY=\\S{32,}\nCAMPAIGN_DESK_BUILD_HOOKS='\\[.*kept-PUBLISHER_HOOK_SECRET.*\\]'\nCAMPAIGN_DESK_SUBMIT_URL=\\S+/api/campaign-desk/participation\n$`,
      ),
    );
  });
});

describe('the demo accounts', () => {
  const accounts: DemoAccount[] = [
    { key: 'admin', email: 'admin@campaign-desk.local', role: '管理员', firstname: '管理员', lastname: '演示' },
    { key: 'campaign-desk-reporter', email: 'reporter@campaign-desk.local', role: '记者', firstname: '记者', lastname: '演示' },
    { key: 'campaign-desk-chief-editor', email: 'chief@campaign-desk.local', role: '主编', firstname: '主编', lastname: '演示' },
  ];

  /** Admin users in memory; `failOn` refuses to make that account, as a crash half-way would. */
  function directory(failOn?: string) {
    const users = new Map<string, string>();
    const accountsOf: AccountDirectory = {
      exists: async (email) => users.has(email),
      async create(account, password) {
        if (account.email === failOn) throw new Error(`refused ${account.email}`);
        users.set(account.email, password);
      },
    };
    return { users, accountsOf };
  }

  it('keeps every password before its account exists: a failure half-way leaves no account without one', async () => {
    const file = new CredentialsFile(path.join(dir, '.demo', 'credentials.json'));
    const { users, accountsOf } = directory('chief@campaign-desk.local');
    await expect(ensureAccounts(file, accountsOf, accounts)).rejects.toThrow('refused chief@campaign-desk.local');
    const kept = file.read();
    expect(users.size).toBe(2);
    for (const [email, password] of users) {
      expect([kept.admin, ...Object.values(kept.newsroom)].find((login) => login?.email === email)?.password).toBe(password);
    }
    expect(modeOf(file.file)).toBe(0o600);

    // The next run makes the missing account with the password the file already holds.
    const chiefPassword = kept.newsroom['campaign-desk-chief-editor']!.password;
    const next = await ensureAccounts(
      file,
      { ...accountsOf, create: async (account, password) => void users.set(account.email, password) },
      accounts,
    );
    expect(next.map((outcome) => outcome.state)).toEqual(['kept', 'kept', 'created']);
    expect(users.get('chief@campaign-desk.local')).toBe(chiefPassword);
  });

  it('shows a password only when the account is made now', async () => {
    const file = new CredentialsFile(path.join(dir, 'credentials.json'));
    const { accountsOf, users } = directory();
    const first = describeAccounts(await ensureAccounts(file, accountsOf, accounts), 'credentials.json');
    for (const [index, password] of [...users.values()].entries()) expect(first[index]).toContain(password);

    chmodSync(file.file, 0o644);
    const again = describeAccounts(await ensureAccounts(file, accountsOf, accounts), 'credentials.json');
    for (const password of users.values()) expect(again.join('\n')).not.toContain(password);
    expect(again[0]).toMatch(/admin@campaign-desk\.local\s+\(password in credentials\.json\)$/);
    // Found readable by others: made its owner's only.
    expect(modeOf(file.file)).toBe(0o600);
  });

  it('says so, and invents nothing, for an account that exists without a kept password', async () => {
    const file = new CredentialsFile(path.join(dir, 'credentials.json'));
    const { accountsOf, users } = directory();
    users.set('admin@campaign-desk.local', 'someone-else-set-this');
    const [admin] = await ensureAccounts(file, accountsOf, accounts);
    expect(admin!.state).toBe('unknown');
    expect(file.read().admin).toBeUndefined();
    expect(describeAccounts([admin!], 'credentials.json')[0]).toContain('admin:reset-user-password --email admin@campaign-desk.local');
  });
});

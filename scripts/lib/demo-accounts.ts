/**
 * The demo's accounts and where their passwords are kept (.demo/credentials.json, which git
 * ignores). A password is on disk before its account exists, so a failure in between (a crash,
 * Ctrl-C, a refused account) leaves at worst a password for an account not made yet, which the
 * next run makes with it, never an account whose password nobody has. The file is written
 * whole and renamed over the old one, readable by its owner only (0600) whether made or found.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writePrivateFile } from './private-file';

const loginSchema = z.object({ email: z.string().email(), password: z.string().min(1) });
const credentialsSchema = z.object({
  admin: loginSchema.optional(),
  /** One account per newsroom role (记者, 编辑, 主编), by role code. */
  newsroom: z.record(loginSchema.extend({ role: z.string() })).default({}),
  /** The site's read-only API token. */
  snapshotToken: z.string().optional(),
  /** 湖北日报's partner token (合作媒体令牌), for the curl line that reports a republication. */
  partnerToken: z.string().optional(),
});

export type Login = z.infer<typeof loginSchema>;
export type Credentials = z.infer<typeof credentialsSchema>;

export class CredentialsFile {
  constructor(readonly file: string) {}

  /** What the file holds (nothing yet when there is none); a broken file is an error, never overwritten. */
  read(): Credentials {
    if (!existsSync(this.file)) return credentialsSchema.parse({});
    chmodSync(this.file, 0o600);
    const parsed = credentialsSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
    if (!parsed.success) {
      throw new Error(`${this.file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    }
    return parsed.data;
  }

  save(credentials: Credentials): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    writePrivateFile(this.file, `${JSON.stringify(credentials, null, 2)}\n`);
  }
}

/** An account the demo makes: the administrator (`key` "admin") or one per newsroom role (its code). */
export interface DemoAccount {
  key: string;
  email: string;
  /** The role's name, as people read it (管理员, 记者…). */
  role: string;
  firstname: string;
  lastname: string;
}

/** The admin users, as the demo needs them. */
export interface AccountDirectory {
  exists(email: string): Promise<boolean>;
  create(account: DemoAccount, password: string): Promise<void>;
}

export type AccountOutcome =
  /** Made now: its password may be shown, this once. */
  | { account: DemoAccount; state: 'created'; password: string }
  /** Made before, its password kept in the file. */
  | { account: DemoAccount; state: 'kept' }
  /** Made before, by someone else or with a file since lost: its password is not known here. */
  | { account: DemoAccount; state: 'unknown' };

/** Strapi asks for upper and lower case letters and a digit. */
const newPassword = () => `Cd1${randomBytes(12).toString('base64url')}`;

function loginOf(credentials: Credentials, key: string): Login | undefined {
  return key === 'admin' ? credentials.admin : credentials.newsroom[key];
}

function keep(credentials: Credentials, account: DemoAccount, login: Login): void {
  if (account.key === 'admin') credentials.admin = login;
  else credentials.newsroom[account.key] = { ...login, role: account.role };
}

/** Makes each account that does not exist yet, its password saved first; says what became of each. */
export async function ensureAccounts(
  file: CredentialsFile,
  directory: AccountDirectory,
  accounts: DemoAccount[],
): Promise<AccountOutcome[]> {
  const credentials = file.read();
  const outcomes: AccountOutcome[] = [];
  for (const account of accounts) {
    const known = loginOf(credentials, account.key);
    const email = known?.email ?? account.email;
    if (await directory.exists(email)) {
      outcomes.push({ account: { ...account, email }, state: known ? 'kept' : 'unknown' });
      continue;
    }
    const login = { email, password: known?.password ?? newPassword() };
    if (!known) {
      keep(credentials, account, login);
      file.save(credentials);
    }
    await directory.create({ ...account, email }, login.password);
    outcomes.push({ account: { ...account, email }, state: 'created', password: login.password });
  }
  return outcomes;
}

/** Lines for the terminal: a password only for an account made now; otherwise where it is, or how to set one. */
export function describeAccounts(outcomes: AccountOutcome[], file: string): string[] {
  return outcomes.map((outcome) => {
    const { role, email } = outcome.account;
    const head = `    ${role.padEnd(4, '　')} ${email.padEnd(30)}`;
    if (outcome.state === 'created') return `${head} ${outcome.password}`;
    if (outcome.state === 'kept') return `${head} (password in ${file})`;
    return `${head} (password not kept here; set one with: pnpm --filter @campaign-desk/cms strapi admin:reset-user-password --email ${email})`;
  });
}

/**
 * Compiles the site for the renderer: `astro build` of the server bundle (see
 * src/integrations/render-adapter.mjs) into `.compiled/<fingerprint>/` inside the site, so
 * the bundle resolves the site's own dependencies. The fingerprint covers everything the
 * bundle is made of (templates, the shared contract, Astro's version, the public address, the
 * footer's settings and where its forms post), so a compile happens once per template version
 * and settings, and a publisher restart or a second publisher on the same site reuses it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEFAULT_SUBMIT_URL } from '@campaign-desk/shared';
import { filesOf, fingerprintOf, runNode } from '@campaign-desk/shared/build';
import { footerFromEnv, footerToEnv, type FooterConfig } from '../src/lib/footer';
import { siteEnvironment } from './environment';

export type Compiled = {
  fingerprint: string;
  /** The server entry the worker imports. */
  entry: string;
  /** The files every release carries as they are (CSS, favicon…). */
  clientDir: string;
  /** Where its forms post (part of its fingerprint). */
  submitUrl: string;
};

const COMPILED = '.compiled';
/** Compiles nobody used for this long are removed (another publisher may still use a recent one). */
const STALE_MS = 24 * 60 * 60 * 1000;
/** A compile still unfinished after this long was killed. */
const ABANDONED_MS = 60 * 60 * 1000;

/**
 * What a compile varies by besides its address: the footer's settings (src/lib/footer.ts) and
 * where the site's forms post, the CMS's public participation route (CAMPAIGN_DESK_SUBMIT_URL).
 * Each comes from this process's environment unless given.
 */
export interface CompileSettings {
  footer?: FooterConfig;
  submitUrl?: string;
}

/** The settings, whole: the footer's are checked here, so a bad one fails before anything is compiled. */
function settle(settings: CompileSettings): Required<CompileSettings> {
  return {
    footer: settings.footer ?? footerFromEnv(process.env),
    submitUrl: settings.submitUrl || process.env.CAMPAIGN_DESK_SUBMIT_URL || DEFAULT_SUBMIT_URL,
  };
}

/** What a compile of the site for `siteUrl` with these settings would be made of, as a hash: a new one means a new compile. */
export async function siteFingerprint(siteDir: string, siteUrl: string, settings: CompileSettings = {}): Promise<string> {
  const { footer, submitUrl } = settle(settings);
  const require = createRequire(path.join(siteDir, 'package.json'));
  const shared = path.dirname(require.resolve('@campaign-desk/shared/package.json'));
  const astro = JSON.parse(await readFile(require.resolve('astro/package.json'), 'utf8')) as { version: string };
  const sources = await filesOf([
    path.join(siteDir, 'src'),
    path.join(siteDir, 'public'),
    ...['astro.config.ts', 'package.json', 'tsconfig.json'].map((file) => path.join(siteDir, file)),
    path.join(shared, 'src'),
  ]);
  return fingerprintOf(siteDir, sources, `${siteUrl}\u0000astro ${astro.version}\u0000${JSON.stringify(footer)}\u0000${submitUrl}\u0000`);
}

/** Astro's command-line script, as its package names it (the file moved between majors). */
async function astroCli(siteDir: string): Promise<string> {
  const manifest = createRequire(path.join(siteDir, 'package.json')).resolve('astro/package.json');
  const { bin } = JSON.parse(await readFile(manifest, 'utf8')) as { bin: { astro: string } };
  return path.join(path.dirname(manifest), bin.astro);
}

async function astroBuild(siteDir: string, env: Record<string, string>): Promise<void> {
  return runNode(await astroCli(siteDir), ['build'], {
    cwd: siteDir,
    // Only the site's variables (see environment.ts): none of the secrets of whoever started
    // us, nor the names Astro reads into `import.meta.env` (a test runner's DEV=1, MODE=test
    // would compile a bundle that believes it runs in development). A production build
    // whatever started us: Strapi sets NODE_ENV=development when unset.
    env: { ...siteEnvironment(), ...env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
    failure: 'compiling the site failed',
  });
}

export async function compileSite(
  siteDir: string,
  siteUrl: string,
  log: (line: string) => void = () => {},
  settings: CompileSettings = {},
): Promise<Compiled> {
  const { footer, submitUrl } = settle(settings);
  const fingerprint = await siteFingerprint(siteDir, siteUrl, { footer, submitUrl });
  const root = path.join(siteDir, COMPILED);
  const dir = path.join(root, fingerprint);
  if (!existsSync(path.join(dir, 'server', 'entry.mjs'))) {
    log(`compiling the site (${fingerprint})`);
    const partial = path.join(root, `${fingerprint}.partial-${randomBytes(4).toString('hex')}`);
    await mkdir(root, { recursive: true });
    try {
      await astroBuild(siteDir, {
        SITE_URL: siteUrl,
        ...footerToEnv(footer),
        CAMPAIGN_DESK_SUBMIT_URL: submitUrl,
        CAMPAIGN_DESK_OUT_DIR: partial,
        CAMPAIGN_DESK_CACHE_DIR: path.join(root, 'cache'),
      });
      // Renamed only once whole: a compile that was killed is never taken for a finished one.
      if (existsSync(dir)) await rm(partial, { recursive: true, force: true });
      else await rename(partial, dir);
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      throw error;
    }
  }
  const now = new Date();
  await utimes(dir, now, now);
  for (const name of await readdir(root)) {
    if (name === fingerprint || name === 'cache') continue;
    const other = path.join(root, name);
    const age = now.getTime() - (await stat(other)).mtimeMs;
    if (age > (name.includes('.partial-') ? ABANDONED_MS : STALE_MS)) await rm(other, { recursive: true, force: true });
  }
  return { fingerprint, entry: path.join(dir, 'server', 'entry.mjs'), clientDir: path.join(dir, 'client'), submitUrl };
}

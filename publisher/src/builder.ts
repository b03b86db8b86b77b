/** Runs the Astro site build (content sync, pages, feeds, search index) into a release directory. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface BuildResult {
  ok: boolean;
  /** The end of the build's output: where a failing record or check is named. */
  log: string;
}

export type SiteBuilder = (options: { outDir: string; cacheDir: string }) => Promise<BuildResult>;

const TAIL_LINES = 60;

/** The real builder: `astro build` in the site package, with the content source from `env`. */
export function astroBuilder(siteDir: string, env: Record<string, string>): SiteBuilder {
  const astro = path.join(path.dirname(createRequire(path.join(siteDir, 'package.json')).resolve('astro/package.json')), 'astro.js');
  return ({ outDir, cacheDir }) =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [astro, 'build'], {
        cwd: siteDir,
        env: {
          ...process.env,
          ...env,
          // A production build whatever started us: Strapi sets NODE_ENV=development when unset,
          // and a development build loads the content once per page.
          NODE_ENV: 'production',
          CAMPAIGN_DESK_OUT_DIR: outDir,
          CAMPAIGN_DESK_CACHE_DIR: cacheDir,
          ASTRO_TELEMETRY_DISABLED: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const lines: string[] = [];
      const keep = (chunk: Buffer) => {
        lines.push(...chunk.toString('utf8').split('\n'));
        if (lines.length > TAIL_LINES * 4) lines.splice(0, lines.length - TAIL_LINES);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('close', (code) => {
        const log = lines.slice(-TAIL_LINES).join('\n').replace(/\u001b\[[0-9;]*m/g, '').trim();
        resolve({ ok: code === 0, log });
      });
    });
}

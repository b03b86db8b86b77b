/** The site as a plain directory (`pnpm build` in site/, the site's tests): every file of a whole plan, written as handed back. */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { siteFiles } from './site-files';
import type { Plan, SiteRenderer } from './site-renderer';

/** Writes a whole plan's files into `dir`; answers how many. */
export async function exportSite(renderer: SiteRenderer, plan: Plan, dir: string): Promise<number> {
  const scratch = await mkdtemp(path.join(path.dirname(path.resolve(dir)), '.search-'));
  let count = 0;
  try {
    await siteFiles(renderer, plan, { whole: true, scratch }, async (file) => {
      const target = path.join(dir, file.file);
      await mkdir(path.dirname(target), { recursive: true });
      if ('body' in file) await writeFile(target, file.body);
      else await copyFile(file.source, target);
      count += 1;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return count;
}

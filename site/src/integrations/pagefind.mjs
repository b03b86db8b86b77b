// @ts-check
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site with Pagefind once `astro build` has written it. The npm package
 * runs the extended binary (pagefind_extended), which segments Chinese text, so a query like
 * 唐光友 finds the pages that contain it. Only pages marked data-pagefind-body are indexed.
 * @returns {import('astro').AstroIntegration}
 */
export function pagefindIntegration() {
  return {
    name: 'campaign-desk-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // Announced so that build measurements (pnpm bench) can tell pages from indexing.
        logger.info('indexing pages for search…');
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
          if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages for search`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

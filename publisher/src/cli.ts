/**
 * campaign-desk-publisher start | build [--force] | rollback [release] | releases
 *
 * `start` serves the hook, /status and the live release, and builds once at start-up so a
 * publish missed while it was down (or a build it was killed in) is caught up.
 */
import { parseArgs } from 'node:util';
import { astroBuilder } from './builder';
import { loadConfig } from './config';
import { Publisher } from './publisher';
import { createServer } from './server';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
const [command = 'start', argument] = positionals;

async function main() {
  const config = loadConfig();
  const publisher = await new Publisher({
    dataDir: config.dataDir,
    siteUrl: config.siteUrl,
    keepReleases: config.keepReleases,
    minPageRatio: config.minPageRatio,
    builder: astroBuilder(config.siteDir, { ...config.contentEnv, SITE_URL: config.siteUrl }),
    log: (line) => console.log(`[publisher] ${line}`),
  }).open();

  switch (command) {
    case 'start': {
      const server = await createServer({ publisher, hookSecret: config.hookSecret });
      await server.listen({ host: config.host, port: config.port });
      console.log(`[publisher] serving http://${config.host}:${config.port}/ (hook: POST /hooks/publish, status: /status)`);
      publisher.request('start-up');
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'build': {
      publisher.request('by hand', { force: values.force });
      await publisher.idle();
      const { lastBuild } = await publisher.status();
      if (!lastBuild?.ok) process.exitCode = 1;
      return;
    }
    case 'rollback':
      console.log(`[publisher] live release is now ${await publisher.releases.rollback(argument)}`);
      return;
    case 'releases': {
      const { live, releases } = await publisher.status();
      for (const release of releases) console.log(`${release === live ? '*' : ' '} ${release}`);
      return;
    }
    default:
      throw new Error(`unknown command ${command}; use start, build [--force], rollback [release] or releases`);
  }
}

main().catch((error: unknown) => {
  console.error(`[publisher] ${(error as Error).message}`);
  process.exitCode = 1;
});

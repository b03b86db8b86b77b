/**
 * campaign-desk-publisher start | build [--force] [--whole] | rollback [release] | releases
 *
 * `start` serves the site, and (on the control port) the hook and /status; it builds the
 * whole site at start-up, so a publish missed while it was down (or a build it was killed in)
 * is caught up.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SiteAddress } from '@campaign-desk/shared';
import { loadConfig } from './config';
import { cmsDrafts } from './preview';
import { Publisher } from './publisher';
import { fileReplayStore } from './replay-store';
import { createControlServer, createSiteServer } from './server';
import { UndeliveredEvents } from './undelivered';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { force: { type: 'boolean', default: false }, whole: { type: 'boolean', default: false } },
});
const [command = 'start', argument] = positionals;

async function main() {
  const config = loadConfig();
  const publisher = await new Publisher({
    dataDir: config.dataDir,
    siteDir: config.siteDir,
    siteUrl: config.siteUrl,
    submitUrl: config.submitUrl,
    source: config.source,
    keepReleases: config.keepReleases,
    minPageRatio: config.minPageRatio,
    now: config.now,
    preview: config.preview,
    log: (line) => console.log(`[publisher] ${line}`),
  }).open();

  switch (command) {
    case 'start': {
      // A fault anywhere is logged, never the end of the site: builds catch their own errors, this is the net under them.
      process.on('unhandledRejection', (reason) => console.error(`[publisher] unexpected: ${(reason as Error)?.stack ?? reason}`));
      const drafts = cmsDrafts(config.source);
      const preview = drafts ? { secret: config.hookSecret, drafts } : undefined;
      const site = await createSiteServer({ publisher, siteUrl: config.siteUrl, preview });
      const undelivered = new UndeliveredEvents(config.source);
      // Seen event ids are kept beside the releases, so a restarted publisher still knows a replay.
      const replayStore = fileReplayStore(path.join(config.dataDir, 'seen-events.json'), {
        log: (line) => console.log(`[publisher] ${line}`),
      });
      const control = await createControlServer({
        publisher,
        undelivered,
        hookSecret: config.hookSecret,
        token: config.token,
        replayStore,
      });
      await site.listen({ host: config.host, port: config.port });
      await control.listen({ host: config.controlHost, port: config.controlPort });
      console.log(`[publisher] site: http://${config.host}:${config.port}${new SiteAddress(config.siteUrl).base}`);
      console.log(
        `[publisher] control: http://${config.controlHost}:${config.controlPort}/ (POST /hooks/publish, GET /status with the token)`,
      );
      publisher.request('start-up');
      const stop = async () => {
        await Promise.all([site.close(), control.close()]);
        await publisher.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'build': {
      publisher.request('by hand', { force: values.force, whole: values.whole });
      await publisher.idle();
      await publisher.close();
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
      throw new Error(`unknown command ${command}; use start, build [--force] [--whole], rollback [release] or releases`);
  }
}

main().catch((error: unknown) => {
  console.error(`[publisher] ${(error as Error).message}`);
  process.exitCode = 1;
});

/** Builds: what content cannot do to the live release, and how releases are written, kept, rolled back and cleared. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { records, restartPublisher, story, system } from './system';

export function builds(): void {
  describe('what content cannot do', () => {
    it('a placement whose URL is the site’s own address followed by /% is a warning; the release goes live', async () => {
      const placement = records.find((record) => record.type === 'placement')!;
      system.api.publish({ ...placement, url: 'https://publisher-test.example.org/%' });
      const status = await system.build('placement');
      expect(status.lastBuild!.ok).toBe(true);
      expect(status.lastBuild!.warnings).toEqual([expect.stringContaining(`上稿记录（${placement.documentId}）的网址（url）`)]);
      expect((await system.get('/')).status).toBe(200);
      system.api.publish(placement);
      expect((await system.build('placement fixed')).lastBuild!.warnings).toEqual([]);
    });

    it('a record that breaks the contract fails the build, names it, and leaves the live release serving', async () => {
      const live = (await system.status()).live;
      const broken = story('sample-story-031');
      system.api.publish({ ...broken, kind: 'video', mediaUrl: null });
      const status = await system.build('broken record');
      expect(status.lastBuild!.ok).toBe(false);
      expect(status.lastBuild!.error).toContain(broken.documentId);
      expect(status.live).toBe(live);
      expect((await system.get('/stories/sample-story-031/')).status).toBe(200);
      expect(await readdir(path.join(system.dataDir, 'releases'))).not.toContainEqual(expect.stringMatching(/\.partial$/));
      system.api.publish(broken);
      const fixed = await system.build('fixed');
      expect(fixed.lastBuild).toMatchObject({ ok: true, mode: 'incremental' });
    });

    it('a publish that withdraws most of the site is refused unless forced', async () => {
      const withdrawn = records.filter((record) => record.type === 'story').slice(0, 120);
      for (const record of withdrawn) system.api.withdraw('story', record.documentId);
      const refused = await system.build('mass withdrawal');
      expect(refused.lastBuild!.ok).toBe(false);
      expect(refused.lastBuild!.error).toMatch(/page count/);
      const forced = await system.build('mass withdrawal, on purpose', { force: true });
      expect(forced.lastBuild!.ok).toBe(true);
      expect((await system.get(`/stories/${withdrawn[0]!.slug}/`)).status).toBe(404);
      for (const record of withdrawn) system.api.publish(record);
      expect((await system.build('back')).lastBuild!.ok).toBe(true);
    });
  });

  describe('releases', () => {
    it('a publish writes only the directories it changed and shares the rest; the release before stays as it was; pruning keeps every tree a kept release uses', async () => {
      const before = (await system.status()).live!;
      const old = path.join(system.dataDir, 'releases', before);
      const oldPage = await readFile(path.join(old, 'stories/sample-story-031/index.html'), 'utf8');
      system.api.publish({ ...story('sample-story-031'), title: '【示例】只改这一篇' });
      const { live } = await system.build('one story');
      const now = path.join(system.dataDir, 'releases', live!);
      // The story's own directory is new; a figure's page, which does not show it, is the same directory in both.
      expect(await realpath(path.join(now, 'stories/sample-story-031'))).not.toBe(
        await realpath(path.join(old, 'stories/sample-story-031')),
      );
      expect(await realpath(path.join(now, 'figures'))).toBe(await realpath(path.join(old, 'figures')));
      expect(await readFile(path.join(now, 'stories/sample-story-031/index.html'), 'utf8')).toContain('只改这一篇');
      expect(await readFile(path.join(old, 'stories/sample-story-031/index.html'), 'utf8')).toBe(oldPage);

      for (let n = 0; n < 3; n += 1) {
        system.api.publish({ ...story('sample-story-033'), title: `【示例】第${n}次修改` });
        await system.build(`edit ${n}`);
      }
      await system.publisher.idle();
      const { releases } = await system.status();
      expect(releases.length).toBeLessThanOrEqual(3);
      const used = new Set<string>();
      for (const release of releases)
        for (const tree of (await readFile(path.join(system.dataDir, 'manifests', release), 'utf8')).split('\n')) used.add(tree);
      const trees = (await readdir(path.join(system.dataDir, 'trees'))).filter((name) => !name.startsWith('.'));
      expect(trees.filter((tree) => !used.has(tree))).toEqual([]);
      expect([...used].filter((tree) => !trees.includes(tree))).toEqual([]);
      for (const release of releases) expect(existsSync(path.join(system.dataDir, 'releases', release, 'index.html'))).toBe(true);
    });

    it('a publish goes live before its search shards, which follow in a release of their own; a withdrawal leaves search in its own release', async () => {
      const bundles = async (release: string) => realpath(path.join(system.dataDir, 'releases', release, 'pagefind'));
      const before = (await system.status()).live!;
      // Enough new stories at once for the shards they change to hold 50 records or more (the fixture's hold about ten each).
      const added = Array.from({ length: 10 }, (_, n) => ({
        ...story('sample-story-034'),
        documentId: `sf${String(n).padStart(22, '0')}`,
        slug: `search-follows-${n}`,
        title: `【示例】搜索随后 ${n}`,
      }));
      for (const record of added) system.api.publish(record);
      const published = await system.build('new stories');
      const [search, pages] = published.recent;
      expect(pages).toMatchObject({ ok: true, mode: 'incremental', reasons: ['new stories'] });
      expect(search).toMatchObject({ ok: true, mode: 'incremental', rendered: 0, reasons: [`search shards of ${pages!.release}`] });
      expect(published.live).toBe(search!.release);
      // The pages' release shares the live search bundles as they were; the next one replaces them.
      expect(await bundles(pages!.release)).toBe(await bundles(before));
      expect(await bundles(search!.release)).not.toBe(await bundles(before));

      for (const record of added) system.api.withdraw('story', record.documentId);
      const withdrawn = await system.build('withdrawn');
      expect(withdrawn.recent[0]).toMatchObject({ ok: true, error: null, reasons: ['withdrawn'] });
      expect(await bundles(withdrawn.live!)).not.toBe(await bundles(search!.release));
      expect((await system.get('/stories/search-follows-0/')).status).toBe(404);
    });

    it('are kept, rolled back to, and a rollback makes the next build whole', async () => {
      const { releases, live } = await system.status();
      expect(releases.length).toBeGreaterThanOrEqual(2);
      expect(releases.length).toBeLessThanOrEqual(3);
      const previous = await system.publisher.releases.rollback();
      expect(previous).not.toBe(live);
      system.api.publish({ ...story('sample-story-032'), title: '【示例】回滚之后' });
      const after = await system.build('after rollback');
      expect(after.lastBuild).toMatchObject({ ok: true, mode: 'whole' });
      expect(await (await system.get('/stories/sample-story-032/')).text()).toContain('回滚之后');
    });

    it('a build killed half-way leaves a partial release that is never listed, and is cleared at start-up', async () => {
      const partial = system.publisher.releases.partialDir(system.publisher.releases.newId());
      await mkdir(partial, { recursive: true });
      await writeFile(path.join(partial, 'index.html'), 'half');
      expect((await system.status()).releases.some((release) => release.endsWith('.partial'))).toBe(false);
      await expect(system.publisher.releases.rollback(path.basename(partial))).rejects.toThrow(/no release/);
      await restartPublisher();
      expect(existsSync(partial)).toBe(false);
      const restarted = await system.build('start-up');
      expect(restarted.lastBuild).toMatchObject({ ok: true, mode: 'whole' });
    });
  });
}

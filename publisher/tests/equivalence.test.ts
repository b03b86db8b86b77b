/**
 * The fast path is trustworthy: a sequence of publishes, edits, withdrawals and deletions,
 * each built incrementally, leaves a release identical, file for file and byte for byte, to
 * a whole build of the same content.
 *
 * It builds the public site (not a preview) from a fixture in which half the stories and
 * placements are real, so that what a sample flag keeps out of feeds and coverage moves too.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { fixtureRecords, startSystem, type Records, type System } from './support/system';

const systems: System[] = [];
afterAll(async () => {
  for (const system of systems) await system.stop();
});

/** mulberry32: the same sequence of changes on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every file a web server serves from `dir`, following links as it does (a release is a tree of linked directories). */
async function tree(dir: string, files = new Map<string, Buffer>(), prefix = ''): Promise<Map<string, Buffer>> {
  for (const name of await readdir(dir)) {
    const at = path.join(dir, name);
    if ((await stat(at)).isDirectory()) await tree(at, files, path.join(prefix, name));
    else files.set(path.join(prefix, name), await readFile(at));
  }
  return files;
}

/** Kinds a story can take whatever it holds (no media link or clause needed). */
const PLAIN_KINDS = ['news', 'feature', 'commentary', 'roundup', 'research', 'speech'];

test('incremental builds after every kind of change and 30 more equal a whole build of the same content', async () => {
  const records: Records = fixtureRecords().map((record, index) =>
    (record.type === 'story' || record.type === 'placement') && index % 2 === 0 ? { ...record, sample: false } : record,
  );
  const incremental = await startSystem({ records, preview: false });
  systems.push(incremental);
  expect((await incremental.build('start-up')).lastBuild).toMatchObject({ ok: true, mode: 'whole' });

  const next = random(9);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  const current = new Map(records.map((record) => [`${record.type}:${record.documentId}`, record]));
  const of = (type: string) => [...current.values()].filter((record) => record.type === type);
  const publish = (record: Record<string, any>) => {
    current.set(`${record.type}:${record.documentId}`, record);
    incremental.api.publish(record);
  };
  const withdraw = (record: Record<string, any>) => {
    current.delete(`${record.type}:${record.documentId}`);
    incremental.api.withdraw(record.type, record.documentId);
  };
  let counter = 0;
  const changes: Array<[string, () => void]> = [
    [
      'publish a new story, the newest',
      () => {
        const template = pick(of('story'));
        counter += 1;
        publish({
          ...template,
          documentId: `new${String(counter).padStart(21, '0')}`,
          slug: `new-story-${counter}`,
          date: `2020-12-${String(10 + counter).padStart(2, '0')}T02:00:00.000Z`,
          title: `【示例】新稿件 ${counter}`,
        });
      },
    ],
    [
      'publish a new story dated in the past',
      () => {
        const template = pick(of('story'));
        counter += 1;
        publish({
          ...template,
          documentId: `old${String(counter).padStart(21, '0')}`,
          slug: `old-story-${counter}`,
          date: '2020-05-02T02:00:00.000Z',
          title: `【示例】补发稿件 ${counter}`,
        });
      },
    ],
    [
      'edit a title',
      () => {
        const target = pick(of('story'));
        publish({ ...target, title: `${target.title}（修改）`, updatedAt: '2026-12-01T00:00:00.000Z' });
      },
    ],
    [
      'move a story to another date',
      () => {
        const target = pick(of('story'));
        publish({ ...target, date: `2020-0${6 + Math.floor(next() * 3)}-1${Math.floor(next() * 9)}T03:00:00.000Z` });
      },
    ],
    [
      'move a story to another column',
      () => {
        const target = pick(of('story'));
        publish({ ...target, columnIds: [pick(of('column')).documentId] });
      },
    ],
    ['withdraw a story', () => withdraw(pick(of('story')))],
    [
      'rename an outlet',
      () => {
        const target = pick(of('outlet'));
        publish({ ...target, name: `${target.name}（新名）` });
      },
    ],
    [
      'add a placement',
      () => {
        counter += 1;
        publish({
          ...pick(of('placement')),
          documentId: `placement${String(counter).padStart(15, '0')}`,
          storyId: pick(of('story')).documentId,
          outletId: pick(of('outlet')).documentId,
        });
      },
    ],
    ['withdraw a placement', () => withdraw(pick(of('placement')))],
    [
      'edit a figure',
      () => {
        const target = pick(of('figure'));
        publish({ ...target, summary: `${target.summary}（补充）` });
      },
    ],
    [
      'edit a clause of the 《意见》',
      () => {
        const opinion = pick(of('opinion'));
        const clauses = opinion.clauses.map((clause: Record<string, any>, index: number) =>
          index === 0 ? { ...clause, text: `${clause.text}（修订）` } : clause,
        );
        publish({ ...opinion, clauses });
      },
    ],
    [
      'edit a column’s description',
      () => {
        const target = pick(of('column'));
        publish({ ...target, description: `${target.description ?? ''}专栏介绍更新。` });
      },
    ],
    ['withdraw a good deed', () => withdraw(pick(of('goodDeed')))],
    [
      'add a real good deed',
      () => {
        counter += 1;
        publish({
          ...pick(of('goodDeed')),
          documentId: `deed${String(counter).padStart(20, '0')}`,
          title: `新的好事 ${counter}`,
          date: '2020-09-25',
          sample: false,
        });
      },
    ],
    [
      'mark a story 重点, or unmark it',
      () => {
        const target = pick(of('story'));
        publish({ ...target, featured: !target.featured });
      },
    ],
    [
      'change a story’s kind',
      () => {
        const target = pick(of('story').filter((story) => PLAIN_KINDS.includes(story.kind)));
        publish({ ...target, kind: pick(PLAIN_KINDS.filter((kind) => kind !== target.kind)) });
      },
    ],
    [
      'a sample story turns out real, or a real one a sample',
      () => {
        const target = pick(of('story'));
        publish({ ...target, sample: !target.sample });
      },
    ],
    [
      'a placement or an outlet turns out a sample, or real',
      () => {
        const target = pick([...of('placement'), ...of('outlet')]);
        publish({ ...target, sample: !target.sample });
      },
    ],
    [
      'an event’s date turns out a placeholder, or is confirmed',
      () => {
        const target = pick(of('event'));
        publish({ ...target, sampleDate: !target.sampleDate });
      },
    ],
    [
      'accept a good deed a reader reported',
      () => {
        counter += 1;
        publish({
          ...pick(of('goodDeed')),
          documentId: `deed${String(counter).padStart(20, '0')}`,
          title: `群众报告的好事 ${counter}`,
          date: `2020-07-0${1 + Math.floor(next() * 9)}`,
          reportedByPublic: true,
          sample: false,
        });
      },
    ],
    [
      'adopt a reader’s suggestion',
      () => {
        counter += 1;
        publish({
          ...pick(of('suggestion')),
          documentId: `suggestion${String(counter).padStart(14, '0')}`,
          text: `读者建议 ${counter}：多开展群众参与的活动。`,
          topic: pick(['zengzhangji', 'shifanqu', 'gongyuan_chengshi', 'qita']),
          repliedOn: `2020-09-1${counter % 10}`,
          sample: false,
        });
      },
    ],
    [
      'edit the reply to a suggestion',
      () => {
        const target = pick(of('suggestion'));
        publish({ ...target, reply: `${target.reply}（补充回复）` });
      },
    ],
    ['withdraw a suggestion', () => withdraw(pick(of('suggestion')))],
  ];

  // Every kind of change once, then 30 drawn at random (the same on every run).
  const sequence = [...changes, ...Array.from({ length: 30 }, () => pick(changes))];
  for (const [step, [name, change]] of sequence.entries()) {
    change();
    const status = await incremental.build(`${step + 1}: ${name}`);
    expect(status.lastBuild, `${step + 1}: ${name}`).toMatchObject({ ok: true });
  }
  const last = await incremental.status();
  expect(last.lastBuild!.mode).toBe('incremental');

  const whole = await startSystem({ records: [...current.values()], preview: false });
  systems.push(whole);
  expect((await whole.build('whole')).lastBuild).toMatchObject({ ok: true, mode: 'whole' });

  const [a, b] = await Promise.all([tree(path.join(incremental.dataDir, 'live')), tree(path.join(whole.dataDir, 'live'))]);
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter(
    (file) => !a.get(file)?.equals(b.get(file) ?? Buffer.alloc(0)) || !b.has(file),
  );
  expect(differing).toEqual([]);
  expect(a.size).toBeGreaterThan(500);
  // About fifty builds: a minute on an idle machine, more on a busy one.
}, 300_000);

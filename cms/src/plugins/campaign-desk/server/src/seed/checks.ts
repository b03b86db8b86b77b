/**
 * A seed file judged before anything is written: against its schema, then every reference
 * against the file and the database, and no record twice. Each problem names the file, the
 * record and the field.
 */
import type { z } from 'zod';
import { datasetSchema, type Dataset } from './dataset';

export class SeedError extends Error {
  override readonly name = 'SeedError';
}

export type Section = keyof Dataset;

/** How a record of a section is named in an error: by slug, or by what identifies it. */
export function describe(section: Section, index: number, record: unknown): string {
  const fields = (record ?? {}) as Record<string, unknown>;
  const key = fields.slug ?? (section === 'placements' ? `${fields.story} → ${fields.outlet}` : fields.title);
  return `${section}[${index}]${key ? ` (${JSON.stringify(key)})` : ''}`;
}

export function parse(input: unknown, source: string): Dataset {
  const result = datasetSchema.safeParse(input);
  if (result.success) return result.data;
  const raw = (input ?? {}) as Record<string, unknown[]>;
  const lines = result.error.issues.map((issue: z.ZodIssue) => {
    const [section, index, ...field] = issue.path;
    if (typeof section === 'string' && typeof index === 'number') {
      const record = describe(section as Section, index, raw[section]?.[index]);
      return `${source}: ${record}, field ${field.join('.') || '(record)'}: ${issue.message}`;
    }
    return `${source}: ${issue.path.join('.') || '(file)'}: ${issue.message}`;
  });
  throw new SeedError(lines.join('\n'));
}

/** Slug → documentId of what the database holds, per type a seed file refers to. */
export type KnownIds = Record<
  'theme' | 'activity' | 'place' | 'outlet' | 'column' | 'figure' | 'event' | 'opinion' | 'story',
  Map<string, string>
>;

/** Every reference that names nothing of the file or the database, and every record given twice. */
export function problemsOf(data: Dataset, source: string, ids: KnownIds, clauseIds: Map<string, string>): string[] {
  const problems: string[] = [];
  const known = (type: keyof typeof ids, fromFile: Array<{ slug: string }>) =>
    new Set([...ids[type].keys(), ...fromFile.map((record) => record.slug)]);
  const outlets = known('outlet', data.outlets);
  const columns = known('column', data.columns);
  const figures = known('figure', data.figures);
  const events = known('event', data.events);
  const stories = known('story', data.stories);
  // A file's clauses are written only with an opinion the seed creates: an opinion the
  // database holds keeps its own clauses, so a reference to one only the file has would dangle.
  const clausesOfFile = (opinions: Dataset['opinions']) =>
    opinions.flatMap((opinion) => opinion.clauses.map((clause) => `${opinion.slug}#${clause.order}`));
  const clauses = new Set([...clauseIds.keys(), ...clausesOfFile(data.opinions.filter((opinion) => !ids.opinion.has(opinion.slug)))]);
  const clausesNotWritten = new Set(clausesOfFile(data.opinions.filter((opinion) => ids.opinion.has(opinion.slug))));
  const check = (section: Section, index: number, record: unknown, field: string, refs: Array<string | undefined>, pool: Set<string>) => {
    for (const ref of refs) {
      if (ref === undefined || pool.has(ref)) continue;
      const why = clausesNotWritten.has(ref)
        ? `${JSON.stringify(ref)} is a clause only this file has, of an opinion the database already holds (whose clauses the seed leaves as they are)`
        : `nothing is called ${JSON.stringify(ref)}`;
      problems.push(`${source}: ${describe(section, index, record)}, field ${field}: ${why}`);
    }
  };
  data.columns.forEach((r, i) => check('columns', i, r, 'outlets', r.outlets, outlets));
  data.opinions.forEach((r, i) => check('opinions', i, r, 'adoptedAt', [r.adoptedAt], events));
  data.stories.forEach((r, i) => {
    check('stories', i, r, 'outlet', [r.outlet], outlets);
    check('stories', i, r, 'print.outlet', [r.print?.outlet], outlets);
    check('stories', i, r, 'columns', r.columns, columns);
    check('stories', i, r, 'figures', r.figures, figures);
    check('stories', i, r, 'clauses', r.clauses, clauses);
    check('stories', i, r, 'event', [r.event], events);
  });
  data.goodDeeds.forEach((r, i) => check('goodDeeds', i, r, 'figure', [r.figure], figures));
  data.quizzes.forEach((r, i) =>
    check(
      'quizzes',
      i,
      r,
      'questions.clause',
      r.questions.map((question) => question.clause),
      clauses,
    ),
  );
  data.placements.forEach((r, i) => {
    check('placements', i, r, 'story', [r.story], stories);
    check('placements', i, r, 'outlet', [r.outlet], outlets);
  });
  /** Records of a section that are one record twice (by `key`, how the seed knows a record exists). */
  const duplicates = <T>(section: Section, records: T[], field: string, key: (record: T) => string) => {
    const first = new Map<string, number>();
    records.forEach((record, index) => {
      const earlier = first.get(key(record));
      if (earlier === undefined) first.set(key(record), index);
      else problems.push(`${source}: ${describe(section, index, record)}, field ${field}: the same record as ${section}[${earlier}]`);
    });
  };
  const bySlug = (record: { slug: string }) => record.slug;
  duplicates('outlets', data.outlets, 'slug', bySlug);
  duplicates('columns', data.columns, 'slug', bySlug);
  duplicates('figures', data.figures, 'slug', bySlug);
  duplicates('events', data.events, 'slug', bySlug);
  duplicates('opinions', data.opinions, 'slug', bySlug);
  duplicates('stories', data.stories, 'slug', bySlug);
  duplicates('quizzes', data.quizzes, 'slug', bySlug);
  duplicates('lectureTopics', data.lectureTopics, 'slug', bySlug);
  duplicates('goodDeeds', data.goodDeeds, 'title', goodDeedKey);
  duplicates('placements', data.placements, 'story', (placement) => placementKey(placement.story, placement.outlet));
  return problems;
}

/** A good deed has no slug: the seed knows it by its title and date. */
export function goodDeedKey(deed: { title: string; date: string }): string {
  return `${deed.title}@${deed.date}`;
}

/** A placement is a story offered to and carried by an outlet, once (by slugs in a file, documentIds in the database). */
export function placementKey(story: string | null | undefined, outlet: string | null | undefined): string {
  return `${story}→${outlet}`;
}

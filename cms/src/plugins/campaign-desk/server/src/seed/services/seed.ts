/**
 * Loads a seed dataset (the plan's data, sample stories) into the campaign.
 *
 * Everything is checked before anything is written: the file against its schema, then
 * every reference against the file and the database. Then one transaction creates what
 * is missing, published, and leaves every existing record as it is (editors may have
 * changed it), so running a seed twice changes nothing.
 */
import type { Core } from '@strapi/strapi';
import type { RecordType } from '@campaign-desk/shared';
import { UID } from '../../../../common/names';
import type { Dataset } from '../dataset';
import { SeedError, describe, goodDeedKey, parse, placementKey, problemsOf, type Section } from '../checks';
import { defineService, getService } from '../../utils';
import review from '../../review/services/review';

export type SeedSummary = Record<Section, { created: number; kept: number }>;

const paragraphsToBlocks = (paragraphs: string[]) => paragraphs.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

export default defineService('seed', ({ strapi }: { strapi: Core.Strapi }) => {
  async function existing(type: RecordType): Promise<Map<string, string>> {
    const rows = (await strapi.db.query(UID[type]).findMany({ select: ['slug', 'documentId'] })) as Array<{
      slug: string;
      documentId: string;
    }>;
    return new Map(rows.map((row) => [row.slug, row.documentId]));
  }

  return {
    async load(input: unknown, source = 'seed'): Promise<SeedSummary> {
      const data = parse(input, source);
      const summary = Object.fromEntries(Object.keys(data).map((section) => [section, { created: 0, kept: 0 }])) as SeedSummary;

      // Slug → documentId of what exists; records this seed creates are added as it goes.
      const ids = {
        theme: await existing('theme'),
        activity: await existing('activity'),
        place: await existing('place'),
        outlet: await existing('outlet'),
        column: await existing('column'),
        figure: await existing('figure'),
        event: await existing('event'),
        opinion: await existing('opinion'),
        story: await existing('story'),
        quiz: await existing('quiz'),
        lectureTopic: await existing('lectureTopic'),
      };
      const existingClauses = (await strapi.db.query(UID.clause).findMany({
        select: ['documentId', 'order'],
        populate: { opinion: { select: ['slug'] } },
      })) as Array<{ documentId: string; order: number; opinion?: { slug: string } | null }>;
      const clauseIds = new Map(existingClauses.map((clause) => [`${clause.opinion?.slug}#${clause.order}`, clause.documentId]));

      const problems = problemsOf(data, source, ids, clauseIds);
      if (problems.length > 0) throw new SeedError(problems.join('\n'));

      /** Runs one record's writes; a refusal (e.g. by the publish check) names the seed record. */
      async function naming(section: Section, index: number, record: unknown, write: () => Promise<void>) {
        try {
          await write();
        } catch (error) {
          const details = (error as { details?: { errors?: Array<{ path: string[]; message: string }> } }).details;
          const fields = details?.errors?.map((issue) => `field ${issue.path.join('.')}: ${issue.message}`).join('; ');
          throw new SeedError(`${source}: ${describe(section, index, record)}, ${fields || (error as Error).message}`);
        }
      }

      const ref = (type: keyof typeof ids, slug: string | undefined) => (slug === undefined ? null : ids[type].get(slug)!);
      const refs = (type: keyof typeof ids, slugs: string[]) => slugs.map((slug) => ids[type].get(slug)!);

      /** Creates each record of a section that does not exist yet, published where it has versions. */
      async function createMissing<T extends { slug: string }>(
        section: Section,
        type: keyof typeof ids,
        records: T[],
        toData: (record: T) => Record<string, unknown>,
        after?: (record: T, documentId: string) => Promise<void>,
      ) {
        const uid = UID[type];
        const publishable = Boolean(strapi.contentType(uid).options?.draftAndPublish);
        for (const [index, record] of records.entries()) {
          if (ids[type].has(record.slug)) {
            summary[section].kept += 1;
            continue;
          }
          await naming(section, index, record, async () => {
            const created = await strapi.documents(uid).create({
              data: { slug: record.slug, ...toData(record) } as never,
              // Stories are approved first; a quiz is published once its questions are in (below).
              ...(publishable && type !== 'story' && type !== 'quiz' ? { status: 'published' as const } : {}),
            });
            if (type === 'story') {
              // Stories are published only once approved; an import is approved by the system, on the record.
              await getService(strapi, review).approveAsSystem(created.documentId, `导入：${source}`);
              await strapi.documents(uid).publish({ documentId: created.documentId });
            }
            ids[type].set(record.slug, created.documentId);
            summary[section].created += 1;
            await after?.(record, created.documentId);
          });
        }
      }

      await strapi.db.transaction(async () => {
        await createMissing('outlets', 'outlet', data.outlets, (r) => ({
          name: r.name,
          shortName: r.shortName,
          level: r.level,
          medium: r.medium,
          homepage: r.homepage,
          runsCampaignColumn: r.runsCampaignColumn,
          countsTowardCoverage: r.countsTowardCoverage ?? (r.level === 'central' || r.level === 'provincial'),
          sample: r.sample,
        }));
        await createMissing('columns', 'column', data.columns, (r) => ({
          name: r.name,
          description: r.description,
          outlets: refs('outlet', r.outlets),
          order: r.order,
          active: r.active,
        }));
        await createMissing('figures', 'figure', data.figures, (r) => ({
          name: r.name,
          role: r.role,
          unit: r.unit,
          place: ref('place', r.place),
          summary: r.summary,
          biography: paragraphsToBlocks(r.biography),
          qualities: r.qualities.join('\n'),
          sample: r.sample,
        }));
        await createMissing('events', 'event', data.events, (r) => ({
          kind: r.kind,
          title: r.title,
          startsAt: r.startsAt,
          endsAt: r.endsAt,
          sampleDate: r.sampleDate,
          venue: r.venue,
          place: ref('place', r.place),
          theme: ref('theme', r.theme),
          lectureGroup: r.lectureGroup,
          audiences: r.audiences,
          speakers: r.speakers.join('、'),
          summary: r.summary,
          sample: r.sample,
        }));
        await createMissing(
          'opinions',
          'opinion',
          data.opinions,
          (r) => ({
            title: r.title,
            shortTitle: r.shortTitle,
            summary: r.summary,
            adoptedOn: r.adoptedOn,
            sampleDate: r.sampleDate,
            adoptedAt: ref('event', r.adoptedAt),
            sample: r.sample,
          }),
          async (opinion, documentId) => {
            for (const clause of opinion.clauses) {
              const created = await strapi.documents(UID.clause).create({
                data: { ...clause, opinion: documentId } as never,
              });
              clauseIds.set(`${opinion.slug}#${clause.order}`, created.documentId);
            }
            // The public reads an opinion's clauses as of its last publish: published again with them.
            await strapi.documents(UID.opinion).publish({ documentId });
          },
        );
        await createMissing('stories', 'story', data.stories, (r) => ({
          title: r.title,
          subtitle: r.subtitle,
          date: r.date,
          summary: r.summary,
          body: paragraphsToBlocks(r.body),
          kind: r.kind,
          mediaUrl: r.mediaUrl,
          outlet: ref('outlet', r.outlet),
          printOutlet: ref('outlet', r.print?.outlet),
          printDate: r.print?.date,
          printPage: r.print?.page,
          bylines: r.bylines.join('、'),
          columns: refs('column', r.columns),
          theme: ref('theme', r.theme),
          activities: refs('activity', r.activities),
          places: refs('place', r.places),
          figures: refs('figure', r.figures),
          clauses: r.clauses.map((key) => clauseIds.get(key)!),
          event: ref('event', r.event),
          featured: r.featured,
          sample: r.sample,
        }));

        const deeds = (await strapi.db.query(UID.goodDeed).findMany({ select: ['title', 'date'] })) as Array<{
          title: string;
          date: string | Date;
        }>;
        const deedKeys = new Set(deeds.map((deed) => goodDeedKey({ title: deed.title, date: dateKey(deed.date) })));
        for (const [index, deed] of data.goodDeeds.entries()) {
          if (deedKeys.has(goodDeedKey(deed))) {
            summary.goodDeeds.kept += 1;
            continue;
          }
          await naming('goodDeeds', index, deed, async () => {
            await strapi.documents(UID.goodDeed).create({
              data: {
                title: deed.title,
                doer: deed.doer,
                unit: deed.unit,
                date: deed.date,
                place: ref('place', deed.place),
                description: deed.description,
                figure: ref('figure', deed.figure),
                reportedByPublic: deed.reportedByPublic,
                sample: deed.sample,
              } as never,
              status: 'published',
            });
          });
          summary.goodDeeds.created += 1;
        }

        const placements = (await strapi.db.query(UID.placement).findMany({
          select: ['id'],
          populate: { story: { select: ['documentId'] }, outlet: { select: ['documentId'] } },
        })) as Array<{ story?: { documentId: string }; outlet?: { documentId: string } }>;
        const placementKeys = new Set(placements.map((p) => placementKey(p.story?.documentId, p.outlet?.documentId)));
        for (const [index, placement] of data.placements.entries()) {
          const story = ref('story', placement.story);
          const outlet = ref('outlet', placement.outlet);
          if (placementKeys.has(placementKey(story, outlet))) {
            summary.placements.kept += 1;
            continue;
          }
          await naming('placements', index, placement, async () => {
            await strapi.documents(UID.placement).create({ data: { ...placement, story, outlet } as never });
          });
          summary.placements.created += 1;
        }

        await createMissing(
          'quizzes',
          'quiz',
          data.quizzes,
          (r) => ({ title: r.title, intro: r.intro, opensAt: r.opensAt, closesAt: r.closesAt, sample: r.sample }),
          async (quiz, documentId) => {
            const questions: string[] = [];
            for (const { options, clause, ...question } of quiz.questions) {
              const data = { ...question, options: options.join('\n'), clause: clauseIds.get(clause)!, sample: quiz.sample };
              questions.push((await strapi.documents(UID.quizQuestion).create({ data: data as never })).documentId);
            }
            // Publishing stores the questions on the published version: published again with them.
            await strapi.documents(UID.quiz).update({ documentId, data: { questions } as never });
            await strapi.documents(UID.quiz).publish({ documentId });
          },
        );

        await createMissing('lectureTopics', 'lectureTopic', data.lectureTopics, (r) => ({
          title: r.title,
          summary: r.summary,
          group: r.group,
          speakers: r.speakers.join('、'),
          audiences: r.audiences,
          minutes: r.minutes,
          sample: r.sample,
        }));

        // An adopted suggestion is the same one when its text is.
        const suggestions = (await strapi.db.query(UID.suggestion).findMany({ select: ['text'] })) as Array<{ text: string }>;
        const suggestionTexts = new Set(suggestions.map((suggestion) => suggestion.text));
        for (const [index, suggestion] of data.suggestions.entries()) {
          if (suggestionTexts.has(suggestion.text)) {
            summary.suggestions.kept += 1;
            continue;
          }
          await naming('suggestions', index, suggestion, async () => {
            await strapi.documents(UID.suggestion).create({ data: suggestion as never, status: 'published' });
          });
          summary.suggestions.created += 1;
        }
      });
      return summary;
    },
  };
});

function dateKey(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

/**
 * Each record type's source: which rows are public, what to populate, and how a row becomes a
 * record of the contract.
 */
import type { Core } from '@strapi/strapi';
import type { RecordType } from '@campaign-desk/shared';
import { UID } from '../../../common/names';
import type { FrozenQuestion } from '../quiz/questions';
import { type Row, type Populate, Shape, ref, media, isString } from './record-shape';

export interface Source {
  populate: Populate;
  /** Which rows of the type are public, beyond Draft & Publish's published versions. */
  where?: Record<string, unknown>;
  /** Loads what rows of a page share (e.g. the public stories of placements) in one query. */
  prepare?: (rows: Row[], strapi: Core.Strapi) => Promise<unknown>;
  /** Whether a row is public, given what `prepare` loaded (a placement while its story is). */
  visible?: (row: Row, prepared: unknown) => boolean;
  toRecord(row: Row, shape: Shape, prepared: unknown): Record<string, unknown>;
}

/** Which of the documents the rows relate to by `field` are published. */
async function publishedOf(strapi: Core.Strapi, uid: string, rows: Row[], field: string): Promise<Set<string>> {
  const ids = [...new Set(rows.map((row) => (row[field] as Row | null)?.documentId).filter(isString))];
  const published = (await strapi.db.query(uid as never).findMany({
    select: ['documentId'],
    where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
  })) as Row[];
  return new Set(published.map((row) => row.documentId as string));
}

export const SOURCES: Record<RecordType, Source> = {
  theme: {
    populate: {},
    toRecord: (row, s) => ({
      type: 'theme',
      ...s.tracked(row),
      slug: row.slug,
      name: row.name,
      phase: row.phase,
      startsOn: s.calendarDate(row.startsOn),
      endsOn: s.calendarDate(row.endsOn),
      description: s.text(row.description),
    }),
  },
  activity: {
    populate: {},
    toRecord: (row, s) => ({
      type: 'activity',
      ...s.tracked(row),
      slug: row.slug,
      name: row.name,
      order: row.order,
      description: s.text(row.description),
    }),
  },
  place: {
    populate: {},
    toRecord: (row, s) => ({ type: 'place', ...s.tracked(row), slug: row.slug, name: row.name, order: row.order }),
  },
  outlet: {
    populate: {},
    toRecord: (row, s) => ({
      type: 'outlet',
      ...s.tracked(row),
      slug: row.slug,
      name: row.name,
      shortName: s.text(row.shortName),
      level: row.level,
      medium: row.medium,
      homepage: s.text(row.homepage),
      runsCampaignColumn: Boolean(row.runsCampaignColumn),
      sample: Boolean(row.sample),
    }),
  },
  column: {
    populate: { outlets: ref, cover: media },
    toRecord: (row, s) => ({
      type: 'column',
      ...s.published(row),
      slug: row.slug,
      name: row.name,
      description: s.text(row.description),
      outletIds: s.ids(row.outlets),
      cover: s.image(row.cover),
      order: row.order ?? 0,
      active: row.active !== false,
    }),
  },
  figure: {
    populate: { portrait: media, place: ref },
    toRecord: (row, s) => ({
      type: 'figure',
      ...s.published(row),
      slug: row.slug,
      name: row.name,
      portrait: s.image(row.portrait),
      role: s.text(row.role),
      unit: s.text(row.unit),
      placeId: s.id(row.place),
      summary: row.summary,
      biography: s.blocks(row.biography),
      qualities: s.list(row.qualities),
      sample: Boolean(row.sample),
    }),
  },
  event: {
    populate: { place: ref, theme: ref },
    toRecord: (row, s) => ({
      type: 'event',
      ...s.published(row),
      slug: row.slug,
      kind: row.kind,
      title: row.title,
      startsAt: s.instant(row.startsAt),
      endsAt: s.instant(row.endsAt),
      sampleDate: Boolean(row.sampleDate),
      venue: s.text(row.venue),
      placeId: s.id(row.place),
      themeId: s.id(row.theme),
      lectureGroup: s.text(row.lectureGroup),
      audiences: Array.isArray(row.audiences) ? row.audiences : [],
      speakers: s.list(row.speakers),
      summary: s.text(row.summary),
      sample: Boolean(row.sample),
    }),
  },
  opinion: {
    populate: { adoptedAt: ref },
    toRecord: (row, s) => ({
      type: 'opinion',
      ...s.published(row),
      slug: row.slug,
      title: row.title,
      shortTitle: s.text(row.shortTitle),
      summary: s.text(row.summary),
      adoptedOn: s.calendarDate(row.adoptedOn),
      sampleDate: Boolean(row.sampleDate),
      adoptedAtEventId: s.id(row.adoptedAt),
      // As they stood when this version was published; a clause edited since waits for the next publish.
      clauses: Array.isArray(row.publishedClauses) ? row.publishedClauses : [],
      sample: Boolean(row.sample),
    }),
  },
  story: {
    populate: {
      cover: media,
      mediaFile: media,
      captions: media,
      outlet: ref,
      printOutlet: ref,
      columns: ref,
      theme: ref,
      activities: ref,
      places: ref,
      figures: ref,
      clauses: ref,
      event: ref,
    },
    toRecord: (row, s) => {
      const printOutletId = s.id(row.printOutlet);
      const printDate = s.calendarDate(row.printDate);
      const printPage = s.text(row.printPage);
      return {
        type: 'story',
        ...s.published(row),
        title: row.title,
        subtitle: s.text(row.subtitle),
        slug: row.slug,
        date: s.instant(row.date) ?? s.instant(row.publishedAt),
        summary: s.text(row.summary),
        body: s.blocks(row.body),
        kind: row.kind,
        cover: s.image(row.cover, { caption: row.coverCaption, credit: row.coverCredit }),
        mediaUrl: s.text(row.mediaUrl),
        media: s.media(row.mediaFile, row.mediaSeconds, row.captions),
        embedUrl: s.embed(row.mediaUrl),
        outletId: s.id(row.outlet),
        printEdition: printOutletId || printDate || printPage ? { outletId: printOutletId, date: printDate, page: printPage } : null,
        bylines: s.list(row.bylines),
        columnIds: s.ids(row.columns),
        themeId: s.id(row.theme),
        activityIds: s.ids(row.activities),
        placeIds: s.ids(row.places),
        figureIds: s.ids(row.figures),
        clauseIds: s.ids(row.clauses),
        eventId: s.id(row.event),
        featured: Boolean(row.featured),
        sample: Boolean(row.sample),
      };
    },
  },
  goodDeed: {
    populate: { place: ref, photo: media, figure: ref },
    toRecord: (row, s) => ({
      type: 'goodDeed',
      ...s.published(row),
      title: row.title,
      doer: row.doer,
      unit: s.text(row.unit),
      date: s.calendarDate(row.date),
      placeId: s.id(row.place),
      description: row.description,
      photo: s.image(row.photo),
      figureId: s.id(row.figure),
      reportedByPublic: Boolean(row.reportedByPublic),
      sample: Boolean(row.sample),
    }),
  },
  suggestion: {
    populate: {},
    toRecord: (row, s) => ({
      type: 'suggestion',
      ...s.published(row),
      topic: row.topic,
      text: row.text,
      name: s.text(row.name),
      reply: row.reply,
      receivedOn: s.calendarDate(row.receivedOn),
      repliedOn: s.calendarDate(row.repliedOn),
      sample: Boolean(row.sample),
    }),
  },
  quiz: {
    populate: {},
    toRecord: (row, s) => ({
      type: 'quiz',
      ...s.published(row),
      slug: row.slug,
      title: row.title,
      intro: s.text(row.intro),
      opensAt: s.instant(row.opensAt),
      closesAt: s.instant(row.closesAt),
      // What a reader is shown of the questions stored at publish: never the answers or the explanations.
      questions: (Array.isArray(row.publishedQuestions) ? (row.publishedQuestions as FrozenQuestion[]) : []).map(
        ({ documentId, text, kind, options, clauseId, opinionId }) => ({ documentId, text, kind, options, clauseId, opinionId }),
      ),
      sample: Boolean(row.sample),
    }),
  },
  lectureTopic: {
    populate: {},
    toRecord: (row, s) => ({
      type: 'lectureTopic',
      ...s.published(row),
      slug: row.slug,
      title: row.title,
      summary: row.summary,
      group: row.group,
      speakers: s.list(row.speakers),
      audiences: Array.isArray(row.audiences) ? row.audiences : [],
      minutes: typeof row.minutes === 'number' ? row.minutes : null,
      sample: Boolean(row.sample),
    }),
  },
  placement: {
    // Only a verified placement is a fact the public may see (common/placement-states.ts).
    where: { state: 'verified' },
    populate: { story: ref, outlet: ref },
    // A placement is public only while its story is.
    prepare: async (rows, strapi) => publishedOf(strapi, UID.story, rows, 'story'),
    visible: (row, prepared) => (prepared as Set<string>).has((row.story as Row | null)?.documentId ?? ''),
    toRecord: (row, s) => ({
      type: 'placement',
      ...s.tracked(row),
      storyId: s.id(row.story),
      outletId: s.id(row.outlet),
      date: s.calendarDate(row.date),
      url: s.text(row.url),
      slot: s.text(row.slot),
      sample: Boolean(row.sample),
    }),
  },
  live: {
    populate: { event: ref },
    toRecord: (row, s) => ({
      type: 'live',
      ...s.published(row),
      slug: row.slug,
      title: row.title,
      eventId: s.id(row.event),
      state: row.state,
      summary: s.text(row.summary),
      questions: Boolean(row.questions),
      sample: Boolean(row.sample),
    }),
  },
  liveEntry: {
    // Only what a 值班编辑 approved (live/rules/entry-approval.ts).
    where: { state: 'cleared' },
    populate: { live: ref, photo: media },
    // An entry is public only while its live is.
    prepare: async (rows, strapi) => publishedOf(strapi, UID.live, rows, 'live'),
    visible: (row, prepared) => (prepared as Set<string>).has((row.live as Row | null)?.documentId ?? ''),
    toRecord: (row, s) => ({
      type: 'liveEntry',
      ...s.tracked(row),
      liveId: s.id(row.live),
      kind: row.kind,
      text: row.text,
      photo: s.image(row.photo),
      videoUrl: s.text(row.videoUrl),
      speaker: s.text(row.speaker),
      pinned: Boolean(row.pinned),
      correction: Boolean(row.correction),
      postedAt: s.instant(row.postedAt),
      question: s.text(row.questionText) ? { text: s.text(row.questionText)!, asker: s.text(row.questionAsker) } : null,
    }),
  },
};

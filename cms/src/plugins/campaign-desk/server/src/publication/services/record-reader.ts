/**
 * Reads published campaign content and shapes it into the contract's records.
 *
 * Each record type has a source: which rows are public, what to populate, and how a row
 * becomes a record. A page of any size costs one query per populated relation (the query
 * engine batches them), never a query per record.
 */
import type { Core } from '@strapi/strapi';
import { RECORD_SCHEMAS, describeIssues, type RecordType } from '@campaign-desk/shared';
import { UID } from '../../../../common/names';
import { ContractViolation } from '../../errors';
import { defineService } from '../../utils';

type Row = Record<string, unknown> & { id: number; documentId: string };
type Populate = Record<string, true | { select?: string[]; populate?: Populate }>;

interface Source {
  populate: Populate;
  /** Which rows of the type are public, beyond Draft & Publish's published versions. */
  where?: Record<string, unknown>;
  /** Loads what rows of a page share (e.g. the public stories of placements) in one query. */
  prepare?: (rows: Row[], strapi: Core.Strapi) => Promise<unknown>;
  toRecord(row: Row, shape: Shape, prepared: unknown): Record<string, unknown>;
}

const ref = { select: ['documentId'] };
const media = true as const;

/** Field conversions shared by every source; `baseUrl` makes upload URLs absolute, in image fields and rich text. */
class Shape {
  constructor(private readonly baseUrl: string) {}

  text(value: unknown): string | null {
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  }

  id(relation: unknown): string | null {
    return relation && typeof relation === 'object' && 'documentId' in relation
      ? String(relation.documentId)
      : null;
  }

  ids(relations: unknown): string[] {
    return Array.isArray(relations) ? relations.map((relation) => this.id(relation)).filter(isString) : [];
  }

  instant(value: unknown): string | null {
    if (value === null || value === undefined || value === '') return null;
    const date = value instanceof Date ? value : new Date(value as string | number);
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
  }

  /** `date` columns come back as 'YYYY-MM-DD' strings (SQLite) or Dates at UTC midnight (pg). */
  calendarDate(value: unknown): string | null {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return this.text(value);
  }

  /** Free text with one item per line or separated by 、，, (bylines, speakers, qualities). */
  list(value: unknown): string[] {
    return (this.text(value) ?? '')
      .split(/[\n、，,；;]/)
      .map((item) => item.trim())
      .filter(Boolean);
  }

  /**
   * Rich text, its images made absolute as image fields are: the media library stores them
   * site-relative ('/uploads/x.jpg'), which means nothing on the site or in a feed. Links are
   * left alone; the stored row is not changed.
   */
  blocks(value: unknown): unknown[] {
    if (!Array.isArray(value)) return [];
    return value.map((block: unknown) => {
      if (!isImageBlock(block)) return block;
      const url = block.image.url.trim();
      if (!url.startsWith('/') || url.startsWith('//')) return block;
      return { ...block, image: { ...block.image, url: new URL(url, this.baseUrl).href } };
    });
  }

  image(file: unknown, overrides: { caption?: unknown; credit?: unknown } = {}) {
    if (!file || typeof file !== 'object') return null;
    const upload = file as Record<string, unknown>;
    return {
      url: new URL(String(upload.url), this.baseUrl).href,
      width: upload.width,
      height: upload.height,
      mime: upload.mime,
      alt: this.text(upload.alternativeText) ?? '',
      caption: this.text(overrides.caption) ?? this.text(upload.caption),
      credit: this.text(overrides.credit),
    };
  }

  tracked(row: Row) {
    return { documentId: row.documentId, updatedAt: this.instant(row.updatedAt) };
  }

  published(row: Row) {
    return { ...this.tracked(row), publishedAt: this.instant(row.publishedAt) };
  }
}

const SOURCES: Record<RecordType, Source> = {
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
        outletId: s.id(row.outlet),
        printEdition:
          printOutletId || printDate || printPage
            ? { outletId: printOutletId, date: printDate, page: printPage }
            : null,
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
  placement: {
    // Only a verified placement is a fact the public may see (common/placement-states.ts).
    where: { state: 'verified' },
    populate: { story: ref, outlet: ref },
    // A placement is public only while its story is.
    prepare: async (rows, strapi) => {
      const storyIds = [...new Set(rows.map((row) => (row.story as Row | null)?.documentId).filter(isString))];
      const published = (await strapi.db.query(UID.story).findMany({
        select: ['documentId'],
        where: { documentId: { $in: storyIds }, publishedAt: { $notNull: true } },
      })) as Row[];
      return new Set(published.map((story) => story.documentId));
    },
    toRecord: (row, s) => ({
      type: 'placement',
      ...s.tracked(row),
      storyId: s.id(row.story),
      outletId: s.id(row.outlet),
      date: s.calendarDate(row.date),
      url: s.text(row.url),
      slot: s.text(row.slot),
      note: s.text(row.note),
      sample: Boolean(row.sample),
    }),
  },
};

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** An image block whose URL can be read; anything else is for the contract check to judge. */
function isImageBlock(block: unknown): block is { type: 'image'; image: { url: string } } {
  if (!block || typeof block !== 'object' || (block as { type?: unknown }).type !== 'image') return false;
  const image = (block as { image?: unknown }).image;
  return Boolean(image) && typeof image === 'object' && typeof (image as { url?: unknown }).url === 'string';
}

export interface ReadOptions {
  /** Only these documents (incremental sync); otherwise every public one. */
  documentIds?: string[];
  /** Keyset paging over row ids (full export). */
  afterId?: number;
  limit?: number;
}

/** A public record in the contract's shape, not yet checked against it. */
export type ShapedRecord = Record<string, unknown> & { type: RecordType; documentId: string };

export interface ReadResult {
  records: ShapedRecord[];
  /** Highest row id read, for keyset paging. */
  lastId: number | null;
  rowCount: number;
}

export default defineService('record-reader', ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Reads public rows of one type and shapes them, unchecked, into records. */
  async read(type: RecordType, baseUrl: string, options: ReadOptions = {}): Promise<ReadResult> {
    const source = SOURCES[type];
    const uid = UID[type];
    const where: Record<string, unknown> = { ...source.where };
    if (strapi.contentType(uid).options?.draftAndPublish) {
      where.publishedAt = { $notNull: true };
    }
    if (options.documentIds) where.documentId = { $in: options.documentIds };
    if (options.afterId) where.id = { $gt: options.afterId };

    const rows = (await strapi.db.query(uid).findMany({
      where,
      populate: source.populate,
      orderBy: { id: 'asc' },
      ...(options.limit ? { limit: options.limit } : {}),
    })) as Row[];

    const prepared = rows.length > 0 && source.prepare ? await source.prepare(rows, strapi) : undefined;
    const shape = new Shape(baseUrl);
    const visible =
      type === 'placement'
        ? rows.filter((row) => (prepared as Set<string>).has((row.story as Row | null)?.documentId ?? ''))
        : rows;
    return {
      records: visible.map((row) => ({
        ...(source.toRecord(row, shape, prepared) as { type: RecordType }),
        documentId: row.documentId,
      })),
      lastId: rows.at(-1)?.id ?? null,
      rowCount: rows.length,
    };
  },

  /**
   * The clauses of each of these opinions as they stand now, in the order of the document,
   * shaped as the opinion's record carries them (what its publish stores).
   */
  async clauses(opinionIds: string[]): Promise<Map<string, Array<Record<string, unknown>>>> {
    // Read from the clause's side of the relation: the clause owns the link.
    const rows = (await strapi.db.query(UID.clause).findMany({
      where: { opinion: { documentId: { $in: opinionIds } } },
      populate: { opinion: ref },
      orderBy: [{ order: 'asc' }, { id: 'asc' }],
    })) as Row[];
    const shape = new Shape('');
    const byOpinion = new Map<string, Map<string, Record<string, unknown>>>(opinionIds.map((id) => [id, new Map()]));
    for (const row of rows) {
      // Keyed by documentId: each clause once, whichever version of its opinion it is linked to.
      byOpinion.get(shape.id(row.opinion) ?? '')?.set(row.documentId, {
        documentId: row.documentId,
        label: row.label,
        heading: shape.text(row.heading),
        text: row.text,
        order: row.order,
        sample: Boolean(row.sample),
      });
    }
    return new Map([...byOpinion].map(([id, clauses]) => [id, [...clauses.values()]]));
  },

  /** Checks a shaped record against the contract; throws naming the record and field. */
  check(record: Record<string, unknown> & { type: RecordType }) {
    const result = RECORD_SCHEMAS[record.type].safeParse(record);
    if (!result.success) throw new ContractViolation(describeIssues(record, result.error), result.error);
    return result.data;
  },
}));

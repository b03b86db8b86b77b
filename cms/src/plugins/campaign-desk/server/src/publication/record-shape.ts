/** How a row of the database becomes fields of a contract record: the conversions every source shares. */
import { type EmbedHost, mayEmbed } from '../config/embed-hosts';

export type Row = Record<string, unknown> & { id: number; documentId: string };
export type Populate = Record<string, true | { select?: string[]; populate?: Populate }>;

/** What a source populates of a relation: its documentId (a reference), or an upload whole. */
export const ref = { select: ['documentId'] };
export const media = true as const;

/**
 * Field conversions shared by every source; `baseUrl` makes upload URLs absolute, in image fields
 * and rich text; `embedHosts` are the platforms whose players a page may frame.
 */
export class Shape {
  constructor(
    private readonly baseUrl: string,
    private readonly embedHosts: readonly EmbedHost[] = [],
  ) {}

  text(value: unknown): string | null {
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  }

  id(relation: unknown): string | null {
    return relation && typeof relation === 'object' && 'documentId' in relation ? String(relation.documentId) : null;
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

  /** An audio or video upload as the contract's `media`, with its length and captions file. */
  media(file: unknown, seconds: unknown, captions: unknown) {
    if (!file || typeof file !== 'object') return null;
    const upload = file as Record<string, unknown>;
    const captionsUrl = captions && typeof captions === 'object' ? (captions as Record<string, unknown>).url : null;
    return {
      url: new URL(String(upload.url), this.baseUrl).href,
      mime: upload.mime,
      // The media library keeps sizes in kB, to two decimals.
      bytes: Math.max(1, Math.round(Number(upload.size) * 1000)),
      seconds: typeof seconds === 'number' ? seconds : null,
      captionsUrl: captionsUrl ? new URL(String(captionsUrl), this.baseUrl).href : null,
    };
  }

  /** The link itself when it is an https page of an allowed platform (framed on the page), else null. */
  embed(link: unknown): string | null {
    const text = this.text(link);
    if (!text) return null;
    try {
      const url = new URL(text.trim());
      return mayEmbed(url, this.embedHosts) ? url.href : null;
    } catch {
      return null;
    }
  }

  tracked(row: Row) {
    return { documentId: row.documentId, updatedAt: this.instant(row.updatedAt) };
  }

  published(row: Row) {
    return { ...this.tracked(row), publishedAt: this.instant(row.publishedAt) };
  }
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** An image block whose URL can be read; anything else is for the contract check to judge. */
function isImageBlock(block: unknown): block is { type: 'image'; image: { url: string } } {
  if (!block || typeof block !== 'object' || (block as { type?: unknown }).type !== 'image') return false;
  const image = (block as { image?: unknown }).image;
  return Boolean(image) && typeof image === 'object' && typeof (image as { url?: unknown }).url === 'string';
}

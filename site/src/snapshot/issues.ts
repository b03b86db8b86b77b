/**
 * How the site reports a snapshot page that breaks the contract: one line per problem,
 * naming the collection, the record and the field, e.g.
 * `collection stories, id abc123 (“【示例】…”), field mediaUrl: 视频类稿件必须填写…`.
 * Labelled `id`, not documentId: Astro mistakes any error mentioning "document" for a
 * browser-API error and shows a misleading hint.
 */
import type { ZodError } from 'zod';
import { RECORD_TYPE_TABLE } from './record-types';

type Raw = Record<string, unknown>;

export function describePageIssues(page: unknown, error: ZodError, where: string): string[] {
  const raw = (typeof page === 'object' && page !== null ? page : {}) as Raw;
  return error.issues.map((issue) => {
    const [list, index, ...field] = issue.path;
    const item = typeof index === 'number' && Array.isArray(raw[list as string]) ? (raw[list as string] as unknown[])[index] : undefined;
    if (list === 'records' && item !== undefined)
      return `${describeRecord(item)}, field ${field.join('.') || '(record)'}: ${issue.message}`;
    if (list === 'tombstones' && item !== undefined) return `${where}, tombstone ${JSON.stringify(item)}: ${issue.message}`;
    return `${where}, ${issue.path.join('.') || '(page)'}: ${issue.message}`;
  });
}

function describeRecord(value: unknown): string {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Raw;
  const documentId = typeof record.documentId === 'string' ? record.documentId : '(none)';
  const label = [record.title, record.name].find((candidate): candidate is string => typeof candidate === 'string');
  const who = `id ${documentId}${label ? ` (“${label.slice(0, 40)}”)` : ''}`;
  const type = record.type;
  if (typeof type !== 'string' || !(type in RECORD_TYPE_TABLE)) return `${who}, type ${JSON.stringify(type)}`;
  return `collection ${RECORD_TYPE_TABLE[type as keyof typeof RECORD_TYPE_TABLE].collection}, ${who}`;
}

/** What several campaign content types declare alike, said once. */
import { SLUG_PATTERN } from '@campaign-desk/shared';

/** Generated in pinyin when left empty, unique, frozen once public (document-service/slug-*.ts). */
export const slug = { type: 'string', unique: true, maxLength: 80, regex: SLUG_PATTERN.source } as const;

/** A link readers follow or fetch: http(s) only; the contract checks it again before publishing. */
export const httpUrl = { type: 'string', maxLength: 1000, regex: '^https?://\\S+$' } as const;

/** Invented content (the contract's `sample`): marked “示例” on the site, left out of feeds and coverage. */
export const sample = { type: 'boolean', default: false } as const;

/** A real record whose date is a placeholder (the contract's `sampleDate`): marked “示例” beside the date. */
export const sampleDate = { type: 'boolean', default: false } as const;

/** Campaign types are edited in the content manager; their shape is code, not the type builder's. */
export const editedInContentManager = {
  'content-manager': { visible: true },
  'content-type-builder': { visible: false },
} as const;

/** Internal records (journal, outbox, review log): no editor sees or edits them. */
export const internal = {
  'content-manager': { visible: false },
  'content-type-builder': { visible: false },
} as const;

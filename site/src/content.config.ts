/**
 * The campaign's collections, one per record type of the contract, made by one recipe from
 * the site's record-type table. Their schemas are the contract's (`@campaign-desk/shared`),
 * one schema source for the CMS and the site; the only addition is `localImage`, the
 * loader's local copy of a record's image, which Astro's `image()` turns into image
 * metadata for the image pipeline (responsive widths, modern formats, sizes known).
 */
import { defineCollection, z, type SchemaContext } from 'astro:content';
import { RECORD_SCHEMAS, RECORD_TYPES, type RecordType } from '@campaign-desk/shared';
import { campaignLoader } from './loaders/campaign-loader';
import { RECORD_TYPE_TABLE, collectionOf, type CollectionOf } from './snapshot/record-types';

/** A local image for types that have one; always null for the others. */
type LocalImage<T extends RecordType> = (typeof RECORD_TYPE_TABLE)[T]['image'] extends null
  ? z.ZodOptional<z.ZodNull>
  : z.ZodNullable<ReturnType<SchemaContext['image']>>;
type EntrySchema<T extends RecordType> = z.ZodIntersection<(typeof RECORD_SCHEMAS)[T], z.ZodObject<{ localImage: LocalImage<T> }>>;

function campaignCollection<T extends RecordType>(type: T) {
  // Typed by hand: indexing the schema table with a type parameter would widen it to the union.
  const schema = ({ image }: SchemaContext) =>
    RECORD_SCHEMAS[type].and(
      z.object({ localImage: RECORD_TYPE_TABLE[type].image === null ? z.null().optional() : image().nullable() }),
    ) as unknown as EntrySchema<T>;
  return defineCollection({ loader: campaignLoader(type), schema });
}

type Collections = { [T in RecordType as CollectionOf<T>]: ReturnType<typeof campaignCollection<T>> };

export const collections = Object.fromEntries(
  RECORD_TYPES.map((type) => [collectionOf(type), campaignCollection(type)]),
) as Collections;

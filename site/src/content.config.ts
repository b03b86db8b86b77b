/**
 * The campaign's collections. Their schemas are the contract's (`@campaign-desk/shared`),
 * one schema source for the CMS and the site; the only addition is `localImage`, the
 * loader's local copy of the record's image, which Astro's `image()` turns into image
 * metadata for the image pipeline (responsive widths, modern formats, sizes known).
 */
import { defineCollection, z } from 'astro:content';
import {
  activitySchema,
  columnSchema,
  eventSchema,
  figureSchema,
  goodDeedSchema,
  opinionSchema,
  outletSchema,
  placeSchema,
  placementSchema,
  storySchema,
  themeSchema,
} from '@campaign-desk/shared';
import { campaignLoader } from './loaders/campaign';

const withoutImage = z.object({ localImage: z.null().optional() });

export const collections = {
  themes: defineCollection({ loader: campaignLoader('theme'), schema: themeSchema.and(withoutImage) }),
  activities: defineCollection({ loader: campaignLoader('activity'), schema: activitySchema.and(withoutImage) }),
  places: defineCollection({ loader: campaignLoader('place'), schema: placeSchema.and(withoutImage) }),
  outlets: defineCollection({ loader: campaignLoader('outlet'), schema: outletSchema.and(withoutImage) }),
  columns: defineCollection({
    loader: campaignLoader('column'),
    schema: ({ image }) => columnSchema.and(z.object({ localImage: image().nullable() })),
  }),
  figures: defineCollection({
    loader: campaignLoader('figure'),
    schema: ({ image }) => figureSchema.and(z.object({ localImage: image().nullable() })),
  }),
  events: defineCollection({ loader: campaignLoader('event'), schema: eventSchema.and(withoutImage) }),
  opinions: defineCollection({ loader: campaignLoader('opinion'), schema: opinionSchema.and(withoutImage) }),
  stories: defineCollection({
    loader: campaignLoader('story'),
    schema: ({ image }) => storySchema.and(z.object({ localImage: image().nullable() })),
  }),
  goodDeeds: defineCollection({
    loader: campaignLoader('goodDeed'),
    schema: ({ image }) => goodDeedSchema.and(z.object({ localImage: image().nullable() })),
  }),
  placements: defineCollection({ loader: campaignLoader('placement'), schema: placementSchema.and(withoutImage) }),
};

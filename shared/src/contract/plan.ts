/** The campaign's plan as the site reads it: its themes, activities, places, outlets and columns. */
import { z } from 'zod';
import { OUTLET_LEVELS, OUTLET_MEDIA, keysOf } from '../taxonomy';
import { calendarDateSchema, httpUrlSchema, ids, imageSchema, published, sample, slugSchema, tracked } from './fields';

export const themeSchema = z.object({
  type: z.literal('theme'),
  ...tracked,
  slug: slugSchema,
  name: z.string().min(1),
  phase: z.number().int().min(1),
  startsOn: calendarDateSchema,
  endsOn: calendarDateSchema,
  description: z.string().nullable(),
});

export const activitySchema = z.object({
  type: z.literal('activity'),
  ...tracked,
  slug: slugSchema,
  name: z.string().min(1),
  order: z.number().int(),
  description: z.string().nullable(),
});

export const placeSchema = z.object({
  type: z.literal('place'),
  ...tracked,
  slug: slugSchema,
  name: z.string().min(1),
  order: z.number().int(),
});

export const outletSchema = z.object({
  type: z.literal('outlet'),
  ...tracked,
  slug: slugSchema,
  name: z.string().min(1),
  shortName: z.string().nullable(),
  level: z.enum(keysOf(OUTLET_LEVELS)),
  medium: z.enum(keysOf(OUTLET_MEDIA)),
  homepage: httpUrlSchema.nullable(),
  runsCampaignColumn: z.boolean(),
  sample,
});

export const columnSchema = z.object({
  type: z.literal('column'),
  ...published,
  slug: slugSchema,
  name: z.string().min(1),
  description: z.string().nullable(),
  outletIds: ids,
  cover: imageSchema.nullable(),
  order: z.number().int(),
  active: z.boolean(),
});

export type Theme = z.infer<typeof themeSchema>;
export type Activity = z.infer<typeof activitySchema>;
export type Place = z.infer<typeof placeSchema>;
export type Outlet = z.infer<typeof outletSchema>;
export type Column = z.infer<typeof columnSchema>;

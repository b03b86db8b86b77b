/** 宣讲菜单 (四.7): a lecture topic the 宣传组 offers, as units see it on the site and book it. */
import { z } from 'zod';
import { LECTURE_AUDIENCES, LECTURE_GROUPS, keysOf } from '../taxonomy';
import { published, sample, slugSchema } from './fields';

export const lectureTopicSchema = z
  .object({
    type: z.literal('lectureTopic'),
    ...published,
    slug: slugSchema,
    title: z.string().min(1),
    summary: z.string().min(1),
    /** The group that gives it, and its members who do. */
    group: z.enum(keysOf(LECTURE_GROUPS)),
    speakers: z.array(z.string().min(1)),
    /** Whom it is written for; empty is everyone. */
    audiences: z.array(z.enum(keysOf(LECTURE_AUDIENCES))),
    /** How long it runs, in minutes. */
    minutes: z.number().int().positive().nullable(),
    sample,
  })
  .strict();

export type LectureTopic = z.infer<typeof lectureTopicSchema>;

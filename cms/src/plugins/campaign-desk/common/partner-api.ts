/**
 * The partner API (合作媒体) and the admin API of partner tokens: what each accepts and
 * answers, parsed with these schemas on the server; the 合作媒体令牌 settings page reads its
 * types from here.
 */
import { PLACEMENT_SOURCES, PLACEMENT_STATES, keysOf } from '@campaign-desk/shared';
import { z } from 'zod';

const documentId = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** `POST /api/campaign-desk/partner/placements`: a partner reports that it carried a story. */
export const partnerReportSchema = z
  .object({
    /** The story's documentId, as the snapshot gives it. */
    storyId: documentId,
    /** May be left out; if given it must be the token's own outlet. */
    outletId: documentId.optional(),
    date: day,
    url: z
      .string()
      .max(1000)
      .url()
      .refine((url) => /^https?:\/\//i.test(url), '只接受 http(s) 网址')
      .optional(),
    slot: z.string().trim().min(1).max(100).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict()
  .refine((report) => report.url !== undefined || report.slot !== undefined, {
    message: '须填写网址（url）或版面、栏目（slot）',
    path: ['url'],
  });

export type PartnerReport = z.infer<typeof partnerReportSchema>;

export const partnerPlacementSchema = z.object({
  documentId: z.string(),
  storyId: z.string().nullable(),
  storyTitle: z.string().nullable(),
  state: z.enum(keysOf(PLACEMENT_STATES)),
  date: z.string().nullable(),
  url: z.string().nullable(),
  slot: z.string().nullable(),
  source: z.enum(keysOf(PLACEMENT_SOURCES)),
  verifiedAt: z.string().nullable(),
});

export type PartnerPlacement = z.infer<typeof partnerPlacementSchema>;

/** `GET /api/campaign-desk/partner/placements`: the outlet's placements, newest first. */
export const partnerPlacementsSchema = z.object({
  outlet: z.object({ documentId: z.string(), name: z.string() }),
  placements: z.array(partnerPlacementSchema),
});

export const partnerTokenViewSchema = z.object({
  documentId: z.string(),
  label: z.string(),
  /** The token's first characters, to tell tokens apart. */
  prefix: z.string(),
  outlet: z.object({ documentId: z.string(), name: z.string() }).nullable(),
  issuedBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export type PartnerTokenView = z.infer<typeof partnerTokenViewSchema>;

/** `POST /campaign-desk/partner-tokens` (admin). */
export const issuePartnerTokenSchema = z
  .object({
    outletId: documentId,
    label: z.string().trim().min(1).max(100),
  })
  .strict();

export const issuedPartnerTokenSchema = z.object({ token: z.string(), record: partnerTokenViewSchema });

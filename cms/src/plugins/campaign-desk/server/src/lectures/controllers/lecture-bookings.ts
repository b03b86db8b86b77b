/**
 * POST /api/campaign-desk/participation/lecture/:slug — a unit's booking of a topic of the
 * 宣讲菜单, through the participation gate (origin, size, per-address limits) and the lanes
 * every public post takes. A script gets JSON; the plain form the thank-you page, or a page
 * naming each field to fix (participation/answers.ts).
 */
import type { Core } from '@strapi/strapi';
import {
  HONEYPOT_FIELD,
  LECTURE_FIELD_LABELS,
  LECTURE_MESSAGES,
  PARTICIPATION_MESSAGES,
  PROOF_FIELD,
  describeProblems,
  lectureBookingSchema,
  unknownField,
  type FieldProblem,
} from '@campaign-desk/shared';
import type { z } from 'zod';
import { pluginConfig } from '../../config/read';
import { refuse, thank, type AnswerContext, type Refusal } from '../../participation/answers';
import { ADDRESS_STATE } from '../../participation/gate';
import { takeLane } from '../../participation/lanes';
import proofService from '../../participation/services/proof';
import { getService } from '../../utils';
import bookings, { BookingProofReused } from '../services/bookings';

interface BookingRequest extends AnswerContext {
  params: { slug?: string };
  request: { body?: unknown; files?: Record<string, unknown> };
  state: Record<string, unknown>;
}

const invalid = (problems: FieldProblem[]): Refusal => ({
  status: 400,
  message: `提交的内容有误：${describeProblems(problems)}`,
  problems,
});

/** One problem per field, the first, labelled in Chinese; fields the form lacks named as sent. */
function problemsOf(error: z.ZodError): FieldProblem[] {
  const seen = new Map<string, FieldProblem>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) if (!seen.has(key)) seen.set(key, unknownField(key));
      continue;
    }
    const field = String(issue.path[0] ?? 'form');
    const label = LECTURE_FIELD_LABELS[field as keyof typeof LECTURE_FIELD_LABELS] ?? field.slice(0, 40);
    if (!seen.has(field)) seen.set(field, { field, label, message: issue.message });
  }
  return [...seen.values()];
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const siteUrl = () => pluginConfig(strapi).participation.siteUrl;
  const service = () => getService(strapi, bookings);

  async function book(ctx: BookingRequest): Promise<Refusal | null> {
    const topic = await service().topic(String(ctx.params.slug ?? '').toLowerCase());
    if (!topic) return { status: 404, message: LECTURE_MESSAGES.missing };
    const body = ctx.request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return invalid([{ field: 'unit', label: LECTURE_FIELD_LABELS.unit, message: '没有收到预约内容' }]);
    const files = Object.keys(ctx.request.files ?? {});
    if (files.length > 0) return invalid(files.map(unknownField));
    const { [HONEYPOT_FIELD]: honeypot, [PROOF_FIELD]: proofValue, ...fields } = body as Record<string, unknown>;
    if (typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined) {
      strapi.log.info('[campaign-desk] a lecture booking filled the honeypot and was not kept');
      thank(ctx, LECTURE_MESSAGES.received, siteUrl());
      return null;
    }
    const parsed = lectureBookingSchema().safeParse(fields);
    if (!parsed.success) return invalid(problemsOf(parsed.error));

    let proof: string | null = null;
    if (proofValue !== undefined && proofValue !== '') {
      const verdict = typeof proofValue === 'string' ? await getService(strapi, proofService).check(proofValue) : ({ ok: false } as const);
      if (!verdict.ok) return invalid([{ field: PROOF_FIELD, label: '人机验证', message: PARTICIPATION_MESSAGES.proofFailed }]);
      if (await service().proofUsed(verdict.signature)) return { status: 409, message: PARTICIPATION_MESSAGES.proofReused };
      proof = verdict.signature;
    }
    const lane = await takeLane(strapi, proof, String(ctx.state[ADDRESS_STATE] ?? ''));
    if (lane.refused) return lane.refused;
    try {
      await service().receive(topic, parsed.data, { proof });
    } catch (error) {
      await lane.giveBack();
      if (error instanceof BookingProofReused) return { status: 409, message: PARTICIPATION_MESSAGES.proofReused };
      throw error;
    }
    thank(ctx, LECTURE_MESSAGES.received, siteUrl());
    return null;
  }

  return {
    async book(ctx: BookingRequest) {
      try {
        const refusal = await book(ctx);
        if (refusal) refuse(ctx, refusal, siteUrl());
      } catch (error) {
        strapi.log.error(`[campaign-desk] a lecture booking failed: ${(error as Error).stack ?? error}`);
        refuse(ctx, { status: 500, message: PARTICIPATION_MESSAGES.failed }, siteUrl());
      }
    },
  };
};

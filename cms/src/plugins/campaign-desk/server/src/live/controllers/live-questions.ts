/**
 * POST /api/campaign-desk/participation/live-question/:slug — a reader's question to a live
 * on air that takes questions, through the participation gate (origin, size, per-address
 * limits) and the lanes every public post takes. A script gets a receipt as JSON; the plain
 * form the site's thank-you page (participation/answers.ts).
 */
import type { Core } from '@strapi/strapi';
import {
  HONEYPOT_FIELD,
  LIVE_QUESTION_FIELD,
  LIVE_QUESTION_LABELS,
  LIVE_QUESTION_MESSAGES,
  NICKNAME_FIELD,
  PARTICIPATION_MESSAGES,
  PROOF_FIELD,
  describeProblems,
  liveQuestionSchema,
  nicknameSchema,
  type FieldProblem,
} from '@campaign-desk/shared';
import { pluginConfig } from '../../config/read';
import { refuse, thank, type AnswerContext, type Refusal } from '../../participation/answers';
import { ADDRESS_STATE } from '../../participation/gate';
import { takeLane } from '../../participation/lanes';
import proofService from '../../participation/services/proof';
import { getService } from '../../utils';
import liveQuestions from '../services/live-questions';

interface QuestionRequest extends AnswerContext {
  params: { slug?: string };
  request: { body?: unknown; files?: Record<string, unknown> };
  state: Record<string, unknown>;
}

const invalid = (problems: FieldProblem[]): Refusal => ({
  status: 400,
  message: `提交的内容有误：${describeProblems(problems)}`,
  problems,
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const siteUrl = () => pluginConfig(strapi).participation.siteUrl;

  async function ask(ctx: QuestionRequest): Promise<Refusal | null> {
    const service = getService(strapi, liveQuestions);
    const live = await service.live(String(ctx.params.slug ?? '').toLowerCase());
    if (!live) return { status: 404, message: LIVE_QUESTION_MESSAGES.missing };
    if (!live.questions) return { status: 403, message: LIVE_QUESTION_MESSAGES.closed };
    if (live.state !== 'on_air') return { status: 403, message: LIVE_QUESTION_MESSAGES.notOnAir };

    const body = ctx.request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return invalid([{ field: LIVE_QUESTION_FIELD, label: LIVE_QUESTION_LABELS.question, message: '请填写问题' }]);
    const files = Object.keys(ctx.request.files ?? {});
    if (files.length > 0)
      return invalid(files.map((name) => ({ field: name, label: name.slice(0, 40), message: LIVE_QUESTION_MESSAGES.noFiles })));
    const fields = body as Record<string, unknown>;
    const honeypot = fields[HONEYPOT_FIELD];
    if (typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined) {
      strapi.log.info('[campaign-desk] a live question filled the honeypot and was not kept');
      thank(ctx, LIVE_QUESTION_MESSAGES.received, siteUrl());
      return null;
    }
    const text = liveQuestionSchema.safeParse(fields[LIVE_QUESTION_FIELD]);
    const nickname = nicknameSchema.safeParse(fields[NICKNAME_FIELD]);
    const problems: FieldProblem[] = [
      ...(text.success
        ? []
        : [{ field: LIVE_QUESTION_FIELD, label: LIVE_QUESTION_LABELS.question, message: text.error.issues[0]!.message }]),
      ...(nickname.success
        ? []
        : [{ field: NICKNAME_FIELD, label: LIVE_QUESTION_LABELS.nickname, message: nickname.error.issues[0]!.message }]),
    ];
    if (!text.success || !nickname.success) return invalid(problems);

    const proofValue = fields[PROOF_FIELD];
    let proof: string | null = null;
    if (proofValue !== undefined && proofValue !== '') {
      const verdict = typeof proofValue === 'string' ? await getService(strapi, proofService).check(proofValue) : ({ ok: false } as const);
      if (!verdict.ok) return invalid([{ field: PROOF_FIELD, label: '人机验证', message: PARTICIPATION_MESSAGES.proofFailed }]);
      proof = verdict.signature;
    }
    const lane = await takeLane(strapi, proof, String(ctx.state[ADDRESS_STATE] ?? ''));
    if (lane.refused) return lane.refused;
    try {
      await service.ask(live, text.data, nickname.data);
    } catch (error) {
      await lane.giveBack();
      throw error;
    }
    thank(ctx, LIVE_QUESTION_MESSAGES.received, siteUrl());
    return null;
  }

  return {
    async ask(ctx: QuestionRequest) {
      try {
        const refusal = await ask(ctx);
        if (refusal) refuse(ctx, refusal, siteUrl());
      } catch (error) {
        strapi.log.error(`[campaign-desk] a live question failed: ${(error as Error).stack ?? error}`);
        refuse(ctx, { status: 500, message: PARTICIPATION_MESSAGES.failed }, siteUrl());
      }
    },
  };
};

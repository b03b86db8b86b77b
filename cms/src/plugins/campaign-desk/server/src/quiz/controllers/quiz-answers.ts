/**
 * POST /api/campaign-desk/participation/quiz/:slug — a reader's answers to a quiz, through
 * the participation gate (origin, the quiz's own body limit and lanes: a classroom behind one
 * address fits, a flood does not), its challenge spent once if it brings one. A script gets the result as JSON; the plain form a page of it (result-page.ts).
 */
import type { Core } from '@strapi/strapi';
import {
  HONEYPOT_FIELD,
  NICKNAME_FIELD,
  PARTICIPATION_MESSAGES,
  PROOF_FIELD,
  PUBLIC_PATHS,
  QUIZ_FIELD_LABELS,
  QUIZ_MESSAGES,
  SiteAddress,
  describeProblems,
  type QuizResult,
  nicknameSchema,
  type FieldProblem,
} from '@campaign-desk/shared';
import { pluginConfig } from '../../config/read';
import { getService } from '../../utils';
import { refuse, thank, wantsPage, type AnswerContext, type Refusal } from '../../participation/answers';
import { ADDRESS_STATE } from '../../participation/gate';
import { takeLane } from '../../participation/lanes';
import proofService from '../../participation/services/proof';
import quizEntries, { AnswersProofReused, check } from '../services/quiz-entries';
import quizzes from '../services/quizzes';
import { resultPage } from '../result-page';

interface AnswerRequest extends AnswerContext {
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

  async function answer(ctx: AnswerRequest): Promise<Refusal | null> {
    const quiz = await getService(strapi, quizzes).published(String(ctx.params.slug ?? '').toLowerCase());
    if (!quiz) return { status: 404, message: QUIZ_MESSAGES.missing };
    const now = new Date();
    if (now < quiz.opensAt) return { status: 403, message: QUIZ_MESSAGES.notOpen };
    if (now >= quiz.closesAt) return { status: 403, message: QUIZ_MESSAGES.closed };

    const body = ctx.request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return invalid([{ field: 'quiz', label: QUIZ_FIELD_LABELS.quiz, message: '没有收到答案' }]);
    const files = Object.keys(ctx.request.files ?? {});
    if (files.length > 0) return invalid(files.map((name) => ({ field: name, label: name.slice(0, 40), message: '竞答不接收文件' })));
    const {
      [HONEYPOT_FIELD]: honeypot,
      [PROOF_FIELD]: proofValue,
      [NICKNAME_FIELD]: nicknameValue,
      ...fields
    } = body as Record<string, unknown>;
    if (typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined) {
      strapi.log.info('[campaign-desk] quiz answers filled the honeypot and were not kept');
      thank(ctx, PARTICIPATION_MESSAGES.received, siteUrl());
      return null;
    }
    const nickname = nicknameSchema.safeParse(nicknameValue);
    const checked = check(quiz, fields);
    const problems = [
      ...(nickname.success
        ? []
        : [{ field: NICKNAME_FIELD, label: QUIZ_FIELD_LABELS.nickname, message: nickname.error.issues[0]!.message }]),
      ...(checked.ok ? [] : checked.problems),
    ];
    if (problems.length > 0 || !checked.ok || !nickname.success) return invalid(problems);

    let proof: string | null = null;
    if (proofValue !== undefined && proofValue !== '') {
      const verdict = typeof proofValue === 'string' ? await getService(strapi, proofService).check(proofValue) : ({ ok: false } as const);
      if (!verdict.ok) return invalid([{ field: PROOF_FIELD, label: '人机验证', message: PARTICIPATION_MESSAGES.proofFailed }]);
      if (await getService(strapi, quizEntries).proofUsed(verdict.signature))
        return { status: 409, message: PARTICIPATION_MESSAGES.proofReused };
      proof = verdict.signature;
    }
    // The quiz's lanes were taken at the door (participation/gate.ts): here its challenge is spent.
    const lane = await takeLane(strapi, proof, String(ctx.state[ADDRESS_STATE] ?? ''), []);
    if (lane.refused) return lane.refused;
    try {
      await getService(strapi, quizEntries).keep(quiz, checked.entry, { nickname: nickname.data, proof, now });
    } catch (error) {
      await lane.giveBack();
      if (error instanceof AnswersProofReused) return { status: 409, message: PARTICIPATION_MESSAGES.proofReused };
      throw error;
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 200;
    // The poster of the reader's score, drawn at publish by the site's renderer: nothing is drawn per answer.
    const result: QuizResult = {
      ...checked.result,
      poster: new SiteAddress(siteUrl()).url(PUBLIC_PATHS.quizPoster(quiz, checked.result.score)),
    };
    if (wantsPage(ctx)) {
      ctx.type = 'text/html; charset=utf-8';
      ctx.body = resultPage(quiz, result, siteUrl(), PUBLIC_PATHS.quiz(quiz));
    } else {
      ctx.body = result;
    }
    return null;
  }

  return {
    async answer(ctx: AnswerRequest) {
      try {
        const refusal = await answer(ctx);
        if (refusal) refuse(ctx, refusal, siteUrl());
      } catch (error) {
        strapi.log.error(`[campaign-desk] quiz answers failed: ${(error as Error).stack ?? error}`);
        refuse(ctx, { status: 500, message: PARTICIPATION_MESSAGES.failed }, siteUrl());
      }
    },
  };
};

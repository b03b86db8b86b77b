import { readFile } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import {
  HONEYPOT_FIELD,
  PARTICIPATION_FORMS,
  PARTICIPATION_MESSAGES,
  PARTICIPATION_SCHEMAS,
  PHOTO_FIELD,
  PHOTO_MAX_BYTES,
  PROOF_FIELD,
  FIELD_LABELS,
  describeProblems,
  fieldProblems,
  unknownField,
  type FieldProblem,
  type GoodDeedForm,
  type ParticipationForm,
  type SuggestionForm,
} from '@campaign-desk/shared';
import { pluginConfig } from '../../config/read';
import { refuse, thank, type AnswerContext, type Refusal } from '../answers';
import { ADDRESS_STATE } from '../gate';
import { takeLane } from '../lanes';
import { OversizedPhoto, UnreadablePhoto } from '../services/photos';
import submissions, { ProofReused } from '../services/submissions';
import { getService } from '../../utils';
import proofService from '../services/proof';

type UploadedFile = { filepath: string; size: number; originalFilename?: string | null };

interface ParticipationContext extends AnswerContext {
  params: { form?: string };
  request: { body?: unknown; files?: Record<string, UploadedFile | UploadedFile[]> };
  state: Record<string, unknown>;
}

const problem = (field: keyof typeof FIELD_LABELS, message: string): FieldProblem => ({ field, label: FIELD_LABELS[field], message });
const invalid = (problems: FieldProblem[]): Refusal => ({
  status: 400,
  message: `提交的内容有误：${describeProblems(problems)}`,
  problems,
});

/** The photo the good-deed form sent, if any (a file input left empty sends a file of no bytes). */
function photoOf(files: ParticipationContext['request']['files']): UploadedFile | null {
  const file = files?.[PHOTO_FIELD];
  const photo = Array.isArray(file) ? file[0] : file;
  return photo && photo.size > 0 ? photo : null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const siteUrl = () => pluginConfig(strapi).participation.siteUrl;

  async function submit(ctx: ParticipationContext): Promise<Refusal | null> {
    const form = ctx.params.form as ParticipationForm;
    const body = ctx.request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return invalid([problem('text', '没有收到表单内容')]);
    const { [HONEYPOT_FIELD]: honeypot, [PROOF_FIELD]: proofValue, ...fields } = body as Record<string, unknown>;
    const files = ctx.request.files ?? {};
    const unknownFiles = Object.keys(files).filter((name) => form !== 'good-deed' || name !== PHOTO_FIELD);
    if (unknownFiles.length > 0) return invalid(unknownFiles.map(unknownField));

    // A bot filled in the field people never see: it is told what people are told, and nothing is kept.
    if (typeof honeypot === 'string' ? honeypot.trim() !== '' : honeypot !== undefined) {
      strapi.log.info(`[campaign-desk] a ${form} submission filled the honeypot and was not kept`);
      thank(ctx, PARTICIPATION_MESSAGES.received, siteUrl());
      return null;
    }

    const parsed = PARTICIPATION_SCHEMAS[form].safeParse(fields);
    if (!parsed.success) return invalid(fieldProblems(parsed.error));

    let proof: string | null = null;
    if (proofValue !== undefined && proofValue !== '') {
      const check = typeof proofValue === 'string' ? await getService(strapi, proofService).check(proofValue) : ({ ok: false } as const);
      if (!check.ok) return invalid([problem(PROOF_FIELD, PARTICIPATION_MESSAGES.proofFailed)]);
      if (await getService(strapi, submissions).proofUsed(check.signature))
        return { status: 409, message: PARTICIPATION_MESSAGES.proofReused };
      proof = check.signature;
    }

    const lane = await takeLane(strapi, proof, String(ctx.state[ADDRESS_STATE] ?? ''));
    if (lane.refused) return lane.refused;
    const { giveBack } = lane;

    const upload = form === 'good-deed' ? photoOf(files) : null;
    if (upload && upload.size > PHOTO_MAX_BYTES) {
      await giveBack();
      return invalid([problem('photo', `照片不能超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB`)]);
    }
    try {
      const photo = upload ? await readFile(upload.filepath) : null;
      const received =
        form === 'suggestion' ? { form, fields: parsed.data as SuggestionForm } : { form, fields: parsed.data as GoodDeedForm };
      await getService(strapi, submissions).receive(received, { proof, photo });
    } catch (error) {
      await giveBack();
      if (error instanceof OversizedPhoto) return invalid([problem('photo', PARTICIPATION_MESSAGES.tooManyPixels)]);
      if (error instanceof UnreadablePhoto) return invalid([problem('photo', PARTICIPATION_MESSAGES.badPhoto)]);
      if (error instanceof ProofReused) return { status: 409, message: PARTICIPATION_MESSAGES.proofReused };
      throw error;
    }
    thank(ctx, PARTICIPATION_MESSAGES.received, siteUrl());
    return null;
  }

  return {
    /** GET /api/campaign-desk/participation/challenge — a proof-of-work challenge for the ALTCHA widget. */
    async challenge(ctx: ParticipationContext) {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await getService(strapi, proofService).challenge();
    },

    /** POST /api/campaign-desk/participation/:form — a reader's suggestion or good deed (gate: participation/gate.ts). */
    async submit(ctx: ParticipationContext) {
      if (!PARTICIPATION_FORMS.includes(ctx.params.form as ParticipationForm)) {
        return refuse(ctx, { status: 404, message: '没有这个表单。' }, siteUrl());
      }
      try {
        const refusal = await submit(ctx);
        if (refusal) refuse(ctx, refusal, siteUrl());
      } catch (error) {
        // Whatever went wrong inside, the reader gets a clear answer and the newsroom the log line.
        strapi.log.error(`[campaign-desk] a ${ctx.params.form} submission failed: ${(error as Error).stack ?? error}`);
        refuse(ctx, { status: 500, message: PARTICIPATION_MESSAGES.failed }, siteUrl());
      }
    },
  };
};

/**
 * Taking in what a reader sent, once the public route has checked it: the photo made safe
 * and held with it (out of the media library until adopted), the sensitive words it contains flagged, and the submission with its encrypted
 * contact written in one transaction, so both are kept or neither is.
 */
import type { Core } from '@strapi/strapi';
import type { GoodDeedForm, ParticipationForm, SuggestionForm } from '@campaign-desk/shared';
import { UID } from '../../../../common/names';
import type { SubmissionKind } from '../../../../common/participation-api';
import { pluginConfig } from '../../config/read';
import { defineService, getService } from '../../utils';
import contactVault from './contact-vault';
import photos from './photos';
import sensitiveWords from './sensitive-words';

/** A solved challenge that already admitted a submission. */
export class ProofReused extends Error {}

type Received = { form: 'suggestion'; fields: SuggestionForm } | { form: 'good-deed'; fields: GoodDeedForm };

const KIND_OF: Record<ParticipationForm, SubmissionKind> = { suggestion: 'suggestion', 'good-deed': 'goodDeed' };

const DAY_MS = 24 * 60 * 60 * 1000;

export default defineService('submissions', ({ strapi }: { strapi: Core.Strapi }) => {
  const documentIdOf = async (uid: typeof UID.place | typeof UID.figure, slug: string | null, published = false) => {
    if (!slug) return null;
    const row = (await strapi.db
      .query(uid)
      .findOne({ select: ['documentId'], where: { slug, ...(published ? { publishedAt: { $notNull: true } } : {}) } })) as {
      documentId: string;
    } | null;
    return row?.documentId ?? null;
  };

  return {
    /**
     * Stores a checked submission; `proof` is the signature of the challenge it solved (none
     * for the plain form). Returns the submission's documentId.
     */
    async receive(received: Received, options: { proof: string | null; photo: Buffer | null; now?: Date }): Promise<string> {
      const now = options.now ?? new Date();
      const { fields } = received;
      const texts =
        received.form === 'suggestion'
          ? [fields.name, received.fields.text]
          : [fields.name, received.fields.doer, received.fields.description];
      const flags = getService(strapi, sensitiveWords).find(texts);
      const photo = options.photo ? await getService(strapi, photos).hold(options.photo) : null;

      const data: Record<string, unknown> = {
        kind: KIND_OF[received.form],
        status: 'pending',
        name: fields.name,
        flags,
        proven: options.proof !== null,
        proof: options.proof,
        receivedAt: now,
      };
      if (received.form === 'suggestion') {
        Object.assign(data, { topic: received.fields.topic, text: received.fields.text });
      } else {
        Object.assign(data, {
          doer: received.fields.doer,
          date: received.fields.date,
          text: received.fields.description,
          place: await documentIdOf(UID.place, received.fields.place),
          figure: await documentIdOf(UID.figure, received.fields.figure, true),
          ...photo,
        });
      }
      try {
        return await strapi.db.transaction(async () => {
          const submission = (await strapi.documents(UID.submission).create({ data: data as never })) as { documentId: string };
          if (fields.contact) {
            const deleteAfter = new Date(now.getTime() + pluginConfig(strapi).participation.contactRetentionDays * DAY_MS);
            await getService(strapi, contactVault).put(submission.documentId, fields.contact, deleteAfter);
          }
          return submission.documentId;
        });
      } catch (error) {
        // Two posts of one solved challenge: the unique proof let one in.
        if (options.proof && (await strapi.db.query(UID.submission).count({ where: { proof: options.proof } })) > 0)
          throw new ProofReused();
        throw error;
      }
    },

    /** Whether a solved challenge already admitted a submission. */
    async proofUsed(proof: string): Promise<boolean> {
      return (await strapi.db.query(UID.submission).count({ where: { proof } })) > 0;
    },
  };
});

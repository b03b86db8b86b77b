/**
 * A story's draft as review reads it (stage, author, outlet), locked when a move or a publish
 * must queue behind others, and whether a viewer may read the story at all.
 */
import type { ReviewStage } from '@campaign-desk/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../../../../common/names';
import { refusal } from '../../errors';
import type { AdminUser } from '../../request-context';

/** Who asks through the admin API: the user, and what their roles let them do (the request's CASL ability). */
export interface Viewer {
  user: AdminUser;
  ability: unknown;
}

export interface Draft {
  id: number;
  reviewStage: ReviewStage;
  authorId: number | null;
  /** The story's 首发媒体 (documentId): whose review chain it goes through. */
  outletId: string | null;
}

/**
 * The story's draft: stage and author. With `lock`, inside a transaction, its row stays
 * locked until that transaction ends, so moves, publishes and edits of one story queue up
 * (PostgreSQL; SQLite has a single writer, so a transaction is alone anyway).
 */
export async function draftOf(strapi: Core.Strapi, documentId: string, { lock = false } = {}): Promise<Draft> {
  if (lock && strapi.db.dialect.client !== 'sqlite') {
    await strapi.db.transaction(({ trx }: { trx: unknown }) =>
      strapi.db.queryBuilder(UID.story).select(['id']).where({ documentId, publishedAt: null }).transacting(trx).getKnexQuery().forUpdate(),
    );
  }
  const draft = (await strapi.db.query(UID.story).findOne({
    where: { documentId, publishedAt: null },
    select: ['id', 'reviewStage'],
    populate: { createdBy: { select: ['id'] }, outlet: { select: ['documentId'] } },
  })) as {
    id: number;
    reviewStage: ReviewStage | null;
    createdBy?: { id: number } | null;
    outlet?: { documentId: string } | null;
  } | null;
  if (!draft) throw new errors.NotFoundError(`没有找到稿件 ${documentId}`);
  return {
    id: draft.id,
    reviewStage: draft.reviewStage ?? 'draft',
    authorId: draft.createdBy?.id ?? null,
    outletId: draft.outlet?.documentId ?? null,
  };
}

/** What the content manager decides of a viewer and a story row (its creator and their roles populated). */
const checkerOf = (strapi: Core.Strapi, ability: unknown) =>
  strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ability, model: UID.story }) as {
    can: { publish(entity: unknown): boolean };
    cannot: { read(entity: unknown): boolean };
  };

/** Whether the viewer may read a story row (its creator and their roles populated), as the content manager decides. */
export const readChecker = (strapi: Core.Strapi, viewer: Viewer) => checkerOf(strapi, viewer.ability);

/**
 * A person's ability made by Strapi's permission engine from their roles, for a check made
 * outside their own request (the scheduler, a preview link); their roles are populated.
 */
export async function viewerOf(strapi: Core.Strapi, user: AdminUser): Promise<Viewer> {
  const engine = (strapi.service('admin::permission') as { engine: { generateUserAbility(user: unknown): Promise<unknown> } }).engine;
  return { user, ability: await engine.generateUserAbility(user) };
}

/** The draft row with what Strapi's conditions (is-creator, has-same-role-as-creator) look at: its creator and their roles. */
async function conditionsSubject(strapi: Core.Strapi, documentId: string): Promise<unknown> {
  const draft = await strapi.db.query(UID.story).findOne({
    where: { documentId, publishedAt: null },
    populate: { createdBy: { select: ['id'], populate: { roles: { select: ['id', 'code'] } } } },
  });
  if (!draft) throw new errors.NotFoundError(`没有找到稿件 ${documentId}`);
  return draft;
}

/** Refuses a viewer who may not read the story (as the content manager would, conditions included). */
export async function assertReadable(strapi: Core.Strapi, documentId: string, viewer: Viewer): Promise<void> {
  if (readChecker(strapi, viewer).cannot.read(await conditionsSubject(strapi, documentId))) {
    throw refusal(`你不能查看稿件 ${documentId}，也就不能查看或办理它的审稿`);
  }
}

/** Whether the viewer may publish this story, conditions included, as the content manager's publish decides. */
export async function mayPublishStory(strapi: Core.Strapi, documentId: string, viewer: Viewer): Promise<boolean> {
  return checkerOf(strapi, viewer.ability).can.publish(await conditionsSubject(strapi, documentId));
}

/**
 * 三审 per outlet (审稿链): with `review.perOutlet` on, each review of a story is made only by
 * the accounts its outlet's chain lists: the outlet's 采编人员 marked for that review, and
 * those marked 跨媒体审稿 (a 主编 across outlets). A return is for anyone of the chain.
 * Off, every holder of a review action reviews every outlet's stories, as before.
 *
 * The chain lives on the 采编人员 records (matched to accounts by email, as people.ts does),
 * which only 主编 may edit: nobody puts themselves in a chain.
 */
import type { Core } from '@strapi/strapi';
import { REVIEW_ACTIONS, UID, type ReviewAction } from '../../../../common/names';
import type { ReviewChain } from '../../../../common/review-api';
import { CHAINED_MOVES, REVIEWS, isReview, type Review } from '../../../../common/review-stages';
import { pluginConfig } from '../../config/read';
import type { AdminUser } from '../../request-context';
import { defineService } from '../../utils';

/** The 采编人员 field that puts an account in a review of its outlet's chain. */
export const CHAIN_FIELDS = { first: 'firstReview', second: 'secondReview', final: 'finalReview' } as const satisfies Record<
  Review,
  string
>;

interface Member {
  name: string;
  email: string;
  firstReview: boolean | null;
  secondReview: boolean | null;
  finalReview: boolean | null;
  allOutlets: boolean | null;
}

/** A story's chain as loaded: what the panel shows, and who is in it. */
export interface LoadedChain {
  view: ReviewChain;
  members: Member[];
}

const sameEmail = (member: Member, user: AdminUser) =>
  Boolean(user.email) && member.email.trim().toLowerCase() === user.email!.trim().toLowerCase();

/** Why `user` may not make `action` on the chain's story, or null if the chain lets them. */
export function outsideChain(chain: LoadedChain | null, action: ReviewAction, user: AdminUser): string | null {
  if (!chain || !CHAINED_MOVES.includes(action)) return null;
  const member = chain.members.find((candidate) => sameEmail(candidate, user));
  const whose = chain.view.outlet ? `“${chain.view.outlet}”稿件` : '未填首发媒体的稿件';
  if (isReview(action)) {
    if (member?.[CHAIN_FIELDS[action]]) return null;
    const names = chain.view[action].join('、');
    const who = names ? `由${names}做` : '尚未指定审稿人';
    return `按媒体分设的审稿链：${whose}的${REVIEW_ACTIONS[action].displayName}${who}，你不在其中`;
  }
  if (member && REVIEWS.some((review) => member[CHAIN_FIELDS[review]])) return null;
  return `按媒体分设的审稿链：${whose}只能由其审稿链中的人退回修改，你不在其中`;
}

export default defineService('review-chains', ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The chain of a story of this outlet (its documentId, or null), or null while chains are off. */
  async forOutlet(outletId: string | null): Promise<LoadedChain | null> {
    if (!pluginConfig(strapi).review.perOutlet) return null;
    const where = outletId ? { $or: [{ allOutlets: true }, { outlet: { documentId: outletId } }] } : { allOutlets: true };
    const [members, outlet] = await Promise.all([
      strapi.db.query(UID.staffMember).findMany({
        where,
        select: ['name', 'email', 'firstReview', 'secondReview', 'finalReview', 'allOutlets'],
        orderBy: { id: 'asc' },
      }) as Promise<Member[]>,
      outletId
        ? (strapi.db.query(UID.outlet).findOne({ where: { documentId: outletId }, select: ['name'] }) as Promise<{ name: string } | null>)
        : null,
    ]);
    const named = (review: Review) =>
      members
        .filter((member) => member[CHAIN_FIELDS[review]])
        .map((member) => (member.allOutlets ? `${member.name}（跨媒体）` : member.name));
    return { view: { outlet: outlet?.name ?? null, first: named('first'), second: named('second'), final: named('final') }, members };
  },
}));

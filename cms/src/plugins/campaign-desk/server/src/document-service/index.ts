/**
 * The plugin's rules for every door into the Document Service (admin UI, admin API, code),
 * one rule a middleware. Each declares the actions it covers (actions.ts names every action
 * Strapi's Document Service runs) and runs for those only; an action the table does not name
 * is refused on the plugin's types. Each runs its part before `next()` outermost first, and
 * its part after `next()` returns innermost first; so the order is:
 *
 *  0. cloneAsCreate — a clone is a create of the copied data, through every rule below, or
 *     refused for the types a copy makes no sense of.
 *  0b. publishNotices (notices/) — the author is told of a story's publish once it committed,
 *     or that it failed and why; outside every other rule, so it sees their outcome and the write's.
 *  1. taxonomyLock — themes, activities and places stay as the plan fixes them.
 *  2. reviewLogAppendOnly — the review log cannot be edited or deleted.
 *  3. publishedStoryDeleteGuard — only someone who may publish deletes a published story.
 *  4. publishOnlyApproved — a story is published only once approved, an edit only once reviewed;
 *     a story's publish runs in the transaction it opens, the story's draft row locked from
 *     the check on, so no edit slips in between the check and the copy that is published.
 *  4b. publishWordCheck — a story with words of the sensitive-word list is published only if
 *     its 终审 acknowledged each; in 4's transaction, so it reads the text published.
 *  5. slugFormat — a typed slug is well formed.
 *  6. slugFrozenOncePublic — a slug does not change once public.
 *  7. placementVerification — only a verifier verifies a placement or changes a verified one;
 *     it records who and when, and keeps forms from writing that or a placement's source.
 *     1–7 refuse before anything is written (a refused publish costs 4's transaction only);
 *     5 before 6, so a malformed slug is told so first.
 *  8. stageByReviewOnly — an edit cannot set the review stage.
 *  9. reopenAfterEdit — a story edited after a reviewer passed it goes back for review; it
 *     compares what was sent, as 4 does, before 10 and 11 fill anything in.
 * 10. slugFromTitle — an empty slug is filled in; after 5 and 6, which judge what was asked for.
 * 11. outletOfAuthor — a new story or placement without an outlet gets its author's outlet.
 * 12. outboxEvent, 13. journalEntry, 14. contractCheck — after the action, each public change
 *     is checked against the contract, journaled and announced, in that order (innermost
 *     first): a record that fails the check throws before anything about it is written. Each
 *     wraps the action in a transaction (the outermost opens it, the others join), so the
 *     change and all three commit or roll back together.
 * 15. placementStates, 16. onePlanPerOutletAndPhase — judge the saved row once the write has
 *     run (a placement's move and what its state needs; one plan per outlet and phase), in
 *     the write's transaction; inside 12–14, so a placement short of a field is told so in
 *     the newsroom's words before the contract check judges its public record.
 * 17. clauseEditsOpinionDraft — a clause edit marks its opinion's draft as modified and
 *     changes nothing public (the public reads the clauses as of the opinion's last publish).
 * 18. recordChange — declares the action's public changes once it has run; inside 12–14, so
 *     it reads the public versions in its transaction and declares them before those rules
 *     go through them.
 * 19. clausesAtPublish — a published opinion's clauses are stored on its published version;
 *     inside 18, so the version 18 declares carries them.
 * 20. storyDateOnFirstPublish — a story's date is set as it is first published; inside
 *     12–14, so a publish they refuse takes the date back with it.
 * 21. topicPublishedWithStory — a topic is 已发布 once a story fulfilling it is; inside 12–14
 *     for the same reason.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../../../common/names';
import { isAction, type Middleware, type Rule } from './actions';
import cloneAsCreate from './clone-as-create';
import clauseEditsOpinionDraft from '../publication/rules/clause-edits-opinion-draft';
import clausesAtPublish from '../publication/rules/clauses-at-publish';
import contractCheck from '../publication/rules/contract-check';
import journalEntry from '../publication/rules/journal-entry';
import onePlanPerOutletAndPhase from '../coverage/rules/one-plan-per-outlet-and-phase';
import outboxEvent from '../outbox/rules/outbox-event';
import outletOfAuthor from '../newsroom/rules/outlet-of-author';
import placementStates from '../coverage/rules/placement-states';
import placementVerification from '../coverage/rules/placement-verification';
import publishOnlyApproved from '../review/rules/publish-only-approved';
import publishWordCheck from '../review/rules/publish-word-check';
import publishNotices from '../notices/rules/publish-notices';
import publishedStoryDeleteGuard from '../review/rules/published-story-delete-guard';
import recordChange from '../publication/rules/record-change';
import reopenAfterEdit from '../review/rules/reopen-after-edit';
import reviewLogAppendOnly from '../review/rules/review-log-append-only';
import slugFormat from '../content/rules/slug-format';
import slugFromTitle from '../content/rules/slug-from-title';
import slugFrozenOncePublic from '../content/rules/slug-frozen-once-public';
import stageByReviewOnly from '../review/rules/stage-by-review-only';
import storyDateOnFirstPublish from '../publication/rules/story-date-on-first-publish';
import taxonomyLock from '../content/rules/taxonomy-lock';
import topicPublishedWithStory from '../coverage/rules/topic-published-with-story';

/** The rules, outermost first. */
export function documentRules(strapi: Core.Strapi): Rule[] {
  return [
    cloneAsCreate(strapi),
    publishNotices(strapi),
    taxonomyLock(strapi),
    reviewLogAppendOnly(),
    publishedStoryDeleteGuard(strapi),
    publishOnlyApproved(strapi),
    publishWordCheck(strapi),
    slugFormat(),
    slugFrozenOncePublic(strapi),
    placementVerification(strapi),
    stageByReviewOnly(),
    reopenAfterEdit(strapi),
    slugFromTitle(strapi),
    outletOfAuthor(strapi),
    outboxEvent(strapi),
    journalEntry(strapi),
    contractCheck(strapi),
    placementStates(strapi),
    onePlanPerOutletAndPhase(strapi),
    clauseEditsOpinionDraft(strapi),
    recordChange(strapi),
    clausesAtPublish(strapi),
    storyDateOnFirstPublish(strapi),
    topicPublishedWithStory(strapi),
  ];
}

/** Refuses, on the plugin's types, an action no rule was judged against (one a newer Strapi added). */
const knownActionsOnly: Middleware = async (context, next) => {
  // Typed as the actions Strapi's types know; the installed Strapi may run more.
  const action: string = context.action;
  if (context.uid.startsWith(`plugin::${PLUGIN_ID}.`) && !isAction(action)) {
    throw new errors.ValidationError(`不支持的操作：${action}`);
  }
  return next();
};

export function registerDocumentMiddlewares(strapi: Core.Strapi) {
  strapi.documents.use(knownActionsOnly);
  for (const { covers, run } of documentRules(strapi)) {
    strapi.documents.use((context, next) => ((covers as readonly string[]).includes(context.action) ? run(context, next) : next()));
  }
}

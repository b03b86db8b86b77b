/**
 * The plugin's rules for every door into the Document Service (admin UI, admin API, code),
 * one rule a middleware. Each runs its part before `next()` outermost first, and its part
 * after `next()` returns innermost first; so the order is:
 *
 *  1. taxonomyLock — themes, activities and places stay as the plan fixes them.
 *  2. reviewLogAppendOnly — the review log cannot be edited or deleted.
 *  3. publishedStoryDeleteGuard — only someone who may publish deletes a published story.
 *  4. publishOnlyApproved — a story is published only once approved, an edit only once reviewed;
 *     a story's publish runs in the transaction it opens, the story's draft row locked from
 *     the check on, so no edit slips in between the check and the copy that is published.
 *  5. slugFormat — a typed slug is well formed.
 *  6. slugFrozenOncePublic — a slug does not change once public.
 *     1–6 refuse before anything is written (a refused publish costs 4's transaction only);
 *     5 before 6, so a malformed slug is told so first.
 *  7. stageByReviewOnly — an edit cannot set the review stage.
 *  8. reopenAfterEdit — an edited approved story goes back for review, with the edit; it
 *     compares what was sent, as 4 does, before 9 fills anything in.
 *  9. slugFromTitle — an empty slug is filled in; after 5 and 6, which judge what was asked for.
 * 10. outboxEvent, 11. journalEntry, 12. contractCheck — after the action, each public change
 *     is checked against the contract, journaled and announced, in that order (innermost
 *     first): a record that fails the check throws before anything about it is written. Each
 *     wraps the action in a transaction (the outermost opens it, the others join), so the
 *     change and all three commit or roll back together.
 * 13. clauseEditsOpinionDraft — a clause edit marks its opinion's draft as modified and
 *     changes nothing public (the public reads the clauses as of the opinion's last publish).
 * 14. recordChange — declares the action's public changes once it has run; inside 10–12, so
 *     it reads the public versions in its transaction and declares them before those rules
 *     go through them.
 * 15. clausesAtPublish — a published opinion's clauses are stored on its published version;
 *     inside 14, so the version 14 declares carries them.
 * 16. storyDateOnFirstPublish — a story's date is set as it is first published; inside
 *     10–12, so a publish they refuse takes the date back with it.
 */
import type { Core } from '@strapi/strapi';
import clauseEditsOpinionDraft from './clause-edits-opinion-draft';
import clausesAtPublish from './clauses-at-publish';
import contractCheck from './contract-check';
import journalEntry from './journal-entry';
import outboxEvent from './outbox-event';
import publishOnlyApproved from './publish-only-approved';
import publishedStoryDeleteGuard from './published-story-delete-guard';
import recordChange from './record-change';
import reopenAfterEdit from './reopen-after-edit';
import reviewLogAppendOnly from './review-log-append-only';
import slugFormat from './slug-format';
import slugFromTitle from './slug-from-title';
import slugFrozenOncePublic from './slug-frozen-once-public';
import stageByReviewOnly from './stage-by-review-only';
import storyDateOnFirstPublish from './story-date-on-first-publish';
import taxonomyLock from './taxonomy-lock';

export function registerDocumentMiddlewares(strapi: Core.Strapi) {
  for (const middleware of [
    taxonomyLock(strapi),
    reviewLogAppendOnly(),
    publishedStoryDeleteGuard(strapi),
    publishOnlyApproved(strapi),
    slugFormat(),
    slugFrozenOncePublic(strapi),
    stageByReviewOnly(),
    reopenAfterEdit(strapi),
    slugFromTitle(strapi),
    outboxEvent(strapi),
    journalEntry(strapi),
    contractCheck(strapi),
    clauseEditsOpinionDraft(strapi),
    recordChange(strapi),
    clausesAtPublish(strapi),
    storyDateOnFirstPublish(strapi),
  ]) {
    strapi.documents.use(middleware);
  }
}

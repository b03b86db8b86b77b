/**
 * The plugin's rules for every door into the Document Service (admin UI, admin API, code).
 * Each declares the actions it covers (actions.ts names every action Strapi's Document Service
 * runs) and runs for those only; an action the table does not name is refused on the plugin's
 * types. There are two kinds:
 *
 * Guards, each on its own: it refuses, or strips what may not be written, before anything is
 * written, and reads nothing another guard does; their order decides only which of two
 * refusals is named first. A new check that refuses and needs nothing else is a guard.
 *
 * The publication pipeline (pipeline.ts): what must happen together, in one transaction and in
 * the order written below. Its steps run before the write, and what they hand back runs after
 * it, in the same order; then the write's public changes are worked out and go, stage by
 * stage, through the contract check, the journal and the outbox. A new step goes where its
 * reason says, and its reason goes beside it.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PLUGIN_ID } from '../../../common/names';
import clauseEditsOpinionDraft from '../publication/rules/clause-edits-opinion-draft';
import clausesAtPublish from '../publication/rules/clauses-at-publish';
import contractCheck from '../publication/rules/contract-check';
import journalEntry from '../publication/rules/journal-entry';
import publicChanges, { type PublicChange } from '../publication/rules/public-changes';
import storyDateOnFirstPublish from '../publication/rules/story-date-on-first-publish';
import onePlanPerOutletAndPhase from '../coverage/rules/one-plan-per-outlet-and-phase';
import placementStates from '../coverage/rules/placement-states';
import placementVerification from '../coverage/rules/placement-verification';
import topicPublishedWithStory from '../coverage/rules/topic-published-with-story';
import outboxEvent from '../outbox/rules/outbox-event';
import outletOfAuthor from '../newsroom/rules/outlet-of-author';
import ownOutletOnly from '../newsroom/rules/own-outlet-only';
import publishNotices from '../notices/rules/publish-notices';
import publishOnlyApproved from '../review/rules/publish-only-approved';
import publishWordCheck from '../review/rules/publish-word-check';
import publishedStoryDeleteGuard from '../review/rules/published-story-delete-guard';
import reopenAfterEdit from '../review/rules/reopen-after-edit';
import reviewLogAppendOnly from '../review/rules/review-log-append-only';
import scheduleSettledByPublish from '../scheduling/rules/schedule-settled-by-publish';
import schedulesByServiceOnly from '../scheduling/rules/schedules-by-service-only';
import stageByReviewOnly from '../review/rules/stage-by-review-only';
import linksHttpOnly from '../content/rules/links-http-only';
import slugFormat from '../content/rules/slug-format';
import slugFromTitle from '../content/rules/slug-from-title';
import slugFrozenOncePublic from '../content/rules/slug-frozen-once-public';
import taxonomyLock from '../content/rules/taxonomy-lock';
import liveEntryApproval from '../live/rules/entry-approval';
import liveInput from '../live/rules/live-input';
import quizAtPublish from '../quiz/rules/quiz-at-publish';
import quizShape from '../quiz/rules/quiz-shape';
import { WRITES, isAction, type Middleware, type Rule } from './actions';
import cloneAsCreate from './clone-as-create';
import { pipeline, type Stage, type Step } from './pipeline';

export function guards(strapi: Core.Strapi): Rule[] {
  return [
    // A clone becomes a create of the copied data, which meets every rule, or is refused.
    cloneAsCreate(strapi),
    taxonomyLock(strapi),
    reviewLogAppendOnly(),
    schedulesByServiceOnly(),
    publishedStoryDeleteGuard(strapi),
    // Format first: a malformed slug is told so before being told it is frozen.
    slugFormat(),
    slugFrozenOncePublic(strapi),
    linksHttpOnly(strapi),
    placementVerification(strapi),
    stageByReviewOnly(),
    liveInput(),
  ];
}

/** The steps of the publication pipeline, in the order they run. */
export function publicationSteps(strapi: Core.Strapi): Step[] {
  return [
    // First: the story's draft row is locked from the check on, so no edit slips in between
    // the check and the copy that is published.
    publishOnlyApproved(strapi),
    // In the same lock: the words checked are those of the text that is published.
    publishWordCheck(strapi),
    // Once approved: only a publish that goes ahead dates the story.
    storyDateOnFirstPublish(strapi),
    // Once approved too: a publish by hand cancels the story's pending 定时发布 with it.
    scheduleSettledByPublish(strapi),
    // Compares what was sent, before the next two fill anything in; after the write, the
    // story goes back for review.
    reopenAfterEdit(strapi),
    // Fill in what was left empty; the guards judged what was asked for.
    slugFromTitle(strapi),
    outletOfAuthor(strapi),
    // After the write: the outlet as saved (whatever form it was sent in) is the author's own.
    ownOutletOnly(strapi),
    // Judge the saved row, before the contract check judges its public record: a placement
    // short of a field is told so in the newsroom's words.
    placementStates(strapi),
    onePlanPerOutletAndPhase(strapi),
    // In the write's transaction: an entry approved is logged with it, or neither happens.
    liveEntryApproval(strapi),
    clauseEditsOpinionDraft(strapi),
    // Before the public changes are read, so the published opinion read carries its clauses.
    clausesAtPublish(strapi),
    topicPublishedWithStory(strapi),
    // A question or quiz judged as saved, before a publish freezes the questions; the freeze
    // before the public changes are read, so the published quiz read carries its questions.
    quizShape(strapi),
    quizAtPublish(strapi),
  ];
}

/** What each public change goes through, in this order: nothing is journaled that fails the contract, nothing announced that is not journaled. */
export function publicationStages(strapi: Core.Strapi): Stage<PublicChange>[] {
  return [contractCheck(strapi), journalEntry(strapi), outboxEvent(strapi)];
}

/** The rules, outermost first: the author's notice of a publish, the guards, then the publication pipeline. */
export function documentRules(strapi: Core.Strapi): Rule[] {
  return [
    // Around everything else, so it tells the outcome of every guard, the pipeline and the write.
    publishNotices(strapi),
    ...guards(strapi),
    pipeline('publication', WRITES, {
      transaction: async (work) => strapi.db.transaction(work),
      appliesTo: (uid) => uid.startsWith(`plugin::${PLUGIN_ID}.`),
      steps: publicationSteps(strapi),
      publicChanges: publicChanges(strapi),
      stages: publicationStages(strapi),
    }),
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

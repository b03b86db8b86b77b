import { PARTICIPATION_PATH, QUIZ_ENDPOINT } from '@campaign-desk/shared';
import { EXPLORER_ACTIONS, STATISTICS_READ_ACTION, UID } from '../../../common/names';
import { allowed } from '../route-policies';

/** Answers come through the participation gate, like every public post (participation/routes.ts). */
const open = { policies: ['plugin::campaign-desk.passed-gate'], auth: false as const };

export const adminRoutes = [
  { method: 'GET', path: '/quiz-statistics', handler: 'quiz-statistics.find', config: allowed(STATISTICS_READ_ACTION.id) },
  // A 选题 is the content manager's to create: whoever may create topics may make one here.
  {
    method: 'POST',
    path: '/quiz-statistics/topics',
    handler: 'quiz-statistics.topic',
    config: allowed(STATISTICS_READ_ACTION.id, [EXPLORER_ACTIONS.create, UID.topic]),
  },
];

export const contentApiRoutes = [
  { method: 'POST', path: `${PARTICIPATION_PATH}/${QUIZ_ENDPOINT}/:slug`, handler: 'quiz-answers.answer', config: open },
];

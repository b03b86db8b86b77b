/**
 * 三审 through the admin HTTP API, as the newsroom uses it: real logins of a reporter, an
 * editor and a chief editor, the content manager's own endpoints, and the review routes
 * the edit-view panel calls, and the 公众号 hand-off of a published story.
 */
import { bootNewsroom } from './workflow/newsroom';
import { rolesAndReviewPath } from './workflow/review-path';
import { dutiesAndLog } from './workflow/duties';
import { reviewChains } from './workflow/review-chains';
import { changesAndWords } from './workflow/checks';
import { handoffOfStories } from './workflow/handoff';

bootNewsroom();
rolesAndReviewPath();
dutiesAndLog();
reviewChains();
changesAndWords();
handoffOfStories();

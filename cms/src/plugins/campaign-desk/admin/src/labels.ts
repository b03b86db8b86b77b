import { vocabularyLabels } from '@campaign-desk/shared';
import { PLACEMENT_SOURCES, PLACEMENT_STATES } from '../../common/placement-states';
import { REVIEW_STAGES } from '../../common/review-stages';
import { TOPIC_STATUSES } from '../../common/topic-statuses';

/**
 * The content manager labels an enumeration option with the translation whose id is the
 * option's value; these give the campaign's vocabularies, the review stages, placement states
 * and topic statuses their Chinese names while the database keeps the keys.
 */
export const ENUMERATION_LABELS: Record<string, string> = {
  ...vocabularyLabels(),
  ...Object.fromEntries([...REVIEW_STAGES, ...PLACEMENT_STATES, ...PLACEMENT_SOURCES, ...TOPIC_STATUSES].map((entry) => [entry.key, entry.name])),
};

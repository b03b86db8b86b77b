import { vocabularyLabels } from '@campaign-desk/shared';
import { REVIEW_STAGES } from '../../common/review-stages';

/**
 * The content manager labels an enumeration option with the translation whose id is the
 * option's value; these give the campaign's vocabularies and the review stages their
 * Chinese names while the database keeps the keys.
 */
export const ENUMERATION_LABELS: Record<string, string> = {
  ...vocabularyLabels(),
  ...Object.fromEntries(REVIEW_STAGES.map((stage) => [stage.key, stage.name])),
};

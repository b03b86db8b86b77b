/** The campaign's seed: the plan's real data (plan.json) plus the generated sample stories and the sample quiz. */
import plan from './plan.json';
import { sampleQuizzes } from './sample-quiz';
import { sampleStories } from './sample-stories';

export function campaignDataset() {
  return { ...plan, ...sampleStories(), ...sampleQuizzes() };
}

/** The campaign's seed: the plan's real data (plan.json) plus the generated sample stories. */
import plan from './plan.json';
import { sampleStories } from './sample-stories';

export function campaignDataset() {
  return { ...plan, ...sampleStories() };
}

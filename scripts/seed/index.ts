/** The campaign's seed: the plan's real data (plan.json) plus the generated sample stories, the sample quiz and the sample 宣讲菜单. */
import plan from './plan.json';
import { sampleQuizzes } from './sample-quiz';
import { sampleLectureTopics } from './sample-lectures';
import { sampleStories } from './sample-stories';

export function campaignDataset() {
  return { ...plan, ...sampleStories(), ...sampleQuizzes(), ...sampleLectureTopics() };
}

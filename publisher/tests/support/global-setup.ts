/** Once per run: the 分享海报 the suite's builds share (removed at the end, whatever the tests did). */
import { makePosterCache } from '@campaign-desk/testing/poster-cache';

export default function setup(): () => void {
  return makePosterCache();
}

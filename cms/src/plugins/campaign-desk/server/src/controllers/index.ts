import review from './review';
import snapshot from './snapshot';

export default { review, snapshot };

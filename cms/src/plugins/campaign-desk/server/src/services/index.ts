import journal from './journal';
import recordReader from './record-reader';
import seed from './seed';
import slugs from './slugs';
import snapshot from './snapshot';
import taxonomy from './taxonomy';

export default {
  journal,
  'record-reader': recordReader,
  seed,
  slugs,
  snapshot,
  taxonomy,
};

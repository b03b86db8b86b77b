import editorLabels from './editor-labels';
import journal from './journal';
import recordReader from './record-reader';
import seed from './seed';
import slugs from './slugs';
import snapshot from './snapshot';
import taxonomy from './taxonomy';

export default {
  'editor-labels': editorLabels,
  journal,
  'record-reader': recordReader,
  seed,
  slugs,
  snapshot,
  taxonomy,
};

/** Each public change goes into the change journal, in the transaction of the change, so the snapshot can follow. */
import type { Core } from '@strapi/strapi';
import { getService } from '../../utils';
import type { Stage } from '../../document-service/pipeline';
import type { PublicChange } from './public-changes';
import journal from '../services/journal';

export default (strapi: Core.Strapi): Stage<PublicChange> => ({
  name: 'journalEntry',
  each: ({ type, documentId, effect }) => getService(strapi, journal).record(type, documentId, effect),
});

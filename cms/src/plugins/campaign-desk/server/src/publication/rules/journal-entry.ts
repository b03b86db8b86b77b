/** Each public change goes into the change journal, in the transaction of the change, so the snapshot can follow. */
import type { Core } from '@strapi/strapi';
import { getService } from '../../utils';
import { rule, type Rule, WRITES } from '../../document-service/actions';
import { forEachPublicChange } from './public-changes';
import journal from '../services/journal';

export default (strapi: Core.Strapi): Rule =>
  rule('journalEntry', WRITES, forEachPublicChange(strapi, ({ type, documentId, effect }) => getService(strapi, journal).record(type, documentId, effect)));

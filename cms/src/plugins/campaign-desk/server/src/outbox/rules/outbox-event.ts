/**
 * Each public change is announced to the build hooks: a publish event written to the outbox
 * in the transaction of the change, so an event exists exactly when the change committed.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../../utils';
import type { Stage } from '../../document-service/pipeline';
import type { PublicChange } from '../../publication/rules/public-changes';
import outbox from '../services/outbox';

export default (strapi: Core.Strapi): Stage<PublicChange> => ({
  name: 'outboxEvent',
  each: (change) =>
    change.effect === 'upsert'
      ? getService(strapi, outbox).enqueue('publish', change.record)
      : getService(strapi, outbox).enqueue(change.event, change),
});

/**
 * Each public change is announced to the build hooks: a publish event written to the outbox
 * in the transaction of the change, so an event exists exactly when the change committed.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../../utils';
import { rule, type Rule, WRITES } from '../../document-service/actions';
import { forEachPublicChange } from '../../publication/rules/public-changes';
import outbox from '../services/outbox';

export default (strapi: Core.Strapi): Rule =>
  rule('outboxEvent', WRITES, forEachPublicChange(strapi, (change) =>
    change.effect === 'upsert'
      ? getService(strapi, outbox).enqueue('publish', change.record)
      : getService(strapi, outbox).enqueue(change.event, change),
  ));

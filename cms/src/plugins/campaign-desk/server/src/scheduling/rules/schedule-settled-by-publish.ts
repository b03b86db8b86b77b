/**
 * A story published by hand before its time has gone out: its pending 定时发布 is cancelled with
 * the publish (the scheduled publish itself holds its row claimed, so it is left alone).
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { paramsOf, publishes } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';
import { nameOf } from '../../newsroom/services/people';
import { actingUser } from '../../request-context';
import { cancelSchedule } from '../schedule-rows';

export default (strapi: Core.Strapi): Step =>
  step('scheduleSettledByPublish', ['create', 'update', 'publish'], (context) => {
    const params = paramsOf(context);
    const documentId = params.documentId;
    if (context.uid !== UID.story || !publishes(context.action, params) || !documentId) return;
    const user = actingUser(strapi);
    return async () => {
      const actor = { id: user?.id ?? null, name: nameOf(user) };
      await cancelSchedule(strapi, documentId, 'approved', actor, `${actor.name}已手动发布，定时发布随之取消`);
    };
  });

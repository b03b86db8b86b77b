/**
 * A topic is 已发布 once a story that fulfils it is published: when the story is published,
 * or when a published story is linked to the topic. Topics still open (策划中, 采写中,
 * 已成稿) move; a cancelled topic stays cancelled.
 */
import type { Core } from '@strapi/strapi';
import { UID } from '../../../../common/names';
import { OPEN_TOPIC_STATUSES } from '../../../../common/topic-statuses';
import { documentIdOf, editOf, paramsOf, publishes } from '../../document-service/actions';
import { step, type Step } from '../../document-service/pipeline';

export default (strapi: Core.Strapi): Step => {
  /** The topic, if it is open and one of its stories is published. */
  async function publishedAmong(documentId: string): Promise<Array<{ id: number }>> {
    const topic = (await strapi.db.query(UID.topic).findOne({
      where: { documentId, progress: { $in: OPEN_TOPIC_STATUSES } },
      select: ['id'],
      populate: { stories: { select: ['documentId'] } },
    })) as { id: number; stories: Array<{ documentId: string }> } | null;
    if (!topic || topic.stories.length === 0) return [];
    const published = await strapi.db.query(UID.story).count({
      where: { documentId: { $in: topic.stories.map((story) => story.documentId) }, publishedAt: { $notNull: true } },
    });
    return published > 0 ? [topic] : [];
  }

  return step('topicPublishedWithStory', ['create', 'update', 'publish'], (context) => {
    const params = paramsOf(context);
    const storyPublished = context.uid === UID.story && publishes(context.action, params);
    const topicEdited = context.uid === UID.topic && editOf(context.action, params) !== null;
    if (!storyPublished && !topicEdited) return;

    return async (result) => {
      const documentId = documentIdOf(params, result);
      if (!documentId) return;
      const topics = strapi.db.query(UID.topic);
      const open = { progress: { $in: OPEN_TOPIC_STATUSES } };
      // Links are matched by documentId: a topic may hold a story's draft row, its published one, or both.
      const fulfilled = storyPublished
        ? ((await topics.findMany({ select: ['id'], where: { ...open, stories: { documentId } } })) as Array<{ id: number }>)
        : await publishedAmong(documentId);
      if (fulfilled.length > 0) {
        await topics.updateMany({ where: { id: { $in: fulfilled.map((topic) => topic.id) } }, data: { progress: 'published' } });
      }
    };
  });
};

/**
 * 选题: where a planned topic stands. 已发布 is reached when a story that fulfils it is
 * published (the plugin sets it); the others are set by the people working on it.
 */
import { TOPIC_STATUSES, nameOf, type TopicStatus } from '@campaign-desk/shared';

/** Topics still being worked on: the ones that can be due or overdue. */
export const OPEN_TOPIC_STATUSES: readonly TopicStatus[] = ['planning', 'reporting', 'filed'];

export const topicStatusName = (status: string): string => nameOf(TOPIC_STATUSES, status);

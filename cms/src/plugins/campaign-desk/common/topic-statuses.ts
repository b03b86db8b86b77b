/**
 * 选题: where a planned topic stands. 已发布 is reached when a story that fulfils it is
 * published (the plugin sets it); the others are set by the people working on it.
 */

export const TOPIC_STATUSES = [
  { key: 'planning', name: '策划中' },
  { key: 'reporting', name: '采写中' },
  { key: 'filed', name: '已成稿' },
  { key: 'published', name: '已发布' },
  { key: 'cancelled', name: '已取消' },
] as const;

export type TopicStatus = (typeof TOPIC_STATUSES)[number]['key'];

export const TOPIC_STATUS_KEYS = TOPIC_STATUSES.map((status) => status.key) as [TopicStatus, ...TopicStatus[]];

/** Topics still being worked on: the ones that can be due or overdue. */
export const OPEN_TOPIC_STATUSES: readonly TopicStatus[] = ['planning', 'reporting', 'filed'];

export function topicStatusName(status: string): string {
  return TOPIC_STATUSES.find((entry) => entry.key === status)?.name ?? status;
}

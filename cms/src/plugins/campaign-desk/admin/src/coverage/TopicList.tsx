/** Topics as the desk lists them: due day, title (to its edit view), plan, reporters, progress. */
import { Badge, Box, Flex, Link, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import type { DeskTopic } from '../../../common/desk-api';
import { UID } from '../../../common/names';
import { OPEN_TOPIC_STATUSES, topicStatusName } from '../../../common/topic-statuses';

const VARIANT = { planning: 'secondary', reporting: 'primary', filed: 'alternative', published: 'success', cancelled: 'neutral' } as const;

export const TopicList = ({ topics, empty, today }: { topics: DeskTopic[]; empty: string; today: string }) => {
  if (topics.length === 0) {
    return (
      <Box padding={4}>
        <Typography textColor="neutral600">{empty}</Typography>
      </Box>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
      {topics.map((topic) => {
        const overdue = topic.dueOn !== null && topic.dueOn < today && OPEN_TOPIC_STATUSES.includes(topic.progress);
        return (
          <Box key={topic.documentId} tag="li" padding={3} background="neutral0" hasRadius borderColor="neutral150">
            <Flex justifyContent="space-between" gap={3} wrap="wrap">
              <Flex direction="column" alignItems="start" gap={1}>
                <Link tag={NavLink} to={`/content-manager/collection-types/${UID.topic}/${topic.documentId}`}>
                  {topic.sample ? `【示例】${topic.title.replace(/^【示例】/, '')}` : topic.title}
                </Link>
                <Typography variant="pi" textColor="neutral600">
                  {[
                    topic.outlet,
                    topic.plan,
                    topic.column && `专栏：${topic.column}`,
                    topic.reporters.length > 0 && `记者：${topic.reporters.join('、')}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography>
              </Flex>
              <Flex gap={2}>
                <Typography variant="pi" textColor={overdue ? 'danger600' : 'neutral700'} fontWeight={overdue ? 'bold' : undefined}>
                  {topic.dueOn ? `${overdue ? '已逾期 · ' : ''}${topic.dueOn} 截止` : '未定时限'}
                </Typography>
                <Badge variant={VARIANT[topic.progress]}>{topicStatusName(topic.progress)}</Badge>
                {topic.stories > 0 && <Badge>{`稿件 ${topic.stories}`}</Badge>}
              </Flex>
            </Flex>
          </Box>
        );
      })}
    </Flex>
  );
};

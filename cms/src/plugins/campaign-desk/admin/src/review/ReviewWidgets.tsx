/**
 * Homepage widgets of the editor's day: 待我审核 (how many stories wait for a move of the
 * person signed in, and the oldest of them, each to its edit view; then the stories waiting
 * for their 定时发布) and 我的通知 (the newest notices, the unread counted, all marked read in
 * one click).
 */
import { useState } from 'react';
import { Badge, Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import { formatChineseDateTime } from '@campaign-desk/shared';
import { UID } from '../../../common/names';
import { NOTICE_KINDS, type Notices } from '../../../common/notices-api';
import type { ReviewQueue } from '../../../common/review-api';
import { REVIEW_MOVES, stageName } from '../../../common/review-stages';
import { messageOf } from '../components/api-error';
import { useAdminGet } from '../components/useAdminGet';
import { when } from '../components/when';

const SHOWN = 5;
const storyPath = (documentId: string) => `/content-manager/collection-types/${UID.story}/${documentId}`;

const Note = ({ text, danger = false }: { text: string; danger?: boolean }) => (
  <Box padding={4}>
    <Typography textColor={danger ? 'danger600' : 'neutral600'}>{text}</Typography>
  </Box>
);

/** The stories waiting for their 定时发布, soonest first, each with its time (Beijing time). */
const Scheduled = ({ stories }: { stories: ReviewQueue['scheduled'] }) => (
  <Flex direction="column" alignItems="stretch" gap={2} data-testid="scheduled">
    <Typography variant="omega" fontWeight="bold">{`${stories.length} 篇稿件定时发布`}</Typography>
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
      {stories.slice(0, SHOWN).map((story) => (
        <Box key={story.documentId} tag="li" padding={3} background="neutral0" hasRadius borderColor="neutral150">
          <Flex justifyContent="space-between" gap={3} wrap="wrap">
            <Link tag={NavLink} to={storyPath(story.documentId)}>
              {story.title}
            </Link>
            <Typography variant="pi" textColor="neutral600">
              {`${formatChineseDateTime(story.publishAt)}（北京时间）· ${story.scheduledBy}安排`}
            </Typography>
          </Flex>
        </Box>
      ))}
    </Flex>
  </Flex>
);

export const ReviewQueueWidget = () => {
  const { data, error } = useAdminGet<ReviewQueue>('/campaign-desk/review-queue');
  if (!data) return <Note text={error ?? '正在读取…'} danger={Boolean(error)} />;
  const scheduled = data.scheduled.length > 0 && <Scheduled stories={data.scheduled} />;
  if (data.stories.length === 0) {
    return (
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Note text="没有等你处理的稿件。" />
        {scheduled}
      </Flex>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="omega" fontWeight="bold" data-testid="review-queue-count">
        {`${data.stories.length} 篇稿件等你处理`}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
        {data.stories.slice(0, SHOWN).map((story) => (
          <Box key={story.documentId} tag="li" padding={3} background="neutral0" hasRadius borderColor="neutral150">
            <Flex justifyContent="space-between" gap={3} wrap="wrap">
              <Link tag={NavLink} to={storyPath(story.documentId)}>
                {story.title}
              </Link>
              <Flex gap={2}>
                <Badge>{stageName(story.stage)}</Badge>
                <Typography variant="pi" textColor="neutral600">
                  {`待${story.actions.map((action) => REVIEW_MOVES[action].name).join('、')}`}
                </Typography>
              </Flex>
            </Flex>
          </Box>
        ))}
      </Flex>
      {scheduled}
    </Flex>
  );
};

export const NoticesWidget = () => {
  const { data, error } = useAdminGet<Notices>('/campaign-desk/notices');
  const { post } = useFetchClient();
  const [marked, setMarked] = useState<Notices | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const shown = marked ?? data;
  if (!shown) return <Note text={error ?? '正在读取…'} danger={Boolean(error)} />;
  if (shown.notices.length === 0) return <Note text="还没有通知。" />;
  const markRead = async () => {
    try {
      setMarked((await post<Notices>('/campaign-desk/notices/read')).data);
      setFailure(null);
    } catch (caught) {
      setFailure(messageOf(caught));
    }
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="omega" fontWeight="bold">{`未读 ${shown.unread} 条`}</Typography>
        {shown.unread > 0 && (
          <Button variant="tertiary" size="S" onClick={() => void markRead()}>
            全部标为已读
          </Button>
        )}
      </Flex>
      {failure && <Typography textColor="danger600">{failure}</Typography>}
      <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
        {shown.notices.slice(0, SHOWN).map((notice) => (
          <Box key={notice.id} tag="li" padding={3} background={notice.read ? 'neutral0' : 'primary100'} hasRadius borderColor="neutral150">
            <Flex direction="column" alignItems="start" gap={1}>
              <Flex gap={2}>
                <Badge>{NOTICE_KINDS.find((kind) => kind.key === notice.kind)!.name}</Badge>
                <Typography variant="pi" textColor="neutral600">
                  {when(notice.createdAt)}
                </Typography>
              </Flex>
              <Link tag={NavLink} to={storyPath(notice.storyId)}>
                {notice.text}
              </Link>
            </Flex>
          </Box>
        ))}
      </Flex>
    </Flex>
  );
};

/** Homepage widgets: a reporter's own topics (我的选题), and an editor's topics due this week and overdue. */
import { Box, Typography } from '@strapi/design-system';
import { TopicList } from './TopicList';
import type { Desk } from '../../../common/desk-api';
import { useAdminGet } from '../components/useAdminGet';

const SHOWN = 5;

/** The desk of the person signed in; both widgets on the home page share one request. */
const useDesk = () => {
  const { data: desk, error } = useAdminGet<Desk>('/campaign-desk/desk');
  return { desk, error };
};

const Loading = ({ error }: { error: string | null }) => (
  <Box padding={4}>
    <Typography textColor={error ? 'danger600' : 'neutral600'}>{error ?? '正在读取…'}</Typography>
  </Box>
);

export const MyTopicsWidget = () => {
  const { desk, error } = useDesk();
  if (!desk) return <Loading error={error} />;
  if (!desk.staff) return <Loading error="还没有把你的账号登记为采编人员：请主编在“采编人员”中添加你的邮箱。" />;
  return <TopicList topics={desk.mine.slice(0, SHOWN)} empty="暂时没有分派给你的选题。" today={desk.today} />;
};

export const DueTopicsWidget = () => {
  const { desk, error } = useDesk();
  if (!desk) return <Loading error={error} />;
  return (
    <TopicList topics={[...desk.overdue, ...desk.dueThisWeek].slice(0, SHOWN)} empty="本周没有到期或逾期的选题。" today={desk.today} />
  );
};

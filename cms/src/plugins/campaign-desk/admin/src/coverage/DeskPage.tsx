/**
 * 报道统筹: the reporter's own topics first (我的选题), then the open topics past their day
 * and those due by Sunday, each a link to its edit view.
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { TopicList } from './TopicList';
import type { Desk } from '../../../common/desk-api';
import { useAdminGet } from '../components/useAdminGet';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box tag="section" background="neutral0" hasRadius shadow="tableShadow" padding={6}>
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

const DeskPage = () => {
  const { data: desk, error } = useAdminGet<Desk>('/campaign-desk/desk');
  return (
    <Page.Main>
      <Page.Title>报道统筹</Page.Title>
      <Layouts.Header
        title="报道统筹"
        subtitle={
          desk
            ? `今天 ${desk.today} · 本周截至 ${desk.weekEnds}${desk.staff ? ` · ${desk.staff.name}（${desk.staff.outlet ?? '未登记媒体'}）` : ''}`
            : (error ?? '正在读取…')
        }
      />
      <Layouts.Content>
        {desk && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Section title="我的选题">
              {desk.staff ? (
                <TopicList topics={desk.mine} empty="暂时没有分派给你的选题。" today={desk.today} />
              ) : (
                <Typography textColor="neutral600">
                  你的账号还没有登记为采编人员，所以没有分派给你的选题。请主编在内容管理“采编人员”中添加你的邮箱和所属媒体。
                </Typography>
              )}
            </Section>
            <Section title={`已逾期（${desk.overdue.length}）`}>
              <TopicList topics={desk.overdue} empty="没有逾期的选题。" today={desk.today} />
            </Section>
            <Section title={`本周到期（${desk.dueThisWeek.length}）`}>
              <TopicList topics={desk.dueThisWeek} empty="本周没有到期的选题。" today={desk.today} />
            </Section>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default DeskPage;

/**
 * 发布事件: what the CMS has told the build hooks, and whether each delivery arrived,
 * waits for a retry (with the last error), or is still pending. Refreshes itself.
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import type { OutboxReport } from '../../../common/outbox-api';
import { when } from '../components/HeaderRow';

const REFRESH_MS = 5000;
const STATUS = {
  pending: { label: '待推送', variant: 'secondary' },
  delivered: { label: '已送达', variant: 'success' },
  failing: { label: '推送失败，等待重试', variant: 'danger' },
} as const;
const TYPE = { publish: '发布', unpublish: '撤回', delete: '删除' } as const;

const OutboxPage = () => {
  const { get } = useFetchClient();
  const [filter, setFilter] = useState<string>('');
  const [report, setReport] = useState<OutboxReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setReport((await get<OutboxReport>(`/campaign-desk/outbox?limit=100${filter ? `&status=${filter}` : ''}`)).data);
      setError(null);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [get, filter]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <Page.Main>
      <Page.Title>发布事件</Page.Title>
      <Layouts.Header
        title="发布事件推送"
        subtitle={
          report
            ? `构建钩子：${report.hooks.join('、') || '未配置'} · 待推送 ${report.counts.pending} · 已送达 ${report.counts.delivered} · 失败 ${report.counts.failing}`
            : '正在读取…'
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box maxWidth="240px">
            <SingleSelect aria-label="按状态筛选" value={filter} onChange={(value: string | number) => setFilter(String(value))}>
              <SingleSelectOption value="">全部</SingleSelectOption>
              {Object.entries(STATUS).map(([key, { label }]) => (
                <SingleSelectOption key={key} value={key}>
                  {label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          {error && <Typography textColor="danger600">{error}</Typography>}
          <Table colCount={5} rowCount={(report?.events.length ?? 0) + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">时间</Typography></Th>
                <Th><Typography variant="sigma">事件</Typography></Th>
                <Th><Typography variant="sigma">内容</Typography></Th>
                <Th><Typography variant="sigma">推送</Typography></Th>
                <Th><Typography variant="sigma">最近错误</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {report?.events.map((event) => (
                <Tr key={event.id}>
                  <Td><Typography>{when(event.occurredAt)}</Typography></Td>
                  <Td><Typography>{TYPE[event.type]}</Typography></Td>
                  <Td>
                    <Typography>
                      {event.recordType} · {event.slug ?? event.documentId}
                    </Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="start" gap={1}>
                      {event.deliveries.map((delivery) => (
                        <Badge key={delivery.hook} variant={STATUS[delivery.status].variant}>
                          {delivery.hook}：{STATUS[delivery.status].label}
                          {delivery.attempts > 1 ? `（第 ${delivery.attempts} 次）` : ''}
                        </Badge>
                      ))}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography textColor="neutral600">
                      {event.deliveries
                        .filter((delivery) => delivery.lastError)
                        .map((delivery) => `${delivery.lastError}（下次重试 ${when(delivery.nextAttemptAt)}）`)
                        .join('；') || '—'}
                    </Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default OutboxPage;

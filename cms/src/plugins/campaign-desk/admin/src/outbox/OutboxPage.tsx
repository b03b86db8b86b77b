/**
 * 发布事件: what the CMS has told the build hooks, and whether each delivery arrived,
 * waits for a retry (with the last error), is still pending, or was given up on (失败),
 * which whoever may redeliver sends again with 重新投递. Refreshes itself.
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { CONTENT_TYPES } from '../../../common/names';
import { nameOf } from '@campaign-desk/shared';
import { DELIVERY_STATUSES, type DeliveryState, type OutboxReport } from '../../../common/outbox-api';
import { HeaderRow } from '../components/HeaderRow';
import { when } from '../components/when';
import { messageOf } from '../components/api-error';

const REFRESH_MS = 5000;
const VARIANT = { pending: 'secondary', delivered: 'success', failing: 'warning', failed: 'danger' } as const;
const TYPE = { publish: '发布', unpublish: '撤回', delete: '删除' } as const;

/** The last error of a delivery, and what happens next. */
function outlook(delivery: DeliveryState): string {
  if (delivery.status === 'failed') return `${delivery.lastError}（已放弃，${delivery.attempts} 次尝试）`;
  return `${delivery.lastError}（下次重试 ${when(delivery.nextAttemptAt)}）`;
}

const OutboxPage = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [filter, setFilter] = useState<string>('');
  const [report, setReport] = useState<OutboxReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setReport((await get<OutboxReport>(`/campaign-desk/outbox?limit=100${filter ? `&status=${filter}` : ''}`)).data);
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, [get, filter]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const redeliver = async (delivery: DeliveryState) => {
    setBusy(delivery.id);
    try {
      await post(`/campaign-desk/outbox/deliveries/${delivery.id}/redeliver`);
      toggleNotification({ type: 'success', message: `已重新投递到 ${delivery.hook}` });
      await load();
    } catch (caught) {
      toggleNotification({ type: 'danger', message: messageOf(caught) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page.Main>
      <Page.Title>发布事件</Page.Title>
      <Layouts.Header
        title="发布事件推送"
        subtitle={
          report
            ? `构建钩子：${report.hooks.join('、') || '未配置'} · ${DELIVERY_STATUSES.map(({ key, name }) => `${name} ${report.counts[key]}`).join(' · ')}`
            : '正在读取…'
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box maxWidth="240px">
            <SingleSelect aria-label="按状态筛选" value={filter} onChange={(value: string | number) => setFilter(String(value))}>
              <SingleSelectOption value="">全部</SingleSelectOption>
              {DELIVERY_STATUSES.map(({ key, name }) => (
                <SingleSelectOption key={key} value={key}>
                  {name}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          {error && <Typography textColor="danger600">{error}</Typography>}
          <Table colCount={5} rowCount={(report?.events.length ?? 0) + 1}>
            <HeaderRow titles={['时间', '事件', '内容', '推送', '最近错误']} />
            <Tbody>
              {report?.events.map((event) => (
                <Tr key={event.id}>
                  <Td>
                    <Typography>{when(event.occurredAt)}</Typography>
                  </Td>
                  <Td>
                    <Typography>{TYPE[event.type]}</Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {CONTENT_TYPES[event.recordType].info.displayName} · {event.slug ?? event.documentId}
                    </Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="start" gap={1}>
                      {event.deliveries.map((delivery) => (
                        <Flex key={delivery.hook} gap={2}>
                          <Badge variant={VARIANT[delivery.status]}>
                            {delivery.hook}：{nameOf(DELIVERY_STATUSES, delivery.status)}
                            {delivery.attempts > 1 ? `（第 ${delivery.attempts} 次）` : ''}
                          </Badge>
                          {delivery.status === 'failed' && report.mayRedeliver && (
                            <Button size="S" variant="secondary" loading={busy === delivery.id} onClick={() => void redeliver(delivery)}>
                              重新投递
                            </Button>
                          )}
                        </Flex>
                      ))}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography textColor="neutral600">
                      {event.deliveries
                        .filter((delivery) => delivery.lastError)
                        .map(outlook)
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

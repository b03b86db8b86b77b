/**
 * 发布事件: what the CMS has told the build hooks, and whether each delivery arrived,
 * waits for a retry (with the last error), or is still pending. Refreshes itself.
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { CONTENT_TYPES } from '../../../common/names';
import type { OutboxReport } from '../../../common/outbox-api';
import { getTranslation } from '../translations';

const REFRESH_MS = 5000;
const STATUS = {
  pending: { label: { id: getTranslation('outbox.status.pending'), defaultMessage: 'Waiting' }, variant: 'secondary' },
  delivered: { label: { id: getTranslation('outbox.status.delivered'), defaultMessage: 'Delivered' }, variant: 'success' },
  failing: { label: { id: getTranslation('outbox.status.failing'), defaultMessage: 'Failed, will retry' }, variant: 'danger' },
} as const;
const TYPE = {
  publish: { id: getTranslation('outbox.type.publish'), defaultMessage: 'Publish' },
  unpublish: { id: getTranslation('outbox.type.unpublish'), defaultMessage: 'Unpublish' },
  delete: { id: getTranslation('outbox.type.delete'), defaultMessage: 'Delete' },
} as const;

const when = (instant: string | null) =>
  instant ? new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '—';

const OutboxPage = () => {
  const { get } = useFetchClient();
  const { formatMessage, formatList } = useIntl();
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
      <Page.Title>{formatMessage({ id: getTranslation('outbox.menu'), defaultMessage: 'Publish events' })}</Page.Title>
      <Layouts.Header
        title={formatMessage({ id: getTranslation('outbox.title'), defaultMessage: 'Publish event deliveries' })}
        subtitle={
          report
            ? formatMessage(
                {
                  id: getTranslation('outbox.summary'),
                  defaultMessage: 'Build hooks: {hooks} · waiting {pending} · delivered {delivered} · failed {failing}',
                },
                {
                  hooks:
                    report.hooks.length > 0
                      ? formatList(report.hooks)
                      : formatMessage({ id: getTranslation('outbox.hooks.none'), defaultMessage: 'none configured' }),
                  ...report.counts,
                },
              )
            : formatMessage({ id: getTranslation('outbox.loading'), defaultMessage: 'Loading…' })
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box maxWidth="240px">
            <SingleSelect
              aria-label={formatMessage({ id: getTranslation('outbox.filter.label'), defaultMessage: 'Filter by delivery state' })}
              value={filter}
              onChange={(value: string | number) => setFilter(String(value))}
            >
              <SingleSelectOption value="">{formatMessage({ id: getTranslation('outbox.filter.all'), defaultMessage: 'All' })}</SingleSelectOption>
              {Object.entries(STATUS).map(([key, { label }]) => (
                <SingleSelectOption key={key} value={key}>
                  {formatMessage(label)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          {error && <Typography textColor="danger600">{error}</Typography>}
          <Table colCount={5} rowCount={(report?.events.length ?? 0) + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('outbox.column.time'), defaultMessage: 'Time' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('outbox.column.event'), defaultMessage: 'Event' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('outbox.column.record'), defaultMessage: 'Content' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('outbox.column.deliveries'), defaultMessage: 'Deliveries' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('outbox.column.last-error'), defaultMessage: 'Last error' })}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {report?.events.map((event) => (
                <Tr key={event.id}>
                  <Td><Typography>{when(event.occurredAt)}</Typography></Td>
                  <Td><Typography>{formatMessage(TYPE[event.type])}</Typography></Td>
                  <Td>
                    <Typography>
                      {CONTENT_TYPES[event.recordType].info.displayName} · {event.slug ?? event.documentId}
                    </Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="start" gap={1}>
                      {event.deliveries.map((delivery) => (
                        <Badge key={delivery.hook} variant={STATUS[delivery.status].variant}>
                          {delivery.hook}：{formatMessage(STATUS[delivery.status].label)}
                          {delivery.attempts > 1
                            ? formatMessage({ id: getTranslation('outbox.attempts'), defaultMessage: ' (attempt {count})' }, { count: delivery.attempts })
                            : ''}
                        </Badge>
                      ))}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography textColor="neutral600">
                      {event.deliveries
                        .filter((delivery) => delivery.lastError)
                        .map((delivery) =>
                          formatMessage(
                            { id: getTranslation('outbox.retry-at'), defaultMessage: '{error} (next attempt {time})' },
                            { error: delivery.lastError, time: when(delivery.nextAttemptAt) },
                          ),
                        )
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

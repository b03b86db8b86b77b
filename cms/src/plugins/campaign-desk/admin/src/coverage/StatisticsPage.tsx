/**
 * 统计: the campaign's figures for a date range, drawn with ECharts: coverage of central and
 * provincial media against the 全覆盖 list (who is still missing first), stories per day and
 * week and by each grouping, the 三审 pipeline; exports for the 六大办 and the 周报.
 */
import { useState } from 'react';
import { Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link as RouterLink, Route, Routes } from 'react-router-dom';
import { CAMPAIGN, shanghaiDate } from '@campaign-desk/shared';
import { GROUPINGS, type ExportTable, type Statistics } from '../../../common/statistics-api';
import { CoverageTable, coverageSummary, missingTargets } from './CoverageTable';
import { EChart, barsOf, timelineOf } from './EChart';
import { useDownload } from '../components/download';
import { useAdminGet } from '../components/useAdminGet';
import WeeklyReportPage from './WeeklyReportPage';
import { QuizStatistics } from '../quiz/QuizStatistics';
import { MostLiked } from '../likes/MostLiked';

const Panel = ({ title, children, aside }: { title: string; children: React.ReactNode; aside?: React.ReactNode }) => (
  <Box tag="section" background="neutral0" hasRadius shadow="tableShadow" padding={6} height="100%" width="100%">
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" gap={2} wrap="wrap">
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {aside}
      </Flex>
      {children}
    </Flex>
  </Box>
);

const Figure = ({ label, value, hint }: { label: string; value: string; hint?: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} height="100%" width="100%">
    <Flex direction="column" alignItems="start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="alpha" tag="p">
        {value}
      </Typography>
      {hint && <Typography textColor="neutral600">{hint}</Typography>}
    </Flex>
  </Box>
);

const EXPORTS: Array<{ key: ExportTable; title: string }> = [
  ...GROUPINGS.map((grouping) => ({ key: grouping.key, title: grouping.title })),
  { key: 'review', title: '三审进度' },
  { key: 'coverage', title: '央媒省媒覆盖' },
];

const StatisticsView = () => {
  const [from, setFrom] = useState<string>(CAMPAIGN.startsOn);
  const [to, setTo] = useState<string>(shanghaiDate(new Date()));
  const [csvTable, setCsvTable] = useState<ExportTable>('coverage');
  const { data: statistics, error, loading } = useAdminGet<Statistics>(`/campaign-desk/statistics?from=${from}&to=${to}`);
  const { download, error: exportError } = useDownload();
  const save = (path: string, fallback: string) => download(`/campaign-desk/statistics/${path}`, fallback);
  const missing = statistics ? missingTargets(statistics.coverage) : [];

  return (
    <Page.Main>
      <Page.Title>统计</Page.Title>
      <Layouts.Header
        title="统计"
        subtitle="只计已发布、非示例的稿件和已核实、非示例的上稿记录"
        primaryAction={
          <Button tag={RouterLink} to={`weekly?week=${to}`} variant="secondary">
            周报
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Flex gap={4} alignItems="end" wrap="wrap">
            <Field.Root name="from" hint="亚洲/上海时间">
              <Field.Label>开始日期</Field.Label>
              <TextInput
                type="date"
                value={from}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => event.target.value && setFrom(event.target.value)}
              />
            </Field.Root>
            <Field.Root name="to">
              <Field.Label>结束日期</Field.Label>
              <TextInput
                type="date"
                value={to}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => event.target.value && setTo(event.target.value)}
              />
            </Field.Root>
            <Button variant="secondary" onClick={() => void save(`export.xlsx?from=${from}&to=${to}`, 'statistics.xlsx')}>
              导出 Excel（全部表格）
            </Button>
            <Flex gap={2} alignItems="end">
              <Field.Root name="csv">
                <Field.Label>导出 CSV</Field.Label>
                <SingleSelect value={csvTable} onChange={(value: string | number) => setCsvTable(value as ExportTable)}>
                  {EXPORTS.map((table) => (
                    <SingleSelectOption key={table.key} value={table.key}>
                      {table.title}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
              <Button variant="tertiary" onClick={() => void save(`export.csv?from=${from}&to=${to}&table=${csvTable}`, 'statistics.csv')}>
                下载 CSV
              </Button>
            </Flex>
          </Flex>
          {(error || exportError) && <Typography textColor="danger600">{error ?? exportError}</Typography>}
          {loading && !statistics && <Typography textColor="neutral600">正在统计…</Typography>}
          {statistics && (
            <>
              <Grid.Root gap={4}>
                <Grid.Item col={3} s={6} xs={12}>
                  <Figure
                    label="发稿量"
                    value={`${statistics.totals.stories} 篇`}
                    hint={`${statistics.range.from} 至 ${statistics.range.to}`}
                  />
                </Grid.Item>
                <Grid.Item col={3} s={6} xs={12}>
                  <Figure label="央媒、省媒刊播（已核实）" value={`${statistics.totals.placements} 次`} hint="时段内" />
                </Grid.Item>
                <Grid.Item col={3} s={6} xs={12}>
                  <Figure
                    label="“全覆盖”进度"
                    value={`${statistics.totals.covered} / ${statistics.totals.targets}`}
                    hint={coverageSummary(statistics.coverage)}
                  />
                </Grid.Item>
                <Grid.Item col={3} s={6} xs={12}>
                  <Figure
                    label="送审至终审（中位）"
                    value={statistics.review.medianHoursToFinal === null ? '—' : `${statistics.review.medianHoursToFinal} 小时`}
                    hint={`时段内终审 ${statistics.review.finals} 次`}
                  />
                </Grid.Item>
              </Grid.Root>

              <Panel
                title="央媒、省媒覆盖"
                aside={
                  <Typography textColor={missing.length > 0 ? 'danger600' : 'success600'}>
                    {missing.length > 0 ? `尚未刊播：${missing.join('、')}` : '目标媒体已全部刊播'}
                  </Typography>
                }
              >
                <CoverageTable coverage={statistics.coverage} />
              </Panel>

              <Grid.Root gap={4}>
                <Grid.Item col={8} s={12}>
                  <Panel title="每日发稿量">
                    <EChart label="每日发稿量折线图" option={timelineOf(statistics.perDay, 'line')} />
                  </Panel>
                </Grid.Item>
                <Grid.Item col={4} s={12}>
                  <Panel title="每周发稿量">
                    <EChart label="每周发稿量柱状图" option={timelineOf(statistics.perWeek, 'bar')} />
                  </Panel>
                </Grid.Item>
                {GROUPINGS.filter((grouping) => grouping.key !== 'perDay' && grouping.key !== 'perWeek').map((grouping) => (
                  <Grid.Item key={grouping.key} col={6} s={12}>
                    <Panel title={grouping.title}>
                      <EChart
                        label={`${grouping.title}的稿件数`}
                        height={Math.max(160, statistics[grouping.key].length * 28 + 24)}
                        option={barsOf(statistics[grouping.key])}
                      />
                    </Panel>
                  </Grid.Item>
                ))}
                <Grid.Item col={6} s={12}>
                  <Panel title="三审进度（当前各环节稿件数）">
                    <EChart label="三审各环节的稿件数" height={220} option={barsOf(statistics.review.stages, '#328048')} />
                  </Panel>
                </Grid.Item>
              </Grid.Root>
            </>
          )}
          <Panel title="知识竞答（各条款、各题答对率，低者在前）">
            <QuizStatistics />
          </Panel>
          <Panel title="点赞最多（累计，截至目前）">
            <MostLiked />
          </Panel>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const StatisticsPage = () => (
  <Routes>
    <Route index element={<StatisticsView />} />
    <Route path="weekly" element={<WeeklyReportPage />} />
  </Routes>
);

export default StatisticsPage;

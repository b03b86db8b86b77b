/**
 * 周报: one week's figures (Monday to Sunday) as a report the 宣传组 prints or files: what was
 * published, what central and provincial media carried, how far 全覆盖 has come and who is
 * still missing, and the 三审 pipeline. Printing shows the report alone (print CSS).
 */
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { createGlobalStyle } from 'styled-components';
import { CAMPAIGN, shanghaiDate } from '@campaign-desk/shared';
import type { Count, Statistics } from '../../../common/statistics-api';
import { weekOf } from '../../../common/weeks';
import { coverageSummary, missingTargets } from './CoverageTable';
import { useDownload } from '../components/download';
import { useAdminGet } from '../components/useAdminGet';
import { MostLikedReport } from '../likes/MostLiked';

const PrintOnlyTheReport = createGlobalStyle`
  @media print {
    @page { size: A4; margin: 18mm 16mm; }
    body * { visibility: hidden; }
    #weekly-report, #weekly-report * { visibility: visible; }
    #weekly-report { position: absolute; inset: 0 auto auto 0; width: 100%; box-shadow: none; }
  }
  #weekly-report table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
  #weekly-report th, #weekly-report td { border: 1px solid #c0c0cf; padding: 4px 8px; text-align: left; font-size: 13px; }
  #weekly-report th { background: #f6f6f9; }
  #weekly-report h1 { font-size: 22px; text-align: center; margin: 0 0 4px; }
  #weekly-report h2 { font-size: 16px; margin: 16px 0 6px; }
  #weekly-report p { font-size: 14px; line-height: 1.7; margin: 4px 0; }
`;

/** '2020-05-18' → '5月18日' */
const chineseDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** The ISO week number of a Monday. */
function weekNumber(monday: string): number {
  const date = new Date(`${monday}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 3); // the Thursday decides the year
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  return 1 + Math.round((date.getTime() - firstThursday.getTime()) / 86_400_000 / 7 - ((firstThursday.getUTCDay() + 6) % 7) / 7 + 3 / 7);
}

const CountTable = ({ column, rows }: { column: string; rows: Count[] }) =>
  rows.length === 0 ? (
    <p>按{column}：无。</p>
  ) : (
    <table>
      <thead>
        <tr>
          <th>{column}</th>
          <th>稿件数</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key ?? 'none'}>
            <td>{row.label}</td>
            <td>{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

const Report = ({ statistics, monday, sunday }: { statistics: Statistics; monday: string; sunday: string }) => {
  const missing = missingTargets(statistics.coverage);
  const carried = statistics.coverage.outlets.filter((outlet) => outlet.placements > 0);
  return (
    <Box id="weekly-report" background="neutral0" hasRadius shadow="tableShadow" padding={8}>
      <h1>{CAMPAIGN.shortName}宣传工作周报</h1>
      <p style={{ textAlign: 'center' }}>
        {monday.slice(0, 4)}年第{weekNumber(monday)}周（{chineseDay(monday)}—{chineseDay(sunday)}） · {CAMPAIGN.issuer}宣传组
      </p>
      <h2>一、本周发稿</h2>
      <p>本周各媒体共发布“六大”活动稿件 {statistics.totals.stories} 篇（已发布、不含示例稿件）。</p>
      <CountTable column="首发媒体" rows={statistics.byOutlet} />
      <CountTable column="专栏" rows={statistics.byColumn} />
      <CountTable column="稿件类型" rows={statistics.byKind} />
      <h2>二、央媒、省媒刊播与“全覆盖”</h2>
      <p>
        本周经核实的央媒、省媒刊播 {statistics.totals.placements} 次
        {carried.length > 0 ? `：${carried.map((outlet) => `${outlet.name} ${outlet.placements} 次`).join('，')}` : ''}。 截至{' '}
        {chineseDay(sunday)}，“全覆盖”目标媒体已刊播 {statistics.totals.covered} 家，共 {statistics.totals.targets} 家（
        {coverageSummary(statistics.coverage)}）。
      </p>
      <p>{missing.length > 0 ? `尚未刊播的目标媒体：${missing.join('、')}。` : '目标媒体均已刊播，实现全覆盖。'}</p>
      <h2>三、三审</h2>
      <p>
        本周终审通过 {statistics.review.finals} 次
        {statistics.review.medianHoursToFinal === null ? '' : `，从送审到终审的中位时长 ${statistics.review.medianHoursToFinal} 小时`}
        。当前各环节稿件：
        {statistics.review.stages.map((stage) => `${stage.label} ${stage.count} 篇`).join('，')}。
      </p>
      <h2>四、点赞最多（累计）</h2>
      <MostLikedReport />
      <p style={{ color: '#666', fontSize: 12 }}>
        统计口径：稿件按发布日期（北京时间）计；上稿只计已核实的记录；示例数据不计入；点赞为截至目前的累计数。
      </p>
    </Box>
  );
};

const WeeklyReportPage = () => {
  const [params, setParams] = useSearchParams();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(params.get('week') ?? '') ? params.get('week')! : shanghaiDate(new Date());
  const { monday, sunday } = weekOf(day);
  const { data: statistics, error } = useAdminGet<Statistics>(`/campaign-desk/statistics?from=${monday}&to=${sunday}`);
  const { download, error: exportError } = useDownload();
  return (
    <Page.Main>
      <Page.Title>周报</Page.Title>
      <PrintOnlyTheReport />
      <Layouts.Header
        title="周报"
        subtitle={`${monday} 至 ${sunday}`}
        navigationAction={
          <Button tag={RouterLink} to=".." relative="path" variant="tertiary">
            返回统计
          </Button>
        }
        primaryAction={
          <Flex gap={2}>
            <Button
              variant="secondary"
              onClick={() => void download(`/campaign-desk/statistics/export.xlsx?from=${monday}&to=${sunday}`, 'weekly.xlsx')}
            >
              导出 Excel
            </Button>
            <Button onClick={() => window.print()}>打印</Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box maxWidth="240px">
            <Field.Root name="week" hint="选一天，显示它所在的周（周一至周日）">
              <Field.Label>周</Field.Label>
              <TextInput
                type="date"
                value={day}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => event.target.value && setParams({ week: event.target.value })}
              />
            </Field.Root>
          </Box>
          {(error || exportError) && <Typography textColor="danger600">{error ?? exportError}</Typography>}
          {statistics && <Report statistics={statistics} monday={monday} sunday={sunday} />}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default WeeklyReportPage;

/** Coverage per central and provincial outlet against the target list: who carried the campaign, who is still missing. */
import { Badge, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import type { Statistics } from '../../../common/statistics-api';
import { HeaderRow } from '../components/HeaderRow';

export const CoverageTable = ({ coverage }: { coverage: Statistics['coverage'] }) => (
  <Table colCount={6} rowCount={coverage.outlets.length + 1}>
    <HeaderRow titles={['级别', '媒体', '时段内刊播', '累计刊播', '最近刊播', '状态']} />
    <Tbody>
      {coverage.outlets.map((outlet) => (
        <Tr key={outlet.documentId}>
          <Td>
            <Typography>{outlet.levelLabel}</Typography>
          </Td>
          <Td>
            <Typography fontWeight="bold">{outlet.name}</Typography>
            {!outlet.target && <Typography textColor="neutral500">（不计入“全覆盖”）</Typography>}
          </Td>
          <Td>
            <Typography>{outlet.placements}</Typography>
          </Td>
          <Td>
            <Typography>{`${outlet.cumulativePlacements} 次 / ${outlet.cumulativeStories} 篇`}</Typography>
          </Td>
          <Td>
            <Typography>{outlet.lastDate ?? '—'}</Typography>
          </Td>
          <Td>
            {outlet.cumulativePlacements > 0 ? (
              <Badge variant="success">已刊播</Badge>
            ) : (
              <Badge variant={outlet.target ? 'danger' : 'neutral'}>尚未刊播</Badge>
            )}
          </Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);

/** “中央 3/8 · 省级 2/3”: covered targets per level. */
export function coverageSummary(coverage: Statistics['coverage']): string {
  return coverage.levels.map((level) => `${level.label} ${level.covered}/${level.targets}`).join(' · ') || '没有列入“全覆盖”目标的媒体';
}

/** The targets still missing, by name. */
export function missingTargets(coverage: Statistics['coverage']): string[] {
  return coverage.outlets.filter((outlet) => outlet.target && outlet.cumulativePlacements === 0).map((outlet) => outlet.name);
}

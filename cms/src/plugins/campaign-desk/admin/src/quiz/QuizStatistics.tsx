/**
 * 知识竞答 on the 统计 page: per quiz, readers per day and the share of right answers per
 * clause and per question, weakest first; from a clause readers get wrong, a 选题 for its
 * 解读 in a reporting plan.
 */
import { useState } from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { UID } from '../../../common/names';
import type { QuizRate, QuizStatistics as Figures } from '../../../common/quiz-api';
import { messageOf } from '../components/api-error';
import { HeaderRow } from '../components/HeaderRow';
import { useAdminGet } from '../components/useAdminGet';

const percent = (share: number) => `${Math.round(share * 100)}%`;

const RateTable = ({ rows, label, action }: { rows: QuizRate[]; label: string; action?: (row: QuizRate) => React.ReactNode }) => (
  <Table colCount={action ? 4 : 3} rowCount={rows.length + 1}>
    <HeaderRow titles={[label, '作答人次', '答对率', ...(action ? ['解读选题'] : [])]} />
    <Tbody>
      {rows.map((row) => (
        <Tr key={row.key}>
          <Td>
            <Typography>{row.label}</Typography>
          </Td>
          <Td>
            <Typography>{row.answers}</Typography>
          </Td>
          <Td>
            <Typography textColor={row.share < 0.6 ? 'danger600' : 'neutral800'} fontWeight="bold">
              {percent(row.share)}
            </Typography>
          </Td>
          {action && <Td>{action(row)}</Td>}
        </Tr>
      ))}
    </Tbody>
  </Table>
);

type Plans = { results: Array<{ documentId: string; title: string }> };

export const QuizStatistics = () => {
  const { data, error } = useAdminGet<Figures>('/campaign-desk/quiz-statistics');
  const plans = useAdminGet<Plans>(`/content-manager/collection-types/${UID.reportingPlan}?pageSize=100&sort=updatedAt:DESC`);
  const { post } = useFetchClient();
  const [plan, setPlan] = useState<string>('');
  const [told, setTold] = useState<string | null>(null);

  const planTopic = async (clause: string) => {
    if (!plan) return setTold('请先选择要放入的报道方案');
    try {
      const { data: topic } = await post<{ title: string }>('/campaign-desk/quiz-statistics/topics', { clause, plan });
      setTold(`已建选题“${topic.title}”，可在报道统筹中分派记者`);
    } catch (caught) {
      setTold(messageOf(caught));
    }
  };

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!data || data.quizzes.length === 0) return <Typography textColor="neutral600">还没有已发布的知识竞答。</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={2} alignItems="end" wrap="wrap">
        <Field.Root name="plan" hint="为答对率低的条款策划解读选题">
          <Field.Label>放入报道方案</Field.Label>
          <SingleSelect value={plan} placeholder="选择报道方案" onChange={(value: string | number) => setPlan(String(value))}>
            {(plans.data?.results ?? []).map((entry) => (
              <SingleSelectOption key={entry.documentId} value={entry.documentId}>
                {entry.title}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        {told && <Typography role="status">{told}</Typography>}
      </Flex>
      {data.quizzes.map((quiz) => (
        <Box key={quiz.documentId}>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Typography variant="epsilon" tag="h3">
              {`${quiz.title}：共 ${quiz.participants} 人次参与`}
            </Typography>
            <Typography textColor="neutral600">
              {`每日参与：${quiz.perDay.map((day) => `${day.day} ${day.count} 人`).join('，') || '暂无'}`}
            </Typography>
            <RateTable
              rows={quiz.clauses}
              label="条款"
              action={(row) => (
                <Button size="S" variant="tertiary" onClick={() => void planTopic(row.key)}>
                  策划解读选题
                </Button>
              )}
            />
            <RateTable rows={quiz.questions} label="题目" />
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};

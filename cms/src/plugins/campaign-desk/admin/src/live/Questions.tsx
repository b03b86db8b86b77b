/**
 * 网友提问 beside a live's entries, for the 值班编辑: each waiting question as text (never as
 * markup), who asked (nickname or 网友) and the sensitive words it holds; answered, it becomes
 * an entry waiting for approval like any other, or it is declined.
 */
import { useState } from 'react';
import { Badge, Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { askerName } from '@campaign-desk/shared';
import type { LiveQuestionItem } from '../../../common/live-api';
import { when } from '../components/when';
import { getTranslation } from '../translations';

type Props = {
  questions: LiveQuestionItem[];
  onAnswer: (id: string, text: string) => Promise<boolean>;
  onDecline: (id: string) => void;
};

const Question = ({ question, onAnswer, onDecline }: { question: LiveQuestionItem } & Omit<Props, 'questions'>) => {
  const { formatMessage } = useIntl();
  const [answer, setAnswer] = useState('');
  return (
    <Box tag="article" background="neutral0" hasRadius shadow="tableShadow" padding={4} data-question={question.documentId}>
      <Flex gap={2} wrap="wrap" paddingBottom={2}>
        <Typography variant="pi" textColor="neutral600">{`${askerName(question.nickname)} · ${when(question.createdAt)}`}</Typography>
        {question.flags.length > 0 && (
          <Badge variant="danger">
            {formatMessage(
              { id: getTranslation('live.questions.flags'), defaultMessage: 'Words: {words}' },
              { words: question.flags.join('、') },
            )}
          </Badge>
        )}
      </Flex>
      <Typography tag="p" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {question.text}
      </Typography>
      <Field.Root name={`answer-${question.documentId}`}>
        <Field.Label>{formatMessage({ id: getTranslation('live.questions.answer-label'), defaultMessage: 'Answer' })}</Field.Label>
        <Textarea value={answer} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setAnswer(event.target.value)} />
      </Field.Root>
      <Flex gap={2} paddingTop={2}>
        <Button
          size="S"
          disabled={answer.trim() === ''}
          onClick={() => void onAnswer(question.documentId, answer).then((ok) => ok && setAnswer(''))}
        >
          {formatMessage({ id: getTranslation('live.questions.answer'), defaultMessage: 'Answer as an entry' })}
        </Button>
        <Button size="S" variant="danger-light" onClick={() => onDecline(question.documentId)}>
          {formatMessage({ id: getTranslation('live.questions.decline'), defaultMessage: 'Decline' })}
        </Button>
      </Flex>
    </Box>
  );
};

export const Questions = ({ questions, onAnswer, onDecline }: Props) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="section">
      <Typography variant="delta" tag="h2">
        {formatMessage({ id: getTranslation('live.questions.title'), defaultMessage: 'Questions ({count})' }, { count: questions.length })}
      </Typography>
      {questions.map((question) => (
        <Question key={question.documentId} question={question} onAnswer={onAnswer} onDecline={onDecline} />
      ))}
    </Flex>
  );
};

/**
 * 自上次通过以来的修改, in the 审稿 panel: block by block, what an edit or a return changed since
 * the version a reviewer last passed; added text underlined in green, removed struck through in red.
 */
import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ChangesSincePass } from '../../../common/review-api';
import { REVIEW_MOVES } from '../../../common/review-stages';
import { getTranslation } from '../translations';
import { when } from '../components/when';

const STYLE = {
  added: { background: '#eafbe7', color: '#2f6846', textDecoration: 'underline' },
  removed: { background: '#fcecea', color: '#b72b1a', textDecoration: 'line-through' },
} as const;

const CHANGE_NAMES = { added: '新增', removed: '删除', changed: '修改' } as const;

export const ChangesSincePassView = ({ since }: { since: ChangesSincePass }) => {
  const { formatMessage } = useIntl();
  return (
    <Box data-testid="changes-since-pass">
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation('review.since-pass.title'), defaultMessage: 'Changed since the last pass' })}
      </Typography>
      <Typography variant="pi" tag="p" textColor="neutral600">
        {formatMessage(
          { id: getTranslation('review.since-pass.against'), defaultMessage: 'Compared with the version {who} passed ({review}, {when})' },
          { who: since.passedBy, review: REVIEW_MOVES[since.review].name, when: when(since.passedAt) },
        )}
      </Typography>
      {since.changes.length === 0 ? (
        <Typography variant="pi" tag="p">
          {formatMessage({ id: getTranslation('review.since-pass.none'), defaultMessage: 'The text is as it was passed.' })}
        </Typography>
      ) : (
        <Flex tag="ol" direction="column" alignItems="stretch" gap={2} paddingTop={2}>
          {since.changes.map((change, index) => (
            <Box tag="li" key={index}>
              <Typography variant="omega" fontWeight="semiBold">
                {change.place}（{CHANGE_NAMES[change.change]}）
              </Typography>
              <Typography variant="pi" tag="p">
                {change.parts.map((part, n) =>
                  part.change === 'added' ? (
                    <ins key={n} style={STYLE.added}>
                      {part.text}
                    </ins>
                  ) : part.change === 'removed' ? (
                    <del key={n} style={STYLE.removed}>
                      {part.text}
                    </del>
                  ) : (
                    <span key={n}>{part.text}</span>
                  ),
                )}
              </Typography>
            </Box>
          ))}
        </Flex>
      )}
    </Box>
  );
};

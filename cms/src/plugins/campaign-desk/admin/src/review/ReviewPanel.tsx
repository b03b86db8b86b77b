/**
 * The 审稿 panel beside a story in the edit view: its stage, the buttons the current
 * user's role allows (and why a review their role allows is someone else's to make), a
 * comment box (required to return a story), the word check's hits (and, for 终审 of a story
 * with hits, the written acknowledgement it needs), what changed since the version last
 * passed, its 定时发布 (../scheduling/), its 公众号 hand-off once published (../handoff/), the story's review chain if chains are per outlet, and
 * the review log.
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { UID, type ReviewAction } from '../../../common/names';
import type { ReviewChain, ReviewMove, ReviewStatus, WordHit } from '../../../common/review-api';
import { HANDOFF_LOG_ACTIONS } from '../../../common/handoff-api';
import { SCHEDULE_LOG_ACTIONS } from '../../../common/schedule-api';
import { HandoffSection } from '../handoff/HandoffSection';
import { PreviewButton } from '../preview/PreviewButton';
import { ScheduleSection } from '../scheduling/ScheduleSection';
import { ChangesSincePassView } from './ChangesSincePass';
import { REVIEWS, REVIEW_MOVES, stageName } from '../../../common/review-stages';
import { getTranslation } from '../translations';
import { messageOf } from '../components/api-error';
import { when } from '../components/when';

interface PanelProps {
  model: string;
  documentId?: string;
}

/** What the log names by what happened rather than by the stages it moved between. */
const LOG_ACTION_NAMES: Record<string, string> = { ...SCHEDULE_LOG_ACTIONS, ...HANDOFF_LOG_ACTIONS };

const BADGE: Record<string, 'success' | 'secondary' | 'warning' | 'danger' | 'neutral'> = {
  approved: 'success',
  returned: 'danger',
  draft: 'neutral',
};

/** The word check on the draft now: each block with words of the list, where it stands. */
const WordHits = ({ hits }: { hits: WordHit[] }) => {
  const { formatMessage } = useIntl();
  return (
    <Box data-testid="word-hits">
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation('review.words.title'), defaultMessage: 'Word check' })}
      </Typography>
      {hits.length === 0 ? (
        <Typography variant="pi" tag="p">
          {formatMessage({ id: getTranslation('review.words.none'), defaultMessage: 'No listed words found.' })}
        </Typography>
      ) : (
        hits.map((hit) => (
          <Typography key={hit.place} variant="pi" tag="p" textColor="warning600">
            {hit.place}：{hit.words.join('、')}
          </Typography>
        ))
      )}
    </Box>
  );
};

/** Who may make each review of this story while chains are per outlet. */
const ChainOf = ({ chain }: { chain: ReviewChain }) => {
  const { formatMessage } = useIntl();
  const nobody = formatMessage({ id: getTranslation('review.chain.nobody'), defaultMessage: 'nobody yet' });
  return (
    <Box>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation('review.chain.title'), defaultMessage: 'Review chain (per outlet)' })}
      </Typography>
      <Typography variant="pi" tag="p">
        {chain.outlet
          ? formatMessage({ id: getTranslation('review.chain.outlet'), defaultMessage: 'Outlet: {outlet}' }, { outlet: chain.outlet })
          : formatMessage({ id: getTranslation('review.chain.no-outlet'), defaultMessage: 'No outlet: only reviewers across outlets' })}
      </Typography>
      {REVIEWS.map((review) => (
        <Typography key={review} variant="pi" tag="p">
          {REVIEW_MOVES[review].name}：{chain[review].join('、') || nobody}
        </Typography>
      ))}
    </Box>
  );
};

const ReviewPanelContent = ({ documentId }: { documentId: string }) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const [status, setStatus] = useState<ReviewStatus | null>(null);
  const [comment, setComment] = useState('');
  const [acknowledgement, setAcknowledgement] = useState('');
  const [busy, setBusy] = useState(false);
  const url = `/campaign-desk/stories/${documentId}/review`;

  const load = useCallback(async () => {
    try {
      setStatus((await get<ReviewStatus>(url)).data);
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  }, [get, url, toggleNotification]);

  useEffect(() => {
    void load();
  }, [load]);

  const move = async (action: ReviewAction, stage: ReviewStatus['stage']) => {
    setBusy(true);
    try {
      const body: ReviewMove = { action, stage, comment: comment.trim() || undefined };
      if (action === 'final' && acknowledgement.trim()) body.acknowledgement = acknowledgement.trim();
      setStatus((await post<ReviewStatus, ReviewMove>(url, body)).data);
      setComment('');
      setAcknowledgement('');
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('review.moved'), defaultMessage: 'Done: {move}' }, { move: REVIEW_MOVES[action].name }),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
      // Someone else may have moved the story meanwhile (409): show where it is now.
      await load();
    } finally {
      setBusy(false);
    }
  };

  if (!status) {
    return (
      <Typography variant="pi">
        {formatMessage({ id: getTranslation('review.loading'), defaultMessage: 'Loading the review status…' })}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      <Flex gap={2} wrap="wrap">
        <Badge active variant={BADGE[status.stage] ?? 'secondary'}>
          {stageName(status.stage)}
        </Badge>
        {status.published && (
          <Badge variant="success">{formatMessage({ id: getTranslation('review.published'), defaultMessage: 'Published' })}</Badge>
        )}
      </Flex>
      <PreviewButton documentId={documentId} />
      {status.stage !== 'approved' && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTranslation('review.publish-after-final'),
            defaultMessage: 'A chief editor can publish it once it has passed final review.',
          })}
        </Typography>
      )}
      {status.actions.length > 0 && (
        <>
          <Field.Root
            name="review-comment"
            hint={formatMessage({ id: getTranslation('review.comment.hint'), defaultMessage: 'Required to return the story' })}
          >
            <Field.Label>{formatMessage({ id: getTranslation('review.comment.label'), defaultMessage: 'Review comment' })}</Field.Label>
            <Textarea value={comment} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setComment(event.target.value)} />
            <Field.Hint />
          </Field.Root>
          {status.actions.includes('final') && status.wordHits.length > 0 && (
            <Field.Root
              name="review-acknowledgement"
              hint={formatMessage({
                id: getTranslation('review.words.ack.hint'),
                defaultMessage: 'Required to pass a story with listed words',
              })}
            >
              <Field.Label>
                {formatMessage({ id: getTranslation('review.words.ack.label'), defaultMessage: 'Acknowledgement' })}
              </Field.Label>
              <Textarea
                value={acknowledgement}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setAcknowledgement(event.target.value)}
              />
              <Field.Hint />
            </Field.Root>
          )}
          <Flex direction="column" alignItems="stretch" gap={2}>
            {status.actions.map((action) => (
              <Button
                key={action}
                fullWidth
                loading={busy}
                variant={action === 'return' ? 'danger-light' : 'secondary'}
                disabled={
                  (action === 'return' && !comment.trim()) || (action === 'final' && status.wordHits.length > 0 && !acknowledgement.trim())
                }
                onClick={() => void move(action, status.stage)}
              >
                {REVIEW_MOVES[action].name}
              </Button>
            ))}
          </Flex>
        </>
      )}
      {status.held.map(({ action, reason }) => (
        <Typography key={action} variant="pi" textColor="neutral600">
          {REVIEW_MOVES[action].name}：{reason}
        </Typography>
      ))}
      <ScheduleSection documentId={documentId} stage={status.stage} onChange={() => void load()} />
      {status.published && <HandoffSection documentId={documentId} onChange={() => void load()} />}
      <WordHits hits={status.wordHits} />
      {status.sincePass && <ChangesSincePassView since={status.sincePass} />}
      {status.chain && <ChainOf chain={status.chain} />}
      <Box>
        <Typography variant="sigma" textColor="neutral600">
          {formatMessage({ id: getTranslation('review.log.title'), defaultMessage: 'Review log' })}
        </Typography>
        {status.log.length === 0 ? (
          <Typography variant="pi" tag="p">
            {formatMessage({ id: getTranslation('review.log.empty'), defaultMessage: 'No review moves yet.' })}
          </Typography>
        ) : (
          <Flex tag="ol" direction="column" alignItems="stretch" gap={2} paddingTop={2}>
            {[...status.log].reverse().map((entry) => (
              <Box tag="li" key={entry.id}>
                <Typography variant="omega" fontWeight="semiBold">
                  {entry.actorName}：{LOG_ACTION_NAMES[entry.action] ?? `${stageName(entry.fromStage)} → ${stageName(entry.toStage)}`}
                </Typography>
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {when(entry.createdAt)}
                </Typography>
                {entry.comment && (
                  <Typography variant="pi" tag="p">
                    {entry.comment}
                  </Typography>
                )}
                {entry.wordHits && (
                  <Typography variant="pi" tag="p" textColor="warning600">
                    敏感词：{entry.wordHits.map((hit) => `${hit.place}：${hit.words.join('、')}`).join('；')}
                  </Typography>
                )}
                {entry.acknowledgement && (
                  <Typography variant="pi" tag="p">
                    终审说明：{entry.acknowledgement}
                  </Typography>
                )}
              </Box>
            ))}
          </Flex>
        )}
      </Box>
    </Flex>
  );
};

export const ReviewPanel = ({ model, documentId }: PanelProps) => {
  const { formatMessage } = useIntl();
  if (model !== UID.story || !documentId) return null;
  return {
    title: formatMessage({ id: getTranslation('review.title'), defaultMessage: 'Review' }),
    content: <ReviewPanelContent documentId={documentId} />,
  };
};

/**
 * 图文直播: a live's entries written fast and approved one by one by a 值班编辑 (the server
 * refuses what the person may not do, and says why); the live moved on (预告 → 直播中 → 已结束)
 * and, once ended, its 综述 story drafted for 三审. Entries are shown as text by React, never as markup.
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Flex, Link, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { useIntl } from 'react-intl';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { LIVE_ENTRY_KINDS, LIVE_ENTRY_STATES, LIVE_STATES, askerName, nameOf, type LiveState } from '@campaign-desk/shared';
import { UID } from '../../../common/names';
import type { EntryInput, LiveDesk, LiveEntryItem, LiveSummary, Roundup } from '../../../common/live-api';
import { messageOf } from '../components/api-error';
import { when } from '../components/when';
import { getTranslation } from '../translations';
import { EntryForm } from './EntryForm';
import { Questions } from './Questions';

/** The state each button moves the live to, from the state it is in. */
const NEXT: Partial<Record<LiveState, LiveState>> = { upcoming: 'on_air', on_air: 'ended' };

const Entry = ({ entry, onApprove }: { entry: LiveEntryItem; onApprove: (id: string) => void }) => {
  const { formatMessage } = useIntl();
  return (
    <Box tag="article" background="neutral0" hasRadius shadow="tableShadow" padding={4}>
      <Flex gap={2} wrap="wrap" paddingBottom={2}>
        <Badge active>{nameOf(LIVE_ENTRY_KINDS, entry.kind)}</Badge>
        <Badge>{nameOf(LIVE_ENTRY_STATES, entry.state)}</Badge>
        {entry.pinned && <Badge>{formatMessage({ id: getTranslation('live.form.pinned'), defaultMessage: 'Pinned' })}</Badge>}
        {entry.correction && (
          <Badge variant="warning">{formatMessage({ id: getTranslation('live.form.correction'), defaultMessage: 'Correction' })}</Badge>
        )}
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            { id: getTranslation('live.entry.by'), defaultMessage: '{writer}, {when}' },
            { writer: entry.writer ?? '—', when: when(entry.postedAt ?? entry.createdAt) },
          )}
          {entry.approver &&
            ` · ${formatMessage({ id: getTranslation('live.entry.approved-by'), defaultMessage: 'approved by {who}' }, { who: entry.approver })}`}
        </Typography>
      </Flex>
      {entry.question && (
        <Typography tag="p" textColor="neutral600" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {formatMessage(
            { id: getTranslation('live.entry.asked'), defaultMessage: '{asker} asked: {text}' },
            { asker: askerName(entry.question.asker), text: entry.question.text },
          )}
        </Typography>
      )}
      <Typography tag="p" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {entry.speaker ? `${entry.speaker}：“${entry.text}”` : entry.text}
      </Typography>
      {entry.videoUrl && <Typography variant="pi">{entry.videoUrl}</Typography>}
      {entry.photoUrl && <img src={entry.photoUrl} alt="" style={{ maxWidth: '16rem', width: '100%', height: 'auto' }} />}
      {entry.approvable && (
        <Box paddingTop={2}>
          <Button size="S" onClick={() => onApprove(entry.documentId)}>
            {formatMessage({ id: getTranslation('live.entry.approve'), defaultMessage: 'Approve' })}
          </Button>
        </Box>
      )}
    </Box>
  );
};

const LivePage = () => {
  const { formatMessage } = useIntl();
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [lives, setLives] = useState<LiveSummary[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [desk, setDesk] = useState<LiveDesk | null>(null);
  const [roundup, setRoundup] = useState<Roundup | null>(null);
  const fail = (error: unknown) => toggleNotification({ type: 'danger', message: messageOf(error) });
  const done = (id: Parameters<typeof getTranslation>[0], fallback: string) =>
    toggleNotification({ type: 'success', message: formatMessage({ id: getTranslation(id), defaultMessage: fallback }) });

  useEffect(() => {
    get<LiveSummary[]>('/campaign-desk/lives')
      .then(({ data }) => {
        setLives(data);
        setChosen((current) => current ?? data[0]?.documentId ?? null);
      })
      .catch(fail);
  }, [get]);

  const load = useCallback(async () => {
    if (!chosen) return;
    try {
      setDesk((await get<LiveDesk>(`/campaign-desk/lives/${chosen}`)).data);
    } catch (error) {
      fail(error);
    }
  }, [get, chosen]);

  useEffect(() => {
    void load();
    // Others write and approve meanwhile: the page follows them.
    const timer = setInterval(() => void load(), 15_000);
    return () => clearInterval(timer);
  }, [load]);

  async function send(entry: EntryInput): Promise<boolean> {
    try {
      setDesk((await post<LiveDesk>(`/campaign-desk/lives/${chosen}/entries`, entry)).data);
      done('live.sent', 'Sent for approval');
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  }

  async function approve(id: string) {
    try {
      await post(`/campaign-desk/live-entries/${id}/approve`, {});
      done('live.approved', 'Approved and published');
      await load();
    } catch (error) {
      fail(error);
    }
  }

  async function answer(id: string, text: string): Promise<boolean> {
    try {
      await post(`/campaign-desk/live-questions/${id}/answer`, { text });
      done('live.questions.answered', 'Answered: waiting for approval');
      await load();
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  }

  async function decline(id: string) {
    try {
      await post(`/campaign-desk/live-questions/${id}/decline`, {});
      done('live.questions.declined', 'Declined');
      await load();
    } catch (error) {
      fail(error);
    }
  }

  async function moveOn(state: LiveState) {
    try {
      setDesk((await put<LiveDesk>(`/campaign-desk/lives/${chosen}/state`, { state })).data);
    } catch (error) {
      fail(error);
    }
  }

  async function draftRoundup() {
    try {
      setRoundup((await post<Roundup>(`/campaign-desk/lives/${chosen}/roundup`, {})).data);
    } catch (error) {
      fail(error);
    }
  }

  const title = formatMessage({ id: getTranslation('live.menu'), defaultMessage: 'Live coverage' });
  const next = desk ? NEXT[desk.live.state] : undefined;
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({ id: getTranslation('live.subtitle'), defaultMessage: 'Entries are public once approved.' })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {lives && lives.length === 0 && (
            <Typography>{formatMessage({ id: getTranslation('live.none'), defaultMessage: 'No live yet.' })}</Typography>
          )}
          {lives && lives.length > 0 && (
            <SingleSelect aria-label={title} value={chosen ?? undefined} onChange={(value: string | number) => setChosen(String(value))}>
              {lives.map((live) => (
                <SingleSelectOption key={live.documentId} value={live.documentId}>
                  {`${live.title}（${nameOf(LIVE_STATES, live.state)}）`}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          )}
          {desk && (
            <>
              <Flex gap={2} wrap="wrap">
                <Badge active>{nameOf(LIVE_STATES, desk.live.state)}</Badge>
                {desk.live.event && <Typography>{desk.live.event}</Typography>}
                {desk.live.questions && (
                  <Badge>{formatMessage({ id: getTranslation('live.questions.open'), defaultMessage: 'Questions open' })}</Badge>
                )}
                <Typography textColor="neutral600">
                  {formatMessage(
                    { id: getTranslation('live.counts'), defaultMessage: '{awaiting} awaiting, {cleared} approved' },
                    { awaiting: desk.live.awaiting, cleared: desk.live.cleared },
                  )}
                </Typography>
                {next && (
                  <Button variant="secondary" onClick={() => void moveOn(next)}>
                    {formatMessage({ id: getTranslation(next === 'on_air' ? 'live.start' : 'live.end'), defaultMessage: next })}
                  </Button>
                )}
                {desk.live.state === 'ended' && (
                  <Button variant="secondary" onClick={() => void draftRoundup()}>
                    {formatMessage({ id: getTranslation('live.roundup'), defaultMessage: 'Draft the round-up story' })}
                  </Button>
                )}
              </Flex>
              {roundup && (
                <Link tag={NavLink} to={`/content-manager/collection-types/${UID.story}/${roundup.storyId}`}>
                  {roundup.title}
                </Link>
              )}
              {desk.live.state !== 'ended' && <EntryForm onSend={send} />}
              {desk.approver && desk.questions.length > 0 && (
                <Questions questions={desk.questions} onAnswer={answer} onDecline={(id) => void decline(id)} />
              )}
              {desk.entries.map((entry) => (
                <Entry key={entry.documentId} entry={entry} onApprove={(id) => void approve(id)} />
              ))}
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default LivePage;

/**
 * 宣讲点单 (the 宣传组's page): the lectures units booked from the 宣讲菜单, newest first. A
 * booking 待受理 is accepted (a group, speakers, a time in Beijing time and the place: the
 * lecture is published on the site's calendar) or declined with a reason. Everything a unit
 * typed is rendered as text by React; the contact is for the 宣传组 alone and says when it goes.
 */
import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { LECTURE_AUDIENCES, LECTURE_BOOKING_STATES, LECTURE_GROUPS, nameOf } from '@campaign-desk/shared';
import type { Booking } from '../../../common/lectures-api';
import { messageOf } from '../components/api-error';
import { when } from '../components/when';
import { getTranslation, type MessageId } from '../translations';

const useText = () => {
  const { formatMessage } = useIntl();
  return (id: MessageId, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(id), defaultMessage: id }, values);
};

const Line = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Typography tag="p" variant="omega">
    <Typography variant="sigma" textColor="neutral600">
      {label}：
    </Typography>{' '}
    {children}
  </Typography>
);

const Answer = ({ booking, onDone }: { booking: Booking; onDone: (message: string) => void }) => {
  const t = useText();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [group, setGroup] = useState<string>('');
  const [speakers, setSpeakers] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [venue, setVenue] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const field = (name: string) => `${name}-${booking.documentId}`;

  async function send(action: 'accept' | 'decline', body: unknown, done: string) {
    setBusy(true);
    try {
      await post(`/campaign-desk/lecture-bookings/${booking.documentId}/${action}`, body);
      onDone(done);
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={3} paddingTop={3}>
      <Field.Root name={field('group')}>
        <Field.Label>{t('lectures.group')}</Field.Label>
        <SingleSelect value={group} onChange={(value: string | number) => setGroup(String(value))} placeholder={t('lectures.choose')}>
          {LECTURE_GROUPS.map((entry) => (
            <SingleSelectOption key={entry.key} value={entry.key}>
              {entry.name}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      <Field.Root name={field('speakers')} hint={t('lectures.speakers.hint')}>
        <Field.Label>{t('lectures.speakers')}</Field.Label>
        <TextInput value={speakers} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSpeakers(event.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Field.Root name={field('startsAt')} hint={t('lectures.startsAt.hint')}>
        <Field.Label>{t('lectures.startsAt')}</Field.Label>
        <TextInput
          type="datetime-local"
          value={startsAt}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setStartsAt(event.target.value)}
        />
        <Field.Hint />
      </Field.Root>
      <Field.Root name={field('venue')} hint={t('lectures.venue.hint')}>
        <Field.Label>{t('lectures.venue')}</Field.Label>
        <TextInput value={venue} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setVenue(event.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Box>
        <Button
          loading={busy}
          disabled={!group || !speakers.trim() || !startsAt}
          onClick={() =>
            void send(
              'accept',
              { group, speakers, startsAt: `${startsAt.length === 16 ? `${startsAt}:00` : startsAt}+08:00`, venue },
              t('lectures.accepted'),
            )
          }
        >
          {t('lectures.accept')}
        </Button>
      </Box>
      <Field.Root name={field('reason')} hint={t('lectures.reason.hint')}>
        <Field.Label>{t('lectures.reason')}</Field.Label>
        <TextInput value={reason} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setReason(event.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Box>
        <Button
          variant="danger-light"
          loading={busy}
          disabled={reason.trim().length < 4}
          onClick={() => void send('decline', { reason }, t('lectures.declined'))}
        >
          {t('lectures.decline')}
        </Button>
      </Box>
    </Flex>
  );
};

const BookingCard = ({ booking, onDone }: { booking: Booking; onDone: (message: string) => void }) => {
  const t = useText();
  return (
    <Box tag="article" aria-label={booking.unit} background="neutral0" hasRadius shadow="tableShadow" padding={5}>
      <Flex gap={2} wrap="wrap" paddingBottom={2}>
        <Badge active>{nameOf(LECTURE_BOOKING_STATES, booking.state)}</Badge>
        <Badge>{nameOf(LECTURE_AUDIENCES, booking.audience)}</Badge>
        <Badge>{booking.placeName}</Badge>
        {booking.flags.length > 0 && <Badge variant="danger">{t('lectures.flags', { words: booking.flags.join('、') })}</Badge>}
        <Typography variant="pi" textColor="neutral600">
          {when(booking.receivedAt)}
        </Typography>
      </Flex>
      <Typography tag="h2" variant="delta">
        {booking.unit}
      </Typography>
      <Line label={t('lectures.topic')}>{booking.topicTitle}</Line>
      <Line label={t('lectures.week')}>{t('lectures.week.value', { monday: booking.week })}</Line>
      {booking.note && <Line label={t('lectures.note')}>{booking.note}</Line>}
      <Line label={t('lectures.contact')}>
        {booking.contactName || booking.phone ? `${booking.contactName ?? ''} ${booking.phone ?? ''}`.trim() : t('lectures.contact.gone')}
      </Line>
      {booking.group && <Line label={t('lectures.group')}>{nameOf(LECTURE_GROUPS, booking.group)}</Line>}
      {booking.speakers && <Line label={t('lectures.speakers')}>{booking.speakers}</Line>}
      {booking.startsAt && <Line label={t('lectures.startsAt')}>{when(booking.startsAt)}</Line>}
      {booking.venue && <Line label={t('lectures.venue')}>{booking.venue}</Line>}
      {booking.reason && <Line label={t('lectures.reason')}>{booking.reason}</Line>}
      {booking.handledBy && booking.handledAt && (
        <Line label={t('lectures.handled')}>{`${booking.handledBy}，${when(booking.handledAt)}`}</Line>
      )}
      {booking.state === 'requested' && <Answer booking={booking} onDone={onDone} />}
    </Box>
  );
};

const LecturesPage = () => {
  const t = useText();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [list, setList] = useState<Booking[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setList((await get<Booking[]>('/campaign-desk/lecture-bookings')).data);
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, [get]);

  useEffect(() => {
    void load();
  }, [load]);

  const done = (message: string) => {
    toggleNotification({ type: 'success', message });
    void load();
  };

  return (
    <Page.Main>
      <Page.Title>{t('lectures.menu')}</Page.Title>
      <Layouts.Header title={t('lectures.menu')} subtitle={t('lectures.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {error && <Typography textColor="danger600">{error}</Typography>}
          {list && list.length === 0 && <Typography>{t('lectures.empty')}</Typography>}
          {list?.map((booking) => (
            <BookingCard key={booking.documentId} booking={booking} onDone={done} />
          ))}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default LecturesPage;

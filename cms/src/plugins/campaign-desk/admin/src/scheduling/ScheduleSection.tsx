/**
 * 定时发布 in the 审稿 panel: the story's schedule (pending, else how the last one went), and for
 * whoever may publish an approved story, a time to schedule it for (Beijing time, whatever zone
 * the browser is in: the server reads the wall clock as Asia/Shanghai) and a way to cancel it.
 */
import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { formatChineseDateTime, nameOf } from '@campaign-desk/shared';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { SCHEDULE_STATES, type ScheduleStatus } from '../../../common/schedule-api';
import { messageOf } from '../components/api-error';
import { getTranslation } from '../translations';

interface SectionProps {
  documentId: string;
  /** The story's review stage: the section reads again when it changes. */
  stage: string;
  /** After a schedule changed: the panel reads its log again. */
  onChange(): void;
}

export const ScheduleSection = ({ documentId, stage, onChange }: SectionProps) => {
  const { get, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const [status, setStatus] = useState<ScheduleStatus | null>(null);
  const [time, setTime] = useState('');
  const [busy, setBusy] = useState(false);
  const url = `/campaign-desk/stories/${documentId}/schedule`;

  const load = useCallback(async () => {
    try {
      setStatus((await get<ScheduleStatus>(url)).data);
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  }, [get, url, toggleNotification]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again when the story moves (e.g. 终审 makes it schedulable).
  useEffect(() => {
    void load();
  }, [load, stage]);

  const change = async (request: () => Promise<{ data: ScheduleStatus }>, done: string) => {
    setBusy(true);
    try {
      setStatus((await request()).data);
      setTime('');
      toggleNotification({ type: 'success', message: done });
      onChange();
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
      await load();
    } finally {
      setBusy(false);
    }
  };

  if (!status || (!status.schedule && !status.maySchedule)) return null;
  const { schedule } = status;
  const pending = schedule?.state === 'pending';
  return (
    <Box data-testid="schedule">
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation('schedule.title'), defaultMessage: 'Scheduled publishing' })}
      </Typography>
      {schedule && (
        <Typography variant="pi" tag="p" textColor={schedule.state === 'failed' ? 'danger600' : undefined}>
          {`${nameOf(SCHEDULE_STATES, schedule.state)}：${formatChineseDateTime(schedule.publishAt)}（北京时间），${schedule.scheduledBy}安排`}
          {schedule.outcome ? `；${schedule.outcome}` : ''}
        </Typography>
      )}
      {status.maySchedule && (
        <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
          <Field.Root
            name="schedule-time"
            hint={formatMessage({ id: getTranslation('schedule.time.hint'), defaultMessage: 'Beijing time' })}
          >
            <Field.Label>{formatMessage({ id: getTranslation('schedule.time.label'), defaultMessage: 'Publish at' })}</Field.Label>
            <TextInput
              type="datetime-local"
              value={time}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTime(event.target.value)}
            />
            <Field.Hint />
          </Field.Root>
          <Button
            fullWidth
            variant="secondary"
            loading={busy}
            disabled={!time}
            onClick={() =>
              void change(
                () => put<ScheduleStatus>(url, { publishAt: time }),
                formatMessage({ id: getTranslation('schedule.done'), defaultMessage: 'Scheduled' }),
              )
            }
          >
            {formatMessage({ id: getTranslation(pending ? 'schedule.move' : 'schedule.submit'), defaultMessage: 'Schedule' })}
          </Button>
          {pending && (
            <Button
              fullWidth
              variant="danger-light"
              loading={busy}
              onClick={() =>
                void change(
                  () => del<ScheduleStatus>(url),
                  formatMessage({ id: getTranslation('schedule.cancelled'), defaultMessage: 'Schedule cancelled' }),
                )
              }
            >
              {formatMessage({ id: getTranslation('schedule.cancel'), defaultMessage: 'Cancel the schedule' })}
            </Button>
          )}
        </Flex>
      )}
    </Box>
  );
};

/** Writing an entry quickly: its kind, its text and what the kind needs; it waits for a 值班编辑 after. */
import { useState } from 'react';
import { Box, Button, Checkbox, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Textarea } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { LIVE_ENTRY_KINDS, type LiveEntryKind } from '@campaign-desk/shared';
import type { EntryInput } from '../../../common/live-api';
import { getTranslation } from '../translations';

export const EntryForm = ({ onSend }: { onSend: (entry: EntryInput) => Promise<boolean> }) => {
  const { formatMessage } = useIntl();
  const [kind, setKind] = useState<LiveEntryKind>('entry_text');
  const [text, setText] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [pinned, setPinned] = useState(false);
  const [correction, setCorrection] = useState(false);
  const [busy, setBusy] = useState(false);

  async function send() {
    setBusy(true);
    const sent = await onSend({
      kind,
      text,
      speaker: kind === 'entry_quote' ? speaker : null,
      videoUrl: kind === 'entry_video' ? videoUrl : null,
      pinned,
      correction,
    });
    setBusy(false);
    if (sent) {
      setText('');
      setSpeaker('');
      setVideoUrl('');
      setPinned(false);
      setCorrection(false);
    }
  }

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={5}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Field.Root
          name="entry-kind"
          hint={formatMessage({ id: getTranslation('live.form.photo-hint'), defaultMessage: 'Photos: in the content manager' })}
        >
          <Field.Label>{formatMessage({ id: getTranslation('live.form.kind'), defaultMessage: 'Kind' })}</Field.Label>
          <SingleSelect value={kind} onChange={(value: string | number) => setKind(value as LiveEntryKind)}>
            {LIVE_ENTRY_KINDS.filter((entry) => entry.key !== 'entry_photo').map((entry) => (
              <SingleSelectOption key={entry.key} value={entry.key}>
                {entry.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Hint />
        </Field.Root>
        <Field.Root name="entry-text">
          <Field.Label>{formatMessage({ id: getTranslation('live.form.text'), defaultMessage: 'Text' })}</Field.Label>
          <Textarea value={text} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setText(event.target.value)} />
        </Field.Root>
        {kind === 'entry_quote' && (
          <Field.Root name="entry-speaker">
            <Field.Label>{formatMessage({ id: getTranslation('live.form.speaker'), defaultMessage: 'Speaker' })}</Field.Label>
            <TextInput value={speaker} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSpeaker(event.target.value)} />
          </Field.Root>
        )}
        {kind === 'entry_video' && (
          <Field.Root name="entry-video">
            <Field.Label>{formatMessage({ id: getTranslation('live.form.video'), defaultMessage: 'Video link' })}</Field.Label>
            <TextInput value={videoUrl} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setVideoUrl(event.target.value)} />
          </Field.Root>
        )}
        <Flex gap={4} wrap="wrap">
          <Checkbox checked={pinned} onCheckedChange={(checked: boolean) => setPinned(checked === true)}>
            {formatMessage({ id: getTranslation('live.form.pinned'), defaultMessage: 'Pinned' })}
          </Checkbox>
          <Checkbox checked={correction} onCheckedChange={(checked: boolean) => setCorrection(checked === true)}>
            {formatMessage({ id: getTranslation('live.form.correction'), defaultMessage: 'Correction' })}
          </Checkbox>
        </Flex>
        <Box>
          <Button loading={busy} disabled={text.trim() === ''} onClick={() => void send()}>
            {formatMessage({ id: getTranslation('live.form.send'), defaultMessage: 'Send for approval' })}
          </Button>
        </Box>
      </Flex>
    </Box>
  );
};

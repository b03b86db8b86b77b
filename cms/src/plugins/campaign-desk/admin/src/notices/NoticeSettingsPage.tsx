/** 设置 → 专题宣传 → 我的通知: which notices the person signed in receives, in the admin and by email. */
import { useEffect, useState } from 'react';
import { Box, Button, Checkbox, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NOTICE_KINDS, type NoticeSettings } from '../../../common/notices-api';
import { messageOf } from '../components/api-error';
import { getTranslation } from '../translations';

const CHANNELS = [
  { key: 'admin', name: '在后台显示' },
  { key: 'email', name: '发邮件' },
] as const;

const NoticeSettingsPage = () => {
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const [settings, setSettings] = useState<NoticeSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const title = formatMessage({ id: getTranslation('notices.settings.title'), defaultMessage: 'My notices' });

  useEffect(() => {
    get<NoticeSettings>('/campaign-desk/notices/settings')
      .then((response) => setSettings(response.data))
      .catch((error: unknown) => toggleNotification({ type: 'danger', message: messageOf(error) }));
  }, [get, toggleNotification]);

  const save = async () => {
    if (!settings) return;
    setBusy(true);
    try {
      setSettings((await put<NoticeSettings>('/campaign-desk/notices/settings', settings)).data);
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('notices.settings.saved'), defaultMessage: 'Saved' }),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTranslation('notices.settings.subtitle'),
          defaultMessage: 'Which notices of your stories you receive, in the admin and by email',
        })}
        primaryAction={
          <Button onClick={() => void save()} loading={busy} disabled={!settings}>
            {formatMessage({ id: getTranslation('notices.settings.save'), defaultMessage: 'Save' })}
          </Button>
        }
      />
      <Layouts.Content>
        {settings && (
          <Flex direction="column" alignItems="stretch" gap={4}>
            {CHANNELS.map((channel) => (
              <Box key={channel.key} background="neutral0" padding={6} hasRadius shadow="filterShadow">
                <Typography variant="delta" tag="h2">
                  {channel.name}
                </Typography>
                <Flex gap={6} paddingTop={4} wrap="wrap">
                  {NOTICE_KINDS.map((kind) => (
                    <Checkbox
                      key={kind.key}
                      name={`${channel.key}.${kind.key}`}
                      checked={settings[channel.key][kind.key]}
                      onCheckedChange={(checked: boolean) =>
                        setSettings({ ...settings, [channel.key]: { ...settings[channel.key], [kind.key]: checked === true } })
                      }
                    >
                      {kind.name}
                    </Checkbox>
                  ))}
                </Flex>
              </Box>
            ))}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default NoticeSettingsPage;

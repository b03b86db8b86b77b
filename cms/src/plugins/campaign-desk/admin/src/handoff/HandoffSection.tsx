/**
 * 交付公众号 in the 审稿 panel of a published story: one click copies the story as the 公众号
 * editor takes it (HTML and plain text), another the Weibo text with its length as Weibo counts
 * it; each copy is recorded in the story's review log.
 */
import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Handoff, HandoffRecord } from '../../../common/handoff-api';
import { messageOf } from '../components/api-error';
import { getTranslation } from '../translations';
import { copyForms } from './clipboard';

interface SectionProps {
  documentId: string;
  /** After a copy was recorded: the panel reads its log again. */
  onChange(): void;
}

export const HandoffSection = ({ documentId, onChange }: SectionProps) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const [handoff, setHandoff] = useState<Handoff | null>(null);
  const url = `/campaign-desk/stories/${documentId}/handoff`;

  const load = useCallback(async () => {
    try {
      setHandoff((await get<Handoff>(url)).data);
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  }, [get, url, toggleNotification]);

  useEffect(() => {
    void load();
  }, [load]);

  const copy = async (form: HandoffRecord['form']) => {
    if (!handoff) return;
    try {
      await copyForms(form === 'wechat' ? { html: handoff.html, text: handoff.text } : { text: handoff.weibo });
    } catch {
      toggleNotification({
        type: 'danger',
        message: formatMessage({ id: getTranslation('handoff.copy-failed'), defaultMessage: 'The browser did not allow copying.' }),
      });
      return;
    }
    toggleNotification({
      type: 'success',
      message: formatMessage({ id: getTranslation(`handoff.copied.${form}`), defaultMessage: 'Copied' }),
    });
    try {
      await post<void, HandoffRecord>(url, { form });
      onChange();
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };

  if (!handoff) return null;
  return (
    <Box data-testid="handoff">
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: getTranslation('handoff.title'), defaultMessage: 'Hand-off' })}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
        <Button fullWidth variant="secondary" onClick={() => void copy('wechat')}>
          {formatMessage({ id: getTranslation('handoff.copy.wechat'), defaultMessage: 'Copy for WeChat' })}
        </Button>
        <Button fullWidth variant="tertiary" onClick={() => void copy('weibo')}>
          {formatMessage({ id: getTranslation('handoff.copy.weibo'), defaultMessage: 'Copy for Weibo' })}
        </Button>
        <Typography variant="pi" tag="p" data-testid="handoff-weibo">
          {handoff.weibo}
        </Typography>
        <Typography variant="pi" tag="p" textColor="neutral600">
          {formatMessage(
            { id: getTranslation('handoff.weibo.length'), defaultMessage: '{length} of {limit} characters as Weibo counts them' },
            { length: handoff.weiboLength, limit: handoff.weiboLimit },
          )}
        </Typography>
      </Flex>
    </Box>
  );
};

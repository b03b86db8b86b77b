/**
 * 预览 from the 审稿 panel: the draft as the site will show it, rendered by the publisher,
 * in a new tab. The URL (with its short-lived token) is asked for at the click, through
 * Strapi's Preview feature, so a panel left open for long still opens a good link.
 */
import { Button } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { UID } from '../../../common/names';
import { messageOf } from '../components/api-error';
import { getTranslation } from '../translations';

export const PreviewButton = ({ documentId }: { documentId: string }) => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatMessage } = useIntl();
  const open = async () => {
    // Opened at the click, so no popup blocker takes it for an unasked window; pointed at the preview once its URL is known.
    const tab = window.open('', '_blank');
    try {
      const { data } = await get<{ data: { url?: string } }>(
        `/content-manager/preview/url/${UID.story}?documentId=${documentId}&status=draft`,
      );
      if (!data.data.url) throw new Error(formatMessage({ id: getTranslation('preview.none'), defaultMessage: 'No preview' }));
      if (tab) {
        tab.opener = null;
        tab.location.href = data.data.url;
      }
    } catch (error) {
      tab?.close();
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };
  return (
    <Button variant="tertiary" fullWidth onClick={() => void open()} data-testid="review-preview">
      {formatMessage({ id: getTranslation('preview.open'), defaultMessage: 'Preview' })}
    </Button>
  );
};

/** Saves what an authenticated admin request answers as a file, under the name the server gives it. */
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useState } from 'react';
import { messageOf } from './api-error';

function fileName(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

/** `download(url, fallback)`, and why the last download failed (null once one succeeds). */
export function useDownload(): { download: (url: string, fallback: string) => Promise<void>; error: string | null } {
  const { get } = useFetchClient();
  const [error, setError] = useState<string | null>(null);
  const download = useCallback(
    async (url: string, fallback: string) => {
      try {
        const response = await get<Blob>(url, { responseType: 'blob' });
        const link = document.createElement('a');
        link.href = URL.createObjectURL(response.data);
        link.download = fileName(response.headers?.get('content-disposition') ?? null, fallback);
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
        setError(null);
      } catch (caught) {
        setError(`导出失败：${messageOf(caught)}`);
      }
    },
    [get],
  );
  return { download, error };
}

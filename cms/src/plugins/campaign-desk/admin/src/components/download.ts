/** Saves what an authenticated admin request answers as a file, under the name the server gives it. */
import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback } from 'react';

function fileName(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

export function useDownload() {
  const { get } = useFetchClient();
  return useCallback(
    async (url: string, fallback: string) => {
      const response = await get<Blob>(url, { responseType: 'blob' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(response.data);
      link.download = fileName(response.headers?.get('content-disposition') ?? null, fallback);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    },
    [get],
  );
}

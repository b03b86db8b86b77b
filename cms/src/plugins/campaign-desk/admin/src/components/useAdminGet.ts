import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { messageOf } from './api-error';

/** Reads in flight, by path: widgets of one page that read the same path share one request. */
const inFlight = new Map<string, Promise<unknown>>();

/**
 * One read of the admin API (GET `path`), made again whenever `path` changes; the last answer
 * stays shown while the next loads, and a failure says what the CMS answered.
 */
export function useAdminGet<T>(path: string): { data: T | null; error: string | null; loading: boolean } {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    setLoading(true);
    let request = inFlight.get(path) as Promise<T> | undefined;
    if (!request) {
      request = get<T>(path).then((response) => response.data);
      inFlight.set(path, request);
      void request.catch(() => {}).finally(() => inFlight.delete(path));
    }
    request
      .then((answer) => {
        if (!live) return;
        setData(answer);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (live) setError(messageOf(caught));
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [get, path]);
  return { data, error, loading };
}

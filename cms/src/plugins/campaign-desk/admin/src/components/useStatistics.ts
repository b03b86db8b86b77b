import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { Statistics } from '../../../common/statistics-api';
import { messageOf } from './api-error';

/** The figures of a date range (GET /campaign-desk/statistics), fetched again when the range changes. */
export function useStatistics(from: string, to: string): { statistics: Statistics | null; error: string | null; loading: boolean } {
  const { get } = useFetchClient();
  const [statistics, setStatistics] = useState<Statistics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let live = true;
    setLoading(true);
    get<Statistics>(`/campaign-desk/statistics?from=${from}&to=${to}`)
      .then((response) => {
        if (!live) return;
        setStatistics(response.data);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (live) setError(messageOf(caught));
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [get, from, to]);
  return { statistics, error, loading };
}

/** Today in Asia/Shanghai, 'YYYY-MM-DD'. */
export function shanghaiToday(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

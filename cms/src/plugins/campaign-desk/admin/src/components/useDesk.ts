import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import type { Desk } from '../../../common/desk-api';

/** The desk of the person signed in (GET /campaign-desk/desk). */
export function useDesk(): { desk: Desk | null; error: string | null } {
  const { get } = useFetchClient();
  const [desk, setDesk] = useState<Desk | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    get<Desk>('/campaign-desk/desk')
      .then((response) => live && setDesk(response.data))
      .catch((caught: Error) => live && setError(caught.message));
    return () => {
      live = false;
    };
  }, [get]);
  return { desk, error };
}

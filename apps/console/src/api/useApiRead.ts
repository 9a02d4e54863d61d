import { useCallback, useEffect, useState } from 'react';
import { type RequestOptions, api, problemText, queryString } from './client';

export interface ApiRead<T> {
  /** The answer to the latest request; null while it loads or when it failed. */
  data: T | null;
  /** The API's problem (its Chinese message) when the latest request failed. */
  error: string | null;
  loading: boolean;
  /** Reads the same resource again (after a change the page made). */
  reload: () => void;
}

/**
 * One GET read again whenever its path or query change (`path` null: nothing to read yet). An answer that arrives
 * after a newer request was sent is dropped: on a slow network the first of two answers can come last, and the
 * page would show the rows of a query (an agency, a filter) it has already left.
 */
export function useApiRead<T>(
  path: string | null,
  query?: RequestOptions['query'],
  /** Keep showing the previous answer while the next loads (a table turning pages keeps its pager). */
  { keepPrevious = false }: { keepPrevious?: boolean } = {},
): ApiRead<T> {
  const url = path === null ? null : `${path}${queryString(query)}`;
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<Omit<ApiRead<T>, 'reload'>>({ data: null, error: null, loading: url !== null });
  useEffect(() => {
    if (url === null) return;
    let latest = true;
    setState((s) => ({ data: keepPrevious ? s.data : null, error: null, loading: true }));
    api<T>(url)
      .then((r) => latest && setState({ data: r.body, error: null, loading: false }))
      .catch((e: unknown) => latest && setState({ data: null, error: problemText(e), loading: false }));
    return () => {
      latest = false;
    };
  }, [url, version, keepPrevious]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}

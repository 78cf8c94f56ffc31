/** List state (filters + paging) kept in the URL query string, so a list can be bookmarked, shared and navigated back to. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const DEFAULT_PAGE_SIZE = 20;

type Patch<K extends string> = Partial<Record<K | 'page' | 'pageSize', string | number | null | undefined>>;

function positiveInt(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function useUrlQuery<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();

  const filters = useMemo(() => {
    const out = {} as Record<K, string | undefined>;
    for (const k of keys) out[k] = params.get(k) ?? undefined;
    return out;
    // keys is a constant list per page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);

  const page = positiveInt(params.get('page'), 1);
  const pageSize = Math.min(positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE), 200);

  /** Change some values; any change that does not name `page` goes back to page 1. */
  const update = useCallback(
    (patch: Patch<K>) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === null || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        if (!('page' in patch)) next.delete('page');
        return next;
      });
    },
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  return { filters, page, pageSize, update, reset };
}

import { useCallback, useMemo, useState } from 'react';
import { readStoredJson, removeStored, writeStored } from '../../../lib/storage.ts';

function load(key: string): string[] {
  const parsed = readStoredJson('session', key);
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
}

function save(key: string, ids: Iterable<string>) {
  // storage disabled: the selection lives for this page only
  const list = [...ids];
  if (list.length) writeStored('session', key, JSON.stringify(list));
  else removeStored('session', key);
}

/**
 * A set of selected ids kept in sessionStorage under `key` (a storage name), so that signing in again after an
 * expired session (or a reload) comes back with the same selection.
 */
export function usePersistentSelection(key: string) {
  const [state, setState] = useState(() => ({ key, ids: new Set(load(key)) }));
  // a different key (another owner's inbox) starts from that key's stored selection
  if (state.key !== key) setState({ key, ids: new Set(load(key)) });
  const current = state.ids;

  const update = useCallback(
    (change: (ids: Set<string>) => void) => {
      setState((prev) => {
        const ids = new Set(prev.key === key ? prev.ids : load(key));
        change(ids);
        save(key, ids);
        return { key, ids };
      });
    },
    [key],
  );

  return useMemo(
    () => ({
      selected: current as ReadonlySet<string>,
      toggle: (id: string) => update((ids) => (ids.has(id) ? ids.delete(id) : ids.add(id))),
      setMany: (list: string[], on: boolean) =>
        update((ids) => list.forEach((id) => (on ? ids.add(id) : ids.delete(id)))),
      remove: (list: string[]) => update((ids) => list.forEach((id) => ids.delete(id))),
      clear: () => update((ids) => ids.clear()),
    }),
    [current, update],
  );
}

import { useCallback, useMemo, useState } from 'react';
import { readStoredJson, removeStored, writeStored } from '../../../lib/storage.ts';

// The selections of this page load, by key: the source of truth, so that a change made while the inbox is not
// mounted (a bulk run's successes arriving while the page is at sign in) is not lost; sessionStorage keeps a copy.
const current = new Map<string, Set<string>>();

function load(key: string): Set<string> {
  let ids = current.get(key);
  if (!ids) {
    const parsed = readStoredJson('session', key);
    ids = new Set(Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : []);
    current.set(key, ids);
  }
  return ids;
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
  const [state, setState] = useState(() => ({ key, ids: load(key) }));
  // a different key (another owner's inbox) starts from that key's stored selection
  if (state.key !== key) setState({ key, ids: load(key) });
  const selected = state.ids;

  const update = useCallback(
    (change: (ids: Set<string>) => void) => {
      const ids = new Set(load(key));
      change(ids);
      current.set(key, ids);
      save(key, ids);
      setState({ key, ids });
    },
    [key],
  );

  return useMemo(
    () => ({
      selected: selected as ReadonlySet<string>,
      toggle: (id: string) => update((ids) => (ids.has(id) ? ids.delete(id) : ids.add(id))),
      setMany: (list: string[], on: boolean) =>
        update((ids) => list.forEach((id) => (on ? ids.add(id) : ids.delete(id)))),
      remove: (list: string[]) => update((ids) => list.forEach((id) => ids.delete(id))),
      clear: () => update((ids) => ids.clear()),
    }),
    [selected, update],
  );
}

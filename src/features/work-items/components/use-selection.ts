import { useCallback, useMemo, useState } from 'react';

function load(key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function save(key: string, ids: Iterable<string>) {
  try {
    const list = [...ids];
    if (list.length) sessionStorage.setItem(key, JSON.stringify(list));
    else sessionStorage.removeItem(key);
  } catch {
    // storage disabled: the selection lives for this page only
  }
}

/**
 * A set of selected ids kept in sessionStorage under `key`, so that signing in again after an expired session
 * (or a reload) comes back with the same selection.
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

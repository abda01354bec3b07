import { useCallback, useMemo, useState } from 'react';
import { readStoredJson, removeStored, writeStored } from '../../../lib/storage.ts';

// The selections of this page load, by key: the source of truth, so that a change made while the inbox is not
// mounted (a bulk run's successes arriving while the page is at sign in) is not lost; sessionStorage keeps a copy.
// Each selected row keeps its scope: the sub-items a search matched when it was selected (null: all of it), so a
// bulk decision decides exactly what the user saw matched, whatever the search says by then.
type Scopes = Map<string, readonly string[] | null>;
const current = new Map<string, Scopes>();

function load(key: string): Scopes {
  let scopes = current.get(key);
  if (!scopes) {
    const parsed = readStoredJson('session', key);
    scopes = new Map();
    if (Array.isArray(parsed)) {
      for (const id of parsed) if (typeof id === 'string') scopes.set(id, null);
    } else if (parsed && typeof parsed === 'object') {
      for (const [id, scope] of Object.entries(parsed as Record<string, unknown>)) {
        scopes.set(id, Array.isArray(scope) ? scope.filter((s): s is string => typeof s === 'string') : null);
      }
    }
    current.set(key, scopes);
  }
  return scopes;
}

function save(key: string, scopes: Scopes) {
  // storage disabled: the selection lives for this page only
  if (scopes.size) writeStored('session', key, JSON.stringify(Object.fromEntries(scopes)));
  else removeStored('session', key);
}

/**
 * A set of selected ids (each with its scope) kept in sessionStorage under `key` (a storage name), so that signing
 * in again after an expired session (or a reload) comes back with the same selection.
 */
export function usePersistentSelection(key: string) {
  const [state, setState] = useState(() => ({ key, scopes: load(key) }));
  // a different key (another owner's inbox) starts from that key's stored selection
  if (state.key !== key) setState({ key, scopes: load(key) });
  const { scopes } = state;

  const update = useCallback(
    (change: (scopes: Scopes) => void) => {
      const next: Scopes = new Map(load(key));
      change(next);
      current.set(key, next);
      save(key, next);
      setState({ key, scopes: next });
    },
    [key],
  );

  return useMemo(
    () => ({
      selected: new Set(scopes.keys()) as ReadonlySet<string>,
      /** The sub-items a row was selected with (undefined: all of it). */
      scopeOf: (id: string): readonly string[] | undefined => scopes.get(id) ?? undefined,
      toggle: (id: string, scope?: readonly string[]) =>
        update((s) => (s.has(id) ? s.delete(id) : s.set(id, scope ?? null))),
      setMany: (list: string[], on: boolean, scopesOf?: ReadonlyMap<string, readonly string[]>) =>
        update((s) => list.forEach((id) => (on ? s.set(id, scopesOf?.get(id) ?? null) : s.delete(id)))),
      remove: (list: string[]) => update((s) => list.forEach((id) => s.delete(id))),
      clear: () => update((s) => s.clear()),
    }),
    [scopes, update],
  );
}

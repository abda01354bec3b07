import { useCallback, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { readStoredJson, writeStored } from './storage.ts';

// The owner whose items are shown lives in the URL (`?ownerId=`), so a pasted link opens the same view.

/** The `ownerId` of the current URL, or undefined for "my own items". */
export function useOwnerId(): string | undefined {
  const [params] = useSearchParams();
  return params.get('ownerId') || undefined;
}

// Recently viewed owners, remembered in localStorage for the admin's owner picker and the banner's name.
export interface RecentOwner {
  id: string;
  name?: string;
}

const KEY = 'recent-owners';
const MAX = 8;
const listeners = new Set<() => void>();
let cache: RecentOwner[] | null = null;

function read(): RecentOwner[] {
  if (cache) return cache;
  const parsed = readStoredJson('local', KEY);
  cache = Array.isArray(parsed)
    ? parsed.filter((o): o is RecentOwner => !!o && typeof (o as RecentOwner).id === 'string').slice(0, MAX)
    : [];
  return cache;
}

function write(owners: RecentOwner[]) {
  cache = owners.slice(0, MAX);
  writeStored('local', KEY, JSON.stringify(cache));
  listeners.forEach((l) => l());
}

/** Puts an owner first in the recent list; a known name is kept when a later call has none. */
export function rememberOwner(id: string, name?: string | null) {
  const owners = read();
  const existing = owners.find((o) => o.id === id);
  const entry: RecentOwner = { id, name: name || existing?.name };
  if (owners[0]?.id === id && owners[0].name === entry.name) return;
  write([entry, ...owners.filter((o) => o.id !== id)]);
}

export function useRecentOwners(): RecentOwner[] {
  return useSyncExternalStore(
    useCallback((listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }, []),
    read,
    read,
  );
}

// How many items the inbox loads into its index at most (a setting, kept in localStorage). A queue above it is
// listed in the server's order: the first `bound` items, searchable, instead of fetching forever.
import { useCallback, useSyncExternalStore } from 'react';
import { readStored, writeStored } from '../storage.ts';

export const DEFAULT_QUEUE_BOUND = 10_000;
export const QUEUE_BOUND_CHOICES = [1_000, 5_000, 10_000, 25_000, 50_000, 100_000] as const;
const MIN = 250;
const MAX = 1_000_000;
const KEY = 'queue-bound';
const listeners = new Set<() => void>();

/** The stored bound, or the default when none (or a nonsense value) is stored. */
export function readQueueBound(): number {
  const n = Number(readStored('local', KEY));
  return Number.isInteger(n) && n >= MIN && n <= MAX ? n : DEFAULT_QUEUE_BOUND;
}

export function writeQueueBound(bound: number): void {
  writeStored('local', KEY, String(bound));
  listeners.forEach((l) => l());
}

export function useQueueBound(): [number, (bound: number) => void] {
  const bound = useSyncExternalStore(
    useCallback((listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }, []),
    readQueueBound,
    readQueueBound,
  );
  return [bound, writeQueueBound];
}

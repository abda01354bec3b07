// Work items this tab forwarded lately. Once forwarded, an item belongs to someone else and the API answers 403
// (or 404) for it; the detail page reads this to say where it went instead of showing a bare refusal.
import { readStoredJson, writeStored } from './storage.ts';

const NAME = 'recent-forwards';
/** Enough for a bulk forward of a few pages; the oldest are dropped first. */
const MAX_ENTRIES = 500;

export interface RecentForward {
  /** Who it was forwarded to. */
  toName: string;
  /** ISO time of the forward. */
  at: string;
}

function readAll(): Record<string, RecentForward> {
  const stored = readStoredJson('session', NAME);
  return stored && typeof stored === 'object' && !Array.isArray(stored)
    ? (stored as Record<string, RecentForward>)
    : {};
}

/** Notes that these work items were just forwarded to `toName`. */
export function rememberForwards(ids: readonly string[], toName: string, at = new Date().toISOString()): void {
  if (ids.length === 0) return;
  const all = readAll();
  for (const id of ids) {
    delete all[id]; // re-inserted last: the newest stay when the list is cut
    all[id] = { toName, at };
  }
  const entries = Object.entries(all);
  writeStored('session', NAME, JSON.stringify(Object.fromEntries(entries.slice(-MAX_ENTRIES))));
}

/** The forward of this work item made in this tab, if any. */
export function recentForward(id: string): RecentForward | undefined {
  const entry = readAll()[id];
  return entry && typeof entry.toName === 'string' && typeof entry.at === 'string' ? entry : undefined;
}

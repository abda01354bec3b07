// Where the user was in a list, kept per list URL (pathname + query: filters, sort, search) in sessionStorage, so
// that browser Back, "← Back to the inbox" and coming back after "Next item" land on the same rows: the scroll
// position, the focused row, and which item was opened from it.
import { useState } from 'react';
import { paths } from './paths.ts';
import { readStored, readStoredJson, writeStored } from './storage.ts';

export interface ListPosition {
  /** The focused row's item and its index (the index is used when the item has left the list). */
  id?: string;
  index: number;
  scrollY: number;
  /** The item last opened from this list (the detail page's "Next item" moves it on). */
  opened?: string;
}

const POSITIONS = 'list-positions';
const LAST_LIST = 'last-list-url';
/** Enough for the lists of one tab's session; the oldest are dropped. */
const MAX_KEPT = 20;

type Positions = Record<string, ListPosition>;

function readAll(): Positions {
  const value = readStoredJson('session', POSITIONS);
  return value && typeof value === 'object' ? (value as Positions) : {};
}

export function readListPosition(url: string): ListPosition | undefined {
  return readAll()[url];
}

export function saveListPosition(url: string, change: Partial<ListPosition>): void {
  const all = readAll();
  const next: ListPosition = { ...(all[url] ?? { index: 0, scrollY: 0 }), ...change };
  delete all[url];
  all[url] = next;
  const keys = Object.keys(all);
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_KEPT))) delete all[key];
  writeStored('session', POSITIONS, JSON.stringify(all));
  writeStored('session', LAST_LIST, url);
}

/** The list URL last shown in this tab, if it is of the owner now viewed (an admin switches owners). */
export function lastListUrl(ownerId: string | undefined): string | undefined {
  const url = readStored('session', LAST_LIST) ?? undefined;
  return url && ownerOf(url) === (ownerId ?? '') ? url : undefined;
}

function ownerOf(url: string): string {
  return new URL(url, 'http://x').searchParams.get('ownerId') ?? '';
}

/**
 * A detail page notes which item is open, so the list comes back focused on it (or where it was); "Next item" also
 * notes its place in the list (`index`), where the next one is found once this one has left the list.
 */
export function noteOpened(id: string, index?: number): void {
  const url = readStored('session', LAST_LIST);
  if (url) saveListPosition(url, index === undefined ? { opened: id } : { opened: id, index });
}

/** The list URL a detail page was opened from (read once, when it opens), else the owner's inbox. */
export function listUrlFor(ownerId: string | undefined): string {
  return lastListUrl(ownerId) ?? paths.inbox({ ownerId });
}

/**
 * A detail page's way back: the exact list it was opened from (filters, sort, search; the list brings back its
 * focused row), else the owner's inbox. Read once, when the page opens.
 */
export function useBackToList(ownerId: string | undefined): { path: string; label: string } {
  const [path] = useState(() => listUrlFor(ownerId));
  return { path, label: path.startsWith(paths.completed()) ? '← Back to Completed' : '← Back to the inbox' };
}

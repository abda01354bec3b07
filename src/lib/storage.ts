// Everything this app keeps in the browser's localStorage and sessionStorage, under one prefix. Storage may be
// missing or refuse writes (private mode, quota, a policy): every call here then quietly does nothing, and the
// app works without what it would have kept.

const STORAGE_PREFIX = 'wii.';

export type StorageArea = 'local' | 'session';

/** The full key of `name` (`wii.<name>`). */
export function storageKey(name: string): string {
  return `${STORAGE_PREFIX}${name}`;
}

function area(kind: StorageArea): Storage | undefined {
  try {
    return kind === 'local' ? localStorage : sessionStorage;
  } catch {
    return undefined;
  }
}

export function readStored(kind: StorageArea, name: string): string | null {
  try {
    return area(kind)?.getItem(storageKey(name)) ?? null;
  } catch {
    return null;
  }
}

/** Parsed JSON under `name`, or undefined when absent or unreadable. */
export function readStoredJson(kind: StorageArea, name: string): unknown {
  const text = readStored(kind, name);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function writeStored(kind: StorageArea, name: string, value: string): void {
  try {
    area(kind)?.setItem(storageKey(name), value);
  } catch {
    // storage full or disabled: kept for this page only, if at all
  }
}

export function removeStored(kind: StorageArea, name: string): void {
  try {
    area(kind)?.removeItem(storageKey(name));
  } catch {
    // nothing was kept
  }
}

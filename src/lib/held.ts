// Irreversible requests held back for a few seconds so that "Undo" can be honest: ISC has no un-approve, so an
// undone decision must be one that was never sent. One request is held at a time (the toast shows one Undo): a new
// hold sends the one before it at once. Closing or leaving the page sends whatever is held, with `keepalive`, so a
// decision the user saw made is never lost.
import { sendOnUnload } from './http.ts';

/** How long a decision waits for "Undo" before it is sent. */
export const HOLD_MS = 5_000;

export interface HoldRequest {
  /** The v3 path of the bodiless POST (`work-items/{id}/approve/{itemId}`), sent with keepalive on page close. */
  path: string;
  /** Sends it the normal way (a mutation) once the wait is over or the next hold arrives. */
  send: () => Promise<unknown>;
  /** Called after the request went out on page close (no answer will come). */
  onSentOnUnload?: () => void;
}

export interface HeldHandle {
  /** Takes it back: true when it had not been sent (it never will be). */
  cancel: () => boolean;
  /** Sends it now. */
  flush: () => void;
  /** Resolves with the send's result once sent; rejects when the send fails. Never settles when cancelled. */
  sent: Promise<unknown>;
}

interface Entry extends HoldRequest {
  timer: ReturnType<typeof setTimeout>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const held = new Set<Entry>();
const listeners = new Set<() => void>();

function changed() {
  for (const listener of [...listeners]) listener();
}

function release(entry: Entry): boolean {
  if (!held.delete(entry)) return false;
  clearTimeout(entry.timer);
  changed();
  return true;
}

function sendNow(entry: Entry) {
  if (!release(entry)) return;
  entry.send().then(entry.resolve, entry.reject);
}

let listening = false;

function listenForUnload() {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  // pagehide, not beforeunload/unload: it fires on close, reload, navigation away and entering the bfcache alike
  window.addEventListener('pagehide', () => {
    for (const entry of [...held]) {
      if (!release(entry)) continue;
      sendOnUnload(entry.path);
      entry.onSentOnUnload?.();
    }
  });
}

/** Holds `request` for `ms`, then sends it; a later hold sends it at once. */
export function hold(request: HoldRequest, ms = HOLD_MS): HeldHandle {
  listenForUnload();
  for (const previous of [...held]) sendNow(previous);
  let resolve!: (value: unknown) => void;
  let reject!: (error: unknown) => void;
  const sent = new Promise<unknown>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // a rejection nobody awaits must not become an unhandled one: the caller reports failures through `sent`
  sent.catch(() => {});
  const entry: Entry = { ...request, resolve, reject, timer: setTimeout(() => sendNow(entry), ms) };
  held.add(entry);
  changed();
  return { cancel: () => release(entry), flush: () => sendNow(entry), sent };
}

/** Sends everything held now (e.g. before a bulk run that must see the decisions made). */
export function flushHeld(): void {
  for (const entry of [...held]) sendNow(entry);
}

/** How many requests are held (the page shows "1 decision waiting to be sent"). */
export function heldCount(): number {
  return held.size;
}

export function onHeldChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Irreversible requests held back for a few seconds so that "Undo" can be honest: ISC has no un-approve, so an
// undone decision must be one that was never sent. A held decision is a plain request (method, path, body): this
// module sends it itself, through the one HTTP client, when the wait is over, when the next one is held (one is
// held at a time: the toast shows one Undo), or — with `keepalive` — when the page is closed or left, so a decision
// the user saw made is never lost. It knows no kinds: what a decision does to the cache is the caller's business.
import { sendOnUnload, sendRequest } from './http.ts';
import { whenOnline } from './online.ts';

/** How long a decision waits for "Undo" before it is sent. */
export const HOLD_MS = 5_000;

/** A decision as plain data: serializable, sent by this module. */
export interface HeldRequest {
  method: 'POST';
  /** From the origin, percent-encoded: '/v3/work-items/abc/approve/def'. */
  path: string;
  /** The JSON body, when the operation takes one (an access request's comment). */
  json?: unknown;
  /** What the user reads: 'Approve “Salesforce: permissionSets”'. */
  label: string;
  /** The registered kind's name. */
  kind: string;
  /** The item it decides (for settling caches, for "sent" messages). */
  itemId: string;
  /** The kind's action ('approve', 'reject', 'complete'), and the sub-item it decides when it decides one. */
  action: string;
  subItemId?: string;
}

export interface HeldHandle {
  /** Takes it back: true when it had not been sent (it never will be). */
  cancel: () => boolean;
  /** Sends it now. */
  flush: () => void;
  /** Resolves with the server's answer once sent; rejects when the send fails. Never settles when cancelled. */
  sent: Promise<unknown>;
}

/** What the page still on screen wants to hear about the request. */
export interface HeldLive {
  /** The wait is over: it is on its way now. */
  onSending?: () => void;
  /** The server answered (not called after a send on page close: no answer comes then). */
  onSent?: (answer: unknown) => void;
}

interface Entry {
  request: HeldRequest;
  live: HeldLive;
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
  entry.live.onSending?.();
  // a decision made offline waits for the network: it does not fail
  whenOnline()
    .then(() => sendRequest(entry.request))
    .then((answer) => {
      entry.live.onSent?.(answer);
      entry.resolve(answer);
    }, entry.reject);
}

let listening = false;

function listenForUnload() {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  // pagehide, not beforeunload/unload: it fires on close, reload, navigation away and entering the bfcache alike
  window.addEventListener('pagehide', () => {
    for (const entry of [...held]) {
      if (!release(entry)) continue;
      sendOnUnload(entry.request.path, entry.request.json);
    }
  });
}

/** Holds `request` for `ms`, then sends it; a later hold sends it at once. */
export function hold(request: HeldRequest, live: HeldLive = {}, ms = HOLD_MS): HeldHandle {
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
  const entry: Entry = { request, live, resolve, reject, timer: setTimeout(() => sendNow(entry), ms) };
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

let snapshot: readonly HeldRequest[] = [];
listeners.add(() => {
  snapshot = [...held].map((entry) => entry.request);
});

/** The requests held now (a list leaves out the items they decide, even when a refetch still has them). */
export function heldRequests(): readonly HeldRequest[] {
  return snapshot;
}

export function onHeldChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// The outbox: every single decision the user saw made, from the moment it shows as made until the server has
// taken it. ISC has no un-approve, so a decision is held for a few seconds (Undo means it was never sent); the
// entry is written to durable storage before the page shows it as made, and it leaves the outbox only when the
// server answered 2xx, or the item's kind confirms it was already decided that way.
//
// - Bound to its identity: an entry is sent only while the same identity is signed in on the same deployment, and
//   the request names that identity (ACTING_IDENTITY_HEADER), so a server refuses it (409) under another session.
// - Sent after the hold, at once when the tab is hidden (phones kill background tabs without `pagehide`), with
//   `keepalive` when the page goes away, and again on the next visit of its identity for whatever was left.
// - A 401, 403, 408, 409, 429, 5xx or network failure keeps it and tries again later (Retry-After honoured);
//   another refusal marks it failed, for the user to retry or discard: never a silent drop.
// - One tab sends at a time (a Web Lock), and re-reads the stored entries inside the lock, so two open tabs never
//   send the same entry twice.
import { ACTING_IDENTITY_HEADER } from '../../../contract/session.ts';
import { isApiError, postOnUnload, request, type ApiError } from '../http.ts';
import { deleteEntry, loadEntries, saveEntry, type OutboxEntry, type OutboxRequest } from './entries.ts';

export type { OutboxEntry, OutboxRequest } from './entries.ts';

/** How long a decision waits for "Undo" before it is sent. */
export const HOLD_MS = 5_000;
/** Entries older than this are dropped unsent (the README says so): a week-old decision is no longer the user's. */
export const OUTBOX_MAX_AGE_MS = 7 * 24 * 3600_000;
/** A held entry whose tab went away is sent by another tab (or visit) this long after its hold ended. */
const ORPHAN_GRACE_MS = 3_000;
/** A 403 may be passing (a session being renewed) or final (the item moved to someone else): tried this often. */
const MAX_FORBIDDEN_ATTEMPTS = 3;
const RETRY_BASE_MS = 2_000;
const RETRY_MAX_MS = 60_000;

export interface OutboxIdentity {
  identityId: string;
  /** `${mode}@${origin}`: entries made against one server are never sent to another. */
  deployment: string;
}

/** What a kind tells the outbox about its own requests (registered by the app from the kinds' modules). */
export interface OutboxKindHandlers {
  /** After a 4xx other than the retryable ones: was the item already decided the way the entry asks? */
  alreadyDone?: (entry: OutboxEntry) => Promise<boolean>;
  /**
   * An entry of an earlier visit or of another tab was taken (or was already so): bring the caches up to date. The
   * page that made an entry follows it through its handle's `sent` instead.
   */
  settled?: (entry: OutboxEntry) => void;
}

export interface LiveCallbacks {
  /** The hold is over: the request is on its way. */
  onSending?: () => void;
}

export interface HeldHandle {
  /** Takes it back: true when it had not left its hold (it never will be sent). */
  cancel: () => boolean;
  /** Ends the hold now. */
  flush: () => void;
  /** Resolves once the server took it; rejects when the server refused it for good; never settles when undone. */
  sent: Promise<unknown>;
  /** Resolves when the hold ends (sent, or about to be), never when undone. */
  released: Promise<void>;
}

interface Held {
  entry: OutboxEntry;
  timer: ReturnType<typeof setTimeout>;
  live: LiveCallbacks;
  resolveSent: (value: unknown) => void;
  rejectSent: (error: unknown) => void;
  resolveReleased: () => void;
}

export interface OutboxSnapshot {
  /** Held in this tab, still in the undo window. */
  held: number;
  /** The signed-in identity's entries not yet taken by the server: held (in any tab) or waiting. */
  pending: readonly OutboxEntry[];
  /** The signed-in identity's entries waiting to be sent (after their hold). */
  waiting: readonly OutboxEntry[];
  /** The signed-in identity's entries the server refused: retry or discard. */
  failed: readonly OutboxEntry[];
  /** Decisions from an earlier visit (or a closed tab) sent since this page loaded. */
  sentFromEarlier: number;
  offline: boolean;
}

let identity: OutboxIdentity | null = null;
let kindHandlers: (kind: string) => OutboxKindHandlers | undefined = () => undefined;
const heldHere = new Map<string, Held>();
/** Entries this tab made, so the others found in storage are "from an earlier visit". */
const madeHere = new Set<string>();
let known: OutboxEntry[] = [];
let sentFromEarlier = 0;
const listeners = new Set<() => void>();
let snapshot: OutboxSnapshot = { held: 0, pending: [], waiting: [], failed: [], sentFromEarlier: 0, offline: false };
let pumping: Promise<void> | null = null;
/** Entries this tab has a request in flight for. */
const sending = new Set<string>();
let pumpAgain = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let channel: BroadcastChannel | null = null;
let listening = false;

/** Still in its undo window in this tab. */
const inHoldHere = (id: string) => heldHere.get(id)?.entry.state === 'held';
const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
const mine = (e: OutboxEntry) =>
  !!identity && e.identityId === identity.identityId && e.deployment === identity.deployment;

function changed() {
  const ours = known.filter(mine);
  snapshot = {
    held: [...heldHere.keys()].filter(inHoldHere).length,
    pending: ours.filter((e) => e.state !== 'failed'),
    waiting: ours.filter((e) => e.state !== 'failed' && !inHoldHere(e.id)),
    failed: ours.filter((e) => e.state === 'failed'),
    sentFromEarlier,
    offline: isOffline(),
  };
  for (const listener of [...listeners]) listener();
}

/** Re-reads storage (another tab may have written) and tells the page. */
async function refresh() {
  const now = Date.now();
  const all = await loadEntries();
  const expired = all.filter((e) => now - e.createdAt > OUTBOX_MAX_AGE_MS);
  for (const e of expired) await deleteEntry(e.id);
  known = all.filter((e) => now - e.createdAt <= OUTBOX_MAX_AGE_MS);
  // released here but gone from storage: another tab sent it (it found the hold over before this tab did)
  for (const [id, held] of heldHere) {
    if (held.entry.state !== 'held' && !known.some((e) => e.id === id) && !sending.has(id)) {
      heldHere.delete(id);
      held.resolveSent(undefined);
    }
  }
  changed();
}

function announce() {
  channel?.postMessage('changed');
}

async function store(entry: OutboxEntry) {
  await saveEntry(entry);
  known = [...known.filter((e) => e.id !== entry.id), entry];
  changed();
  announce();
}

async function forget(id: string) {
  await deleteEntry(id);
  known = known.filter((e) => e.id !== id);
  changed();
  announce();
}

const locks = () => (typeof navigator !== 'undefined' ? navigator.locks : undefined);
const holdLockName = (id: string) => `wii-outbox-held-${id}`;

function withLock(task: () => Promise<void>): Promise<void> {
  const webLocks = locks();
  return webLocks ? webLocks.request('wii-outbox', () => task()).then(() => undefined) : task();
}

function retryDelay(entry: OutboxEntry, error: ApiError): number {
  if (error.retryAfter !== undefined) return error.retryAfter * 1000;
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(entry.attempts, 5));
}

/** Retryable: the session, the network, the limit or the server, not the request itself. */
function worthRetrying(error: ApiError, entry: OutboxEntry): boolean {
  if (error.status === 403) return entry.attempts + 1 < MAX_FORBIDDEN_ATTEMPTS;
  return [0, 401, 408, 429].includes(error.status) || error.status >= 500;
}

type Outcome = 'sent' | 'kept' | 'failed' | 'stop';

async function sendOne(entry: OutboxEntry): Promise<Outcome> {
  const held = heldHere.get(entry.id);
  sending.add(entry.id);
  try {
    const response = await request('post', entry.path, {
      base: 'root',
      json: entry.json,
      headers: { [ACTING_IDENTITY_HEADER]: entry.identityId },
      keepalive: true,
    });
    const text = await response.text().catch(() => '');
    await done(entry, text ? safeJson(text) : undefined);
    return 'sent';
  } catch (caught) {
    const error = isApiError(caught) ? caught : undefined;
    if (!error) throw caught;
    if (!worthRetrying(error, entry)) {
      const already = await kindHandlers(entry.kind)
        ?.alreadyDone?.(entry)
        .catch(() => false);
      if (already) {
        await done(entry, undefined);
        return 'sent';
      }
    }
    if (!worthRetrying(error, entry) && error.status !== 409) {
      await store({ ...entry, state: 'failed', lastError: error.message, attempts: entry.attempts + 1 });
      heldHere.delete(entry.id);
      held?.rejectSent(error);
      return 'failed';
    }
    await store({
      ...entry,
      state: 'waiting',
      attempts: entry.attempts + 1,
      nextAttemptAt: Date.now() + retryDelay(entry, error),
      lastError: error.message,
    });
    // the session is gone or is another identity's: nothing more goes out until one signs in
    return error.status === 401 || error.status === 409 ? 'stop' : 'kept';
  } finally {
    sending.delete(entry.id);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** When this tab saw the server take each item's whole decision (not one of its sub-items'). */
const takenAt = new Map<string, number>();

/**
 * Whether this tab saw the server take a whole decision on `itemId` at or after `askedAt`: rows asked for before
 * then (a refetch already on its way when the decision left its hold) may still list the item as pending.
 */
export function takenSince(itemId: string, askedAt = 0): boolean {
  const at = takenAt.get(itemId);
  return at !== undefined && at >= askedAt;
}

async function done(entry: OutboxEntry, answer: unknown) {
  // before the entry leaves (and the outbox's listeners hear of it): a list never shows the item pending between
  if (!entry.subItemId) takenAt.set(entry.itemId, Date.now());
  await forget(entry.id);
  const held = heldHere.get(entry.id);
  heldHere.delete(entry.id);
  if (!madeHere.has(entry.id)) {
    sentFromEarlier += 1;
    kindHandlers(entry.kind)?.settled?.(entry);
  }
  held?.resolveSent(answer);
  changed();
}

async function due(entry: OutboxEntry, now: number): Promise<boolean> {
  if (!mine(entry) || entry.state === 'failed' || entry.nextAttemptAt > now) return false;
  if (entry.state === 'waiting') return true;
  if (heldHere.has(entry.id)) return false; // this tab decides when its hold ends
  // Held by another tab: while that tab lives it keeps the entry's lock (see hold); a free lock means the tab is
  // gone, and its decision goes now. Without Web Locks: once the hold would have ended.
  const webLocks = locks();
  if (webLocks) return webLocks.request(holdLockName(entry.id), { ifAvailable: true }, async (lock) => !!lock);
  return entry.notBefore + ORPHAN_GRACE_MS <= now;
}

function scheduleRetry() {
  clearTimeout(retryTimer);
  const now = Date.now();
  const next = known
    .filter((e) => mine(e) && e.state !== 'failed' && !inHoldHere(e.id))
    .map((e) => Math.max(e.nextAttemptAt, e.state === 'held' ? e.notBefore + ORPHAN_GRACE_MS : 0))
    .reduce((a, b) => Math.min(a, b), Infinity);
  if (next === Infinity) return;
  retryTimer = setTimeout(() => void pump(), Math.max(50, next - now));
}

/** Sends what is due for the signed-in identity, one request at a time, in one tab at a time. */
export function pump(): Promise<void> {
  if (pumping) {
    pumpAgain = true;
    return pumping;
  }
  pumping = (async () => {
    do {
      pumpAgain = false;
      if (!identity || isOffline()) break;
      await withLock(async () => {
        await refresh();
        for (const entry of [...known].sort((a, b) => a.createdAt - b.createdAt)) {
          if (!identity || isOffline()) return;
          if (!(await due(entry, Date.now()))) continue;
          heldHere.get(entry.id)?.live.onSending?.();
          if ((await sendOne(entry)) === 'stop') return;
        }
      });
    } while (pumpAgain);
  })()
    .catch(() => {})
    .finally(() => {
      pumping = null;
      scheduleRetry();
      changed();
    });
  return pumping;
}

/** The hold is over for `id`: it goes in the next pump (now). */
function release(id: string): boolean {
  const held = heldHere.get(id);
  if (!held || held.entry.state !== 'held') return false;
  clearTimeout(held.timer);
  held.entry = { ...held.entry, state: 'waiting', notBefore: Date.now() };
  held.resolveReleased();
  void store(held.entry).then(() => pump());
  return true;
}

function listen() {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel('wii-outbox');
    channel.onmessage = () => void refresh().then(scheduleRetry);
  }
  // Hidden may be the last thing a phone's tab sees: send what is held now, while the page can still hear back.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') for (const id of [...heldHere.keys()]) release(id);
  });
  // Going away: what this tab still has goes out with keepalive; the entries stay until an answer is seen.
  window.addEventListener('pagehide', () => {
    for (const entry of known.filter((e) => mine(e) && e.state !== 'failed')) {
      postOnUnload(entry.path, entry.json, { [ACTING_IDENTITY_HEADER]: entry.identityId });
    }
  });
  window.addEventListener('online', () => void pump().then(changed));
  window.addEventListener('offline', changed);
}

/**
 * Who is signed in (null: nobody). Entries of this identity left from an earlier visit are sent now; others wait
 * for their owner.
 */
export function setOutboxIdentity(next: OutboxIdentity | null): void {
  if (next?.identityId === identity?.identityId && next?.deployment === identity?.deployment) return;
  identity = next;
  listen();
  void refresh().then(() => pump());
}

export function setOutboxKindHandlers(handlers: (kind: string) => OutboxKindHandlers | undefined): void {
  kindHandlers = handlers;
}

/**
 * Holds `request` for `ms`, then sends it; a later hold ends this one's hold at once. Resolves once the entry is
 * stored (show the decision as made after that); rejects when nobody is signed in.
 */
export async function hold(request: OutboxRequest, live: LiveCallbacks = {}, ms = HOLD_MS): Promise<HeldHandle> {
  if (!identity) throw new Error('Sign in to make decisions.');
  listen();
  for (const id of [...heldHere.keys()]) release(id);
  const now = Date.now();
  const entry: OutboxEntry = {
    ...request,
    id: crypto.randomUUID(),
    identityId: identity.identityId,
    deployment: identity.deployment,
    createdAt: now,
    notBefore: now + ms,
    nextAttemptAt: 0,
    attempts: 0,
    state: 'held',
  };
  madeHere.add(entry.id);
  let resolveSent!: (value: unknown) => void;
  let rejectSent!: (error: unknown) => void;
  const sent = new Promise<unknown>((res, rej) => {
    resolveSent = res;
    rejectSent = rej;
  });
  // a refusal nobody awaits must not become an unhandled rejection: callers read it through `sent`
  sent.catch(() => {});
  let resolveReleased!: () => void;
  const released = new Promise<void>((res) => (resolveReleased = res));
  let endHoldLock = () => {};
  const holdEnded = new Promise<void>((res) => (endHoldLock = res));
  void released.then(endHoldLock);
  // While this tab lives and holds the decision, other tabs and visits leave it alone (see `due`): the lock is
  // taken before the entry is stored, so no other tab ever sees it stored and unlocked.
  const webLocks = locks();
  if (webLocks) {
    await new Promise<void>((granted) => {
      void webLocks.request(holdLockName(entry.id), () => {
        granted();
        return holdEnded;
      });
    });
  }
  await store(entry);
  heldHere.set(entry.id, {
    entry,
    live,
    resolveSent,
    rejectSent,
    resolveReleased,
    timer: setTimeout(() => release(entry.id), ms),
  });
  changed();
  return {
    cancel: () => {
      const held = heldHere.get(entry.id);
      if (!held || held.entry.state !== 'held') return false;
      clearTimeout(held.timer);
      heldHere.delete(entry.id);
      // gone from storage before the lock goes: no other tab may take it for an orphan in between
      void forget(entry.id).finally(endHoldLock);
      return true;
    },
    flush: () => void release(entry.id),
    sent,
    released,
  };
}

/** Ends every hold of this tab now (before a bulk run that must see the decisions made). */
export function flushHeld(): void {
  for (const id of [...heldHere.keys()]) release(id);
}

/**
 * Sends everything of the signed-in identity now and waits for the answers, at most `timeoutMs`: before signing
 * out or switching identity. Resolves with what could not be sent (failed, or still waiting).
 */
export async function flushIdentity(timeoutMs = 5_000): Promise<OutboxEntry[]> {
  flushHeld();
  const deadline = Date.now() + timeoutMs;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
  for (;;) {
    await Promise.race([pump(), sleep(deadline - Date.now())]);
    await refresh();
    const left = known.filter(mine);
    if (left.every((e) => e.state === 'failed' || e.nextAttemptAt > deadline) || Date.now() >= deadline) return left;
    await sleep(Math.min(200, deadline - Date.now()));
  }
}

/** Sends a failed or waiting entry again now. */
export async function retryEntry(id: string): Promise<void> {
  const entry = known.find((e) => e.id === id);
  if (!entry) return;
  await store({ ...entry, state: 'waiting', nextAttemptAt: 0 });
  await pump();
}

/** Drops an entry unsent (the user chose to). */
export async function discardEntry(id: string): Promise<void> {
  heldHere.delete(id);
  await forget(id);
}

export function outboxSnapshot(): OutboxSnapshot {
  return snapshot;
}

export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The "sent from an earlier visit" notice was read. */
export function acknowledgeSentFromEarlier(): void {
  sentFromEarlier = 0;
  changed();
}

// Irreversible requests held back for a few seconds so that "Undo" can be honest: ISC has no un-approve, so an
// undone decision must be one that was never sent. A held decision is a plain request (method, path, body) that
// the outbox (./outbox/outbox.ts) stores durably before the page shows it as made, bound to the identity that made
// it, and sends when the wait is over, when the next one is held (one is held at a time: the toast shows one
// Undo), when the tab is hidden or closed, or on the next visit of the same identity: a decision the user saw made
// is never lost, and never sent as someone else. It knows no kinds: what a decision does to the cache is the
// caller's business.
import {
  flushHeld,
  hold as holdInOutbox,
  HOLD_MS,
  onOutboxChange,
  outboxSnapshot,
  takenSince,
  type HeldHandle,
  type LiveCallbacks,
  type OutboxEntry,
  type OutboxRequest,
} from './outbox/outbox.ts';

export { flushHeld, HOLD_MS, takenSince, type HeldHandle };

/** A decision as plain data: serializable, stored and sent by the outbox. */
export type HeldRequest = OutboxRequest;
export type HeldLive = LiveCallbacks;

/**
 * Holds `request` for `ms`, then sends it; a later hold sends it at once. Resolves once the decision is stored:
 * show it as made only then. Rejects when nobody is signed in or the browser refuses to store it.
 */
export function hold(request: HeldRequest, live: HeldLive = {}, ms = HOLD_MS): Promise<HeldHandle> {
  const { method, path, json, label, kind, itemId, action, subItemId } = request;
  // only what the request is goes to storage, never whatever else a caller's object carries
  return holdInOutbox({ method, path, json, label, kind, itemId, action, subItemId }, live, ms);
}

/** How many decisions this tab holds in their undo window. */
export function heldCount(): number {
  return outboxSnapshot().held;
}

/**
 * The signed-in identity's decisions the server has not taken yet, held or waiting, from this tab, another or an
 * earlier visit (a list leaves out the items they decide, even when a refetch still has them).
 */
export function heldRequests(): readonly OutboxEntry[] {
  return outboxSnapshot().pending;
}

export function onHeldChange(listener: () => void): () => void {
  return onOutboxChange(listener);
}

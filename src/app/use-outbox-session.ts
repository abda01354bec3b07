import { useCallback, useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { InboxKind } from '../lib/kinds/kind.ts';
import { runtimeOf } from '../lib/kinds/runtime.ts';
import { useSession, useSignOut } from '../lib/session/session.ts';
import {
  discardEntry,
  flushIdentity,
  retryEntry,
  setOutboxIdentity,
  setOutboxKindHandlers,
  type OutboxEntry,
} from '../lib/outbox/outbox.ts';

/**
 * What the outbox asks of a registered kind about decisions no page on screen is following (left by a closed tab
 * or an earlier visit): was a refused one already done, and which lists are stale once one went through.
 */
export function useOutboxKinds(kinds: readonly InboxKind[]) {
  const queryClient = useQueryClient();
  useEffect(() => {
    setOutboxKindHandlers((name) => {
      const kind = kinds.find((k) => k.name === name);
      if (!kind) return undefined;
      return {
        alreadyDone: async (entry) => (await runtimeOf(kind)).alreadyDone?.(entry, entry.identityId) ?? false,
        settled: () => void runtimeOf(kind).then(({ cache }) => cache.refresh(queryClient)),
      };
    });
  }, [kinds, queryClient]);
}

/** How long signing out waits for the held decisions' answers before naming what is left. */
export const SIGN_OUT_FLUSH_MS = 5_000;

/** Tells the outbox who is signed in (the decisions it may send are that identity's only). */
export function useOutboxIdentity() {
  const { data: session, isPending } = useSession();
  useEffect(() => {
    if (isPending) return;
    setOutboxIdentity(
      session ? { identityId: session.identityId, deployment: `${session.mode}@${location.origin}` } : null,
    );
  }, [session, isPending]);
}

/**
 * Signing out: first what the leaving identity holds is sent and its answers awaited (at most SIGN_OUT_FLUSH_MS);
 * what could not be sent is named before the session ends, to send now, discard, or keep for the next visit.
 */
export function useSignOutWithOutbox(onSignedOut: () => void) {
  const signOut = useSignOut();
  const [unsent, setUnsent] = useState<OutboxEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const end = useCallback(() => {
    setUnsent(null);
    signOut.mutate(undefined, { onSettled: onSignedOut });
  }, [signOut, onSignedOut]);
  const start = useCallback(async () => {
    setBusy(true);
    const left = await flushIdentity(SIGN_OUT_FLUSH_MS);
    setBusy(false);
    if (left.length) setUnsent(left);
    else end();
  }, [end]);
  return {
    busy: busy || signOut.isPending,
    unsent,
    signOut: () => void start(),
    sendNow: async () => {
      setBusy(true);
      for (const entry of unsent ?? []) await retryEntry(entry.id);
      await start();
    },
    discard: async () => {
      for (const entry of unsent ?? []) await discardEntry(entry.id);
      end();
    },
    keep: end,
    cancel: () => setUnsent(null),
  };
}

import { useSyncExternalStore } from 'react';
import { onOutboxChange, outboxSnapshot, type OutboxSnapshot } from './outbox.ts';

/** The outbox as the page shows it: held, waiting, failed, sent from an earlier visit, offline. */
export function useOutbox(): OutboxSnapshot {
  return useSyncExternalStore(onOutboxChange, outboxSnapshot, outboxSnapshot);
}

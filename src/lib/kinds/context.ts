// The registered kinds, provided by the app (src/app/kinds.ts) to everything that lists, decides or counts: the
// inbox asks this context, never a kind's module.
import { createContext, useContext } from 'react';
import type { InboxKind } from './kind.ts';

export const KindsContext = createContext<readonly InboxKind[]>([]);

/** Every registered kind, in the registry's order. */
export function useKinds(): readonly InboxKind[] {
  return useContext(KindsContext);
}

/** The registered kind named `name`; undefined for a row of a kind no longer registered. */
export function kindNamed(kinds: readonly InboxKind[], name: string): InboxKind | undefined {
  return kinds.find((k) => k.name === name);
}

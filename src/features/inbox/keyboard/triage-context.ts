// What a list's rows need from the triage layer: which row is expanded in place (its approval items, form or
// remediation summary) and how to draw the expansion. Provided by ListTriage; a table without it (no provider)
// renders plain rows.
import { createContext, useContext, type ReactNode } from 'react';
import type { QueueRow } from '../../../lib/queue/row.ts';

/** The expansion's fixed height: the virtualiser knows every row's size without measuring. */
export const EXPANSION_HEIGHT = 280;

export interface RowExpansion {
  expandedId: string | null;
  toggle: (id: string) => void;
  /** The expansion's table row (a full-width cell) for `row`. */
  render: (row: QueueRow, columns: number) => ReactNode;
}

export const RowExpansionContext = createContext<RowExpansion | null>(null);

export function useRowExpansion(): RowExpansion | null {
  return useContext(RowExpansionContext);
}

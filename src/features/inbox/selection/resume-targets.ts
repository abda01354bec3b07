// A bulk run's target, and the targets a resume after sign-in sends again (kept small: the inbox reads it on its
// first load; the run itself, bulk-plan.ts, comes with the dialog).
import type { CountedTarget } from '../../../lib/kinds/words.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';

export interface BulkTarget extends CountedTarget {
  ownerId?: string;
  /** The row, when the list still has it (its comment rules). */
  row?: QueueRow;
}

/** The targets a resume sends again: the steps not done, grouped back into their rows. */
export function targetsOfSteps(
  steps: readonly { id: string; name: string }[],
  known: (rowId: string) => BulkTarget | undefined,
): BulkTarget[] {
  const byRow = new Map<string, { name: string; subs: string[]; whole: boolean }>();
  for (const { id, name } of steps) {
    const [rowId, sub] = id.split('|');
    const entry = byRow.get(rowId) ?? { name, subs: [], whole: false };
    if (sub) entry.subs.push(sub);
    else entry.whole = true;
    byRow.set(rowId, entry);
  }
  return [...byRow].map(([rowId, { name, subs, whole }]) => {
    const row = known(rowId);
    return {
      ...(row ?? { id: rowId, name, kind: '', pendingCount: 0 }),
      subItemIds: whole ? undefined : subs,
    };
  });
}

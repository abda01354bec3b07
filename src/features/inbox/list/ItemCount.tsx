import type { QueueRow } from '../../../lib/queue/row.ts';
import type { ListVariant } from './list-params.ts';

/**
 * A row's item count: pending sub-items in the inbox, all sub-items in Completed. A row with nothing to count says
 * what its kind calls it instead (a work item's form: "Form") rather than a bare 0 or dash.
 */
export function itemCountText(row: Pick<QueueRow, 'countLabel' | 'pendingCount' | 'itemCount'>, variant: ListVariant) {
  if (row.countLabel && !row.itemCount) return row.countLabel;
  if (variant === 'pending' && row.pendingCount) return String(row.pendingCount);
  return row.itemCount ? String(row.itemCount) : '—';
}

export function ItemCount({ row, variant }: { row: QueueRow; variant: ListVariant }) {
  return <>{itemCountText(row, variant)}</>;
}

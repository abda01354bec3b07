import type { QueueRow } from '../../../lib/queue/row.ts';
import type { ListVariant } from '../hooks/list-params.ts';

/**
 * A row's item count: pending approval items in the inbox, all sub-items in Completed. A form has no items to
 * count: it says "Form" rather than a bare 0 or dash.
 */
export function itemCountText(row: Pick<QueueRow, 'type' | 'pendingCount' | 'itemCount'>, variant: ListVariant) {
  if (row.type === 'Form' && !row.itemCount) return 'Form';
  if (variant === 'pending' && row.pendingCount) return String(row.pendingCount);
  return row.itemCount ? String(row.itemCount) : '—';
}

export function ItemCount({ row, variant }: { row: QueueRow; variant: ListVariant }) {
  return <>{itemCountText(row, variant)}</>;
}

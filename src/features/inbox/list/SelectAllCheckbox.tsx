import { plural } from '../../../lib/plural.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import type { TableSelection } from './QueueTable.tsx';

/** The header's "select all matching": checked when every row is selected, indeterminate when some are. */
export function SelectAllCheckbox({
  rows,
  selection,
  size,
}: {
  rows: readonly QueueRow[];
  selection: TableSelection;
  size: number;
}) {
  const selectedHere = rows.reduce((n, r) => n + (selection.selected.has(r.id) ? 1 : 0), 0);
  return (
    <input
      type="checkbox"
      style={{ width: size, height: size, margin: 0 }}
      ref={(el) => {
        if (el) el.indeterminate = selectedHere > 0 && selectedHere < rows.length;
      }}
      checked={rows.length > 0 && selectedHere === rows.length}
      disabled={selection.disabled || rows.length === 0}
      onChange={(e) =>
        selection.setMany(
          rows.map((r) => r.id),
          e.target.checked,
        )
      }
      aria-label={`Select all ${plural(rows.length, 'matching item')}`}
    />
  );
}

import { useState } from 'react';
import Button from '@mui/material/Button';
import { useNotify } from '../../../components/notify.tsx';
import { downloadCsv, toCsv, type CsvValue } from '../../../lib/csv.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';

const iso = (t: number) => (t ? new Date(t).toISOString() : '');

/** The completed table's columns, ids included, dates in ISO 8601; ISC's state name, then the outcome in words. */
export const COMPLETED_CSV_HEADER = [
  'ID',
  'Name',
  'Description',
  'Type',
  'Requester',
  'Requested for',
  'Created',
  'Completed',
  'Items',
  'Final state',
  'Outcome',
] as const;

export function completedCsvRows(rows: readonly QueueRow[]): CsvValue[][] {
  return rows.map((r) => [
    r.id,
    r.name,
    r.description,
    r.typeLabel,
    r.requester,
    r.requestedFor,
    iso(r.created),
    iso(r.completed),
    r.itemCount,
    r.state,
    r.stateLabel || r.state,
  ]);
}

/** "Export CSV" of the rows shown (search, filters and sort applied), one line per work item. */
export function ExportCsvButton({ rows, disabled }: { rows: readonly QueueRow[]; disabled?: boolean }) {
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const exportRows = async () => {
    setBusy(true);
    try {
      const csv = await toCsv(COMPLETED_CSV_HEADER, completedCsvRows(rows));
      downloadCsv(`completed-work-items-${new Date().toISOString().slice(0, 10)}.csv`, csv);
      notify(`Exported ${rows.length.toLocaleString('en')} work items`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" onClick={() => void exportRows()} disabled={disabled || busy || rows.length === 0}>
      Export CSV
    </Button>
  );
}

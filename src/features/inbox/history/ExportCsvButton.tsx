import { useState } from 'react';
import Button from '@mui/material/Button';
import { useNotify } from '../../../components/notify.tsx';
import { downloadCsv, toCsv } from '../../../lib/csv.ts';
import { count, itemNouns } from '../../../lib/kinds/words.ts';
import type { QueueList } from '../list/use-queue-list.ts';
import { HISTORY_CSV_HEADER, historyCsvName, historyCsvRows } from './queue-csv.ts';

/** "Export CSV" of the rows shown (search, filters and sort applied), one line per item, named after its filter. */
export function ExportCsvButton({ list }: { list: QueueList }) {
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const rows = list.visible;
  const exportRows = async () => {
    setBusy(true);
    try {
      const csv = await toCsv(HISTORY_CSV_HEADER, historyCsvRows(rows, list.kinds));
      downloadCsv(historyCsvName(list.filter, list.kinds, new Date().toISOString().slice(0, 10)), csv);
      const used = list.kinds.filter((k) => rows.some((r) => r.kind === k.name));
      notify(`Exported ${count(rows.length, itemNouns(used))}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="outlined"
      onClick={() => void exportRows()}
      disabled={!list.data || list.loading || busy || rows.length === 0}
    >
      Export CSV
    </Button>
  );
}

import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { BulkPhase, BulkResult } from '../lib/bulk-resume.ts';
import type { Nouns } from '../lib/kinds/kind.ts';
import { count } from '../lib/kinds/words.ts';

/**
 * The running and finished view of a bulk run: a progress bar with "N of M access requests done", then a summary
 * and a result per item (`okText` for a success, the server's message for a failure).
 */
export function BulkProgress({
  phase,
  results,
  total,
  nouns,
  label,
  okText,
  successText,
}: {
  phase: BulkPhase;
  results: BulkResult[];
  total: number;
  /** What the items are: "work items", "items" when the run mixes kinds. */
  nouns: Nouns;
  /** Names the progress bar: "<label> progress". */
  label: string;
  /** A succeeded item's line, e.g. "Approved". */
  okText: string;
  /** The summary when everything succeeded, e.g. "Approved 3 work items." */
  successText: string;
}) {
  if (phase === 'confirm') return null;
  const succeeded = results.filter((r) => r.ok).length;
  const failed = results.length - succeeded;
  return (
    <>
      <Box sx={{ mb: 2 }}>
        <LinearProgress
          variant="determinate"
          value={(results.length / Math.max(1, total)) * 100}
          aria-label={`${label} progress`}
        />
        <Typography variant="body2" sx={{ mt: 1 }} role="status">
          {results.length} of {count(total, nouns)} done
          {failed > 0 ? ` · ${failed} failed` : ''}
        </Typography>
      </Box>
      {phase === 'done' && (
        <>
          {failed === 0 ? (
            <Alert severity="success">{successText}</Alert>
          ) : (
            <Alert severity={succeeded ? 'warning' : 'error'}>
              {succeeded} succeeded, {failed} failed. The failed ones stay selected so you can try again.
            </Alert>
          )}
          <List dense aria-label="Results">
            {results.map((r) => (
              <ListItem key={r.id} disableGutters>
                <ListItemText
                  primary={`${r.ok ? '✓' : '✗'} ${r.name}`}
                  secondary={r.ok ? okText : r.message}
                  slotProps={{ secondary: { color: r.ok ? 'text.secondary' : 'error' } }}
                />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </>
  );
}

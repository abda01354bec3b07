// The run that moves what is waiting: progress while it goes, then a result per item and, apart, what could not be
// moved and why (refused by the server, or not a thing its kind can hand over).
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { BulkPhase, BulkResult } from '../../../lib/bulk-resume.ts';
import { count } from '../../../lib/kinds/words.ts';

const ITEMS = { one: 'item', many: 'items' };

export function MoveResults({
  phase,
  results,
  total,
  to,
  toOf,
  beyondBound,
  onCancel,
}: {
  phase: BulkPhase | 'planning';
  /** Every item's outcome (those skipped before the run included). */
  results: readonly BulkResult[];
  total: number;
  /** Whom the work goes to, in the summary ("Bob Approver"; several names when chains differ). */
  to: string;
  /** Whom one item went to. */
  toOf: (id: string) => string;
  beyondBound: number;
  onCancel: () => void;
}) {
  const moved = results.filter((r) => r.ok);
  const notMoved = results.filter((r) => !r.ok);
  return (
    <Box component="section" aria-labelledby="move-title" sx={{ mt: 3 }} data-testid="move-results">
      <Typography id="move-title" component="h2" variant="h6" sx={{ mb: 1 }}>
        Moving what is waiting
      </Typography>
      {phase === 'planning' ? (
        <Typography role="status">Loading what is waiting…</Typography>
      ) : phase === 'running' ? (
        <Box sx={{ display: 'grid', gap: 1 }}>
          <LinearProgress
            variant="determinate"
            value={(results.length / Math.max(1, total)) * 100}
            aria-label="Moving progress"
          />
          <Typography variant="body2" role="status">
            {results.length} of {count(total, ITEMS)} done
          </Typography>
          <Box>
            <Button onClick={onCancel}>Cancel</Button>
          </Box>
        </Box>
      ) : (
        <>
          <Alert severity={notMoved.length ? 'warning' : 'success'} role="status" data-testid="move-summary">
            {total === 0
              ? 'Nothing of these kinds was waiting.'
              : `Moved ${moved.length} of ${count(total, ITEMS)} to ${to}.${notMoved.length ? ` ${notMoved.length} could not be moved (below).` : ''}`}
            {beyondBound > 0 &&
              ` ${count(beyondBound, ITEMS)} beyond the inbox's “Load up to” setting were not looked at.`}
          </Alert>
          {notMoved.length > 0 && (
            <List dense aria-label="Not moved" data-testid="not-moved">
              {notMoved.map((r) => (
                <ListItem key={r.id} disableGutters>
                  <ListItemText
                    primary={`✗ ${r.name}`}
                    secondary={r.message}
                    slotProps={{ secondary: { color: 'error' } }}
                  />
                </ListItem>
              ))}
            </List>
          )}
          {moved.length > 0 && (
            <Box component="details" sx={{ mt: 1, '& summary': { cursor: 'pointer', py: 1 } }}>
              <summary>Show the {count(moved.length, ITEMS)} moved</summary>
              <List dense aria-label="Moved" data-testid="moved">
                {moved.map((r) => (
                  <ListItem key={r.id} disableGutters>
                    <ListItemText primary={`✓ ${r.name}`} secondary={`Forwarded to ${toOf(r.id)}`} />
                  </ListItem>
                ))}
              </List>
            </Box>
          )}
        </>
      )}
    </Box>
  );
}

import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useApproveApprovalItemsInBulk } from '../api/approve-approval-items-in-bulk.ts';
import { useRejectApprovalItemsInBulk } from '../api/reject-approval-items-in-bulk.ts';
import type { WorkItem } from '../types.ts';
import { pendingApprovalItems } from './table-params.ts';

export type Decision = 'approve' | 'reject';

export interface BulkResult {
  id: string;
  name: string;
  ok: boolean;
  message?: string;
}

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * "Approve selected" / "Reject selected": confirm (how many work items and approval items), then one bulk call per
 * work item, one after the other, with progress; at the end a result per work item. `onItemDone` reports each
 * outcome at once, so a success leaves the selection before anything else can send it again.
 */
export function BulkDecisionDialog({
  decision,
  items,
  skipped,
  onItemDone,
  onClose,
}: {
  decision: Decision;
  /** The selected work items that have pending approval items. */
  items: WorkItem[];
  /** How many selected work items have nothing to approve or reject. */
  skipped: number;
  onItemDone: (result: BulkResult) => void;
  onClose: (results: BulkResult[]) => void;
}) {
  const approve = useApproveApprovalItemsInBulk();
  const reject = useRejectApprovalItemsInBulk();
  const [phase, setPhase] = useState<'confirm' | 'running' | 'done'>('confirm');
  const [results, setResults] = useState<BulkResult[]>([]);
  const running = useRef(false);
  const verb = decision === 'approve' ? 'Approve' : 'Reject';
  const approvalCount = items.reduce((n, item) => n + pendingApprovalItems(item).length, 0);

  const run = async () => {
    if (running.current) return;
    running.current = true;
    setPhase('running');
    const mutation = decision === 'approve' ? approve : reject;
    const done: BulkResult[] = [];
    for (const item of items) {
      const name = item.name || item.id;
      let result: BulkResult;
      try {
        await mutation.mutateAsync({ workItemId: item.id });
        result = { id: item.id, name, ok: true };
      } catch (error) {
        const e = error as { message?: string; detailCode?: string };
        result = { id: item.id, name, ok: false, message: e.message || 'Failed' };
      }
      done.push(result);
      onItemDone(result);
      setResults([...done]);
    }
    running.current = false;
    setPhase('done');
  };

  const succeeded = results.filter((r) => r.ok).length;
  const failed = results.length - succeeded;
  const close = () => {
    if (phase !== 'running') onClose(results);
  };

  return (
    <Dialog open onClose={close} aria-labelledby="bulk-title" fullWidth maxWidth="sm">
      <DialogTitle id="bulk-title">
        {phase === 'done' ? `${verb} selected: done` : `${verb} ${plural(items.length, 'work item')}?`}
      </DialogTitle>
      <DialogContent>
        {phase === 'confirm' && (
          <>
            <Typography>
              {verb} all {plural(approvalCount, 'pending approval item')} of {plural(items.length, 'work item')}.
              {decision === 'reject' && ' The requested access will not be granted.'}
            </Typography>
            {skipped > 0 && (
              <Typography color="text.secondary" sx={{ mt: 1 }}>
                {plural(skipped, 'selected work item')} {skipped === 1 ? 'has' : 'have'} no pending approval items and{' '}
                {skipped === 1 ? 'is' : 'are'} left out.
              </Typography>
            )}
          </>
        )}
        {phase !== 'confirm' && (
          <Box sx={{ mb: 2 }}>
            <LinearProgress
              variant="determinate"
              value={(results.length / Math.max(1, items.length)) * 100}
              aria-label={`${verb} progress`}
            />
            <Typography variant="body2" sx={{ mt: 1 }} role="status">
              {results.length} of {items.length} work items done
              {failed > 0 ? ` · ${failed} failed` : ''}
            </Typography>
          </Box>
        )}
        {phase === 'done' && (
          <>
            {failed === 0 ? (
              <Alert severity="success">
                {decision === 'approve' ? 'Approved' : 'Rejected'} {plural(succeeded, 'work item')}.
              </Alert>
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
                    secondary={r.ok ? (decision === 'approve' ? 'Approved' : 'Rejected') : r.message}
                    slotProps={{ secondary: { color: r.ok ? 'text.secondary' : 'error' } }}
                  />
                </ListItem>
              ))}
            </List>
          </>
        )}
      </DialogContent>
      <DialogActions>
        {phase === 'confirm' && (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button
              variant="contained"
              color={decision === 'approve' ? 'success' : 'error'}
              onClick={run}

              disabled={items.length === 0}
            >
              {verb} {plural(items.length, 'work item')}
            </Button>
          </>
        )}
        {phase === 'running' && <Button disabled>Working…</Button>}
        {phase === 'done' && (
          <Button variant="contained" onClick={close}>
            Close
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

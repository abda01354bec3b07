import { useEffect } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useApproveApprovalItemsInBulk } from '../api/approve-approval-items-in-bulk.ts';
import { useRejectApprovalItemsInBulk } from '../api/reject-approval-items-in-bulk.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { BulkProgress } from '../../../components/BulkProgress.tsx';
import { plural } from '../../../lib/plural.ts';
import { useBulkRun, type BulkResult } from '../../../lib/use-bulk-run.ts';
import { decisionDone, decisionVerb, pendingApprovalItems, type Decision } from '../rules.ts';

/** What a bulk decision keeps besides the undone items when the session expires during its run. */
export interface BulkDecisionMeta {
  decision: Decision;
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
  resume,
  autoStart = false,
}: {
  decision: Decision;
  /** The selected work items that have pending approval items. */
  items: WorkItem[];
  /** How many selected work items have nothing to approve or reject. */
  skipped: number;
  onItemDone: (result: BulkResult) => void;
  onClose: (results: BulkResult[]) => void;
  /** Where to keep the undone items if the session expires during the run (see useBulkRun), and whose they are. */
  resume?: { key: string; identityId?: string };
  /** Start at once, without the confirmation (resuming a run the user already confirmed). */
  autoStart?: boolean;
}) {
  const approve = useApproveApprovalItemsInBulk();
  const reject = useRejectApprovalItemsInBulk();
  const {
    phase,
    results,
    run: runAll,
    succeeded,
  } = useBulkRun<WorkItem, BulkDecisionMeta>({
    onItemDone,
    resume: resume && { key: resume.key, identityId: resume.identityId, meta: { decision } },
  });
  const verb = decisionVerb(decision);
  const approvalCount = items.reduce((n, item) => n + pendingApprovalItems(item).length, 0);

  const run = () => {
    const mutation = decision === 'approve' ? approve : reject;
    void runAll(items, (item) => mutation.mutateAsync({ workItemId: item.id }));
  };

  useEffect(() => {
    if (autoStart) run();
    // once, on mount: the run itself ignores a second start
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
        <BulkProgress
          phase={phase}
          results={results}
          total={items.length}
          label={verb}
          okText={decisionDone(decision)}
          successText={`${decisionDone(decision)} ${plural(succeeded, 'work item')}.`}
        />
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

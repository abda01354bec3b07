import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import Typography from '@mui/material/Typography';
import { BulkProgress } from '../../../components/BulkProgress.tsx';
import { plural } from '../../../lib/plural.ts';
import { useBulkRun, type BulkResult } from '../../../lib/use-bulk-run.ts';
import { approveApprovalItemsInBulk } from '../api/approve-approval-items-in-bulk.ts';
import { settleBulkRun, writeWorkItem } from '../api/cache.ts';
import { completeWorkItem } from '../api/complete-work-item.ts';
import { rejectApprovalItemsInBulk } from '../api/reject-approval-items-in-bulk.ts';
import { actionDone, actionVerb, type BulkAction } from '../rules.ts';
import { approveAccessRequest } from '../../access-requests/api/approve-access-request.ts';
import { settleAccessRequests } from '../../access-requests/api/cache.ts';
import { ACCESS_REQUEST_KIND } from '../../access-requests/api/queue-row.ts';
import { rejectAccessRequest } from '../../access-requests/api/reject-access-request.ts';

/** What a bulk action keeps besides the undone items when the session expires during its run. */
export interface BulkDecisionMeta {
  decision: BulkAction;
}

/** A work item of the selection, as the run needs it. */
export interface BulkTarget {
  id: string;
  name: string;
  pendingCount: number;
  ownerId?: string;
  /** QueueRow.kind; absent = a work item. */
  kind?: string;
  /** An access request whose rejection needs a comment. */
  rejectNeedsComment?: boolean;
}

const isAccessRequest = (item: BulkTarget) => item.kind === ACCESS_REQUEST_KIND;

/** Access requests take the run's comment (work items have none to take). */
const PERFORM_ACCESS_REQUEST = {
  approve: approveAccessRequest,
  reject: rejectAccessRequest,
} as const;

const PERFORM = {
  approve: approveApprovalItemsInBulk,
  reject: rejectApprovalItemsInBulk,
  complete: completeWorkItem,
} as const;

/**
 * "Approve selected" / "Reject selected" / "Mark selected complete": confirm (how many work items and approval
 * items), then one call per work item through the queue runner (a few at a time, within the rate limit), with
 * progress and Cancel; at the end a result per work item. `onItemDone` reports each outcome at once, so a success
 * leaves the selection before anything else can send it again. The lists are refreshed once, at the end.
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
  decision: BulkAction;
  /** The selected work items this action applies to. */
  items: BulkTarget[];
  /** How many selected work items it does not apply to (left out). */
  skipped: number;
  onItemDone: (result: BulkResult) => void;
  onClose: (results: BulkResult[]) => void;
  /** Where to keep the undone items if the session expires during the run (see useBulkRun), and whose they are. */
  resume?: { key: string; identityId?: string };
  /** Start at once, without the confirmation (resuming a run the user already confirmed). */
  autoStart?: boolean;
}) {
  const queryClient = useQueryClient();
  const bulk = useBulkRun<BulkTarget, BulkDecisionMeta>({
    onItemDone,
    resume: resume && { key: resume.key, identityId: resume.identityId, meta: { decision } },
  });
  const { phase, results, succeeded } = bulk;
  const verb = actionVerb(decision);
  const approvalCount = items.reduce((n, item) => n + item.pendingCount, 0);
  const accessRequests = items.filter(isAccessRequest).length;
  const workItems = items.length - accessRequests;
  const itemsText =
    accessRequests === 0
      ? plural(items.length, 'work item')
      : workItems === 0
        ? plural(accessRequests, 'access request')
        : `${plural(workItems, 'work item')} and ${plural(accessRequests, 'access request')}`;
  // One comment for every access request of the run (optional, but required to reject one that asks for it).
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState(false);
  const commentRequired = decision === 'reject' && items.some((i) => isAccessRequest(i) && i.rejectNeedsComment);
  const askComment = accessRequests > 0 && decision !== 'complete';

  const run = async () => {
    const done = await bulk.run(items, async (item) => {
      if (isAccessRequest(item)) {
        if (decision === 'complete') throw new Error('An access request cannot be marked complete.');
        await PERFORM_ACCESS_REQUEST[decision]({ approvalId: item.id, comment });
        return;
      }
      writeWorkItem(queryClient, await PERFORM[decision]({ workItemId: item.id }));
    });
    const doneIds = done.filter((r) => r.ok).map((r) => r.id);
    await Promise.all([
      settleBulkRun(queryClient, { doneIds, ownerIds: items.map((i) => i.ownerId) }),
      accessRequests > 0 ? settleAccessRequests(queryClient, doneIds) : undefined,
    ]);
  };

  useEffect(() => {
    if (autoStart) void run();
    // once, on mount: the run itself ignores a second start
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const close = () => {
    if (phase !== 'running') onClose(results);
  };

  return (
    <Dialog open onClose={close} aria-labelledby="bulk-title" fullWidth maxWidth="sm">
      <DialogTitle id="bulk-title">
        {phase === 'done'
          ? `${decision === 'complete' ? 'Mark selected complete' : `${verb} selected`}: done`
          : `${verb} ${itemsText}?`}
      </DialogTitle>
      <DialogContent>
        {phase === 'confirm' && (
          <>
            <Typography>
              {decision === 'complete'
                ? `Mark ${plural(items.length, 'work item')} complete.`
                : accessRequests === 0
                  ? `${verb} all ${plural(approvalCount, 'pending approval item')} of ${plural(items.length, 'work item')}.`
                  : `${verb} ${itemsText}.`}
              {decision === 'reject' && ' The requested access will not be granted.'}
            </Typography>
            {askComment && (
              // FormControl + OutlinedInput, not TextField: TextField brings Select → Modal into the chunk the
              // inbox shares with this dialog (see src/components/fields.tsx)
              <FormControl fullWidth required={commentRequired} error={commentError} sx={{ mt: 2 }}>
                <InputLabel htmlFor="bulk-comment">{commentRequired ? 'Comment' : 'Comment (optional)'}</InputLabel>
                <OutlinedInput
                  id="bulk-comment"
                  label={commentRequired ? 'Comment *' : 'Comment (optional)'}
                  value={comment}
                  onChange={(e) => {
                    setComment(e.target.value);
                    setCommentError(false);
                  }}
                  multiline
                  minRows={2}
                  inputProps={{ maxLength: 4000, 'aria-describedby': 'bulk-comment-help' }}
                />
                <FormHelperText id="bulk-comment-help">
                  {commentError
                    ? 'A comment is required: at least one of these access requests needs one to be rejected.'
                    : 'Sent with every access request of the selection; work items take none.'}
                </FormHelperText>
              </FormControl>
            )}
            {skipped > 0 && (
              <Typography color="text.secondary" sx={{ mt: 1 }}>
                {plural(skipped, 'selected work item')} {skipped === 1 ? 'is' : 'are'} left out (
                {decision === 'complete' ? 'not ready to be marked complete' : 'no pending approval items'}).
              </Typography>
            )}
          </>
        )}
        <BulkProgress
          phase={phase}
          results={results}
          total={bulk.total || items.length}
          label={verb}
          okText={actionDone(decision)}
          successText={`${actionDone(decision)} ${plural(succeeded, accessRequests === items.length ? 'access request' : workItems === items.length ? 'work item' : 'item')}.`}
        />
      </DialogContent>
      <DialogActions>
        {phase === 'confirm' && (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button
              variant="contained"
              color={decision === 'approve' ? 'success' : decision === 'reject' ? 'error' : 'primary'}
              onClick={() => {
                if (askComment && commentRequired && !comment.trim()) setCommentError(true);
                else void run();
              }}
              disabled={items.length === 0}
            >
              {decision === 'complete' ? `Mark ${plural(items.length, 'work item')} complete` : `${verb} ${itemsText}`}
            </Button>
          </>
        )}
        {phase === 'running' && (
          <>
            <Button onClick={bulk.cancel}>Cancel the rest</Button>
            <Button disabled>Working…</Button>
          </>
        )}
        {phase === 'done' && (
          <Button variant="contained" onClick={close}>
            Close
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

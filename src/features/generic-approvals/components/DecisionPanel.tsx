// The decisions on a pending approval: Approve, Reject and Reassign, with the comment its config asks for. Each goes
// through the inbox's one rule (`act`): shown at once, held with Undo, then sent; Reassign opens the forward dialog.
import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import type { Approval } from '../../../../contract/generic-approvals.ts';
import { detailActionsSx } from '../../../components/detail-actions.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { ActOnItem, InboxKind } from '../../../lib/kinds/kind.ts';
import { approvalRow } from '../api/queue-row.ts';

export function DecisionPanel({
  approval,
  ownerId,
  kind,
  act,
  held,
}: {
  approval: Approval;
  ownerId: string | undefined;
  kind: InboxKind;
  act: ActOnItem;
  /** The action decided a moment ago, held for its Undo. */
  held?: string;
}) {
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const row = approvalRow(approval, ownerId);
  const actionOf = (n: string) => kind.actions.find((a) => a.name === n)!;
  const needs = (n: string) => actionOf(n).comment(row).need === 'required';
  const max = actionOf('approve').comment(row).max;

  const decide = (name: 'approve' | 'reject') => {
    if (needs(name) && !comment.trim()) {
      // asks for the comment where it is typed (also when the decision came by its key)
      setMissing(name);
      field.current?.focus();
      return;
    }
    setFailed(null);
    act(actionOf(name), { id: approval.id, name: row.name, ownerId, row }, { comment }, { onFailed: setFailed });
  };
  const rule =
    needs('approve') && needs('reject')
      ? 'Required to approve or reject.'
      : needs('reject')
        ? 'Optional to approve; required to reject.'
        : needs('approve')
          ? 'Required to approve; optional to reject.'
          : 'Optional; the requester sees it.';

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <TextField
        label="Comment"
        value={comment}
        inputRef={field}
        onChange={(e) => {
          setComment(e.target.value);
          setMissing(null);
        }}
        multiline
        minRows={2}
        disabled={!!held}
        error={!!missing}
        helperText={missing ? `A comment is required to ${missing} this approval.` : rule}
        slotProps={{ htmlInput: { maxLength: max } }}
      />
      {held ? (
        <Alert severity="success" role="status" data-testid="approval-held">
          {actionOf(held)?.done ?? 'Decided'}. It is sent in a moment: Undo from the notification (or press z) takes it
          back.
        </Alert>
      ) : (
        <Box sx={detailActionsSx} data-detail-actions>
          <Button variant="contained" color="success" data-action="approve" onClick={() => decide('approve')}>
            Approve
          </Button>
          <Button variant="outlined" color="error" data-action="reject" onClick={() => decide('reject')}>
            Reject
          </Button>
          <Button
            variant="outlined"
            data-action="reassign"
            onClick={() => act(actionOf('reassign'), { id: approval.id, name: row.name, ownerId, row })}
          >
            Reassign…
          </Button>
        </Box>
      )}
      {failed !== null && <ErrorAlert error={failed} title="The decision was not accepted" />}
    </Box>
  );
}

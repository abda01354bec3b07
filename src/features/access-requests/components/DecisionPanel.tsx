// The decisions on a pending access-request approval: Approve, Reject and Forward, with their comment rules. Each
// goes through the inbox's one rule (`act`): shown at once, held with Undo, then sent.
import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import type { PendingApproval } from '../../../../contract/access-requests.ts';
import { detailActionsSx } from '../../../components/detail-actions.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { ActOnItem, InboxKind } from '../../../lib/kinds/kind.ts';
import { approvalRow } from '../api/queue-row.ts';

/** Approve (optional comment), Reject (a comment when the approval requires one), Forward. */
export function DecisionPanel({
  approval,
  ownerId,
  kind,
  act,
  held,
}: {
  approval: PendingApproval;
  ownerId: string | undefined;
  kind: InboxKind;
  act: ActOnItem;
  /** The action decided a moment ago, held for its Undo. */
  held?: string;
}) {
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const row = approvalRow(approval, false);
  const rejectRule = kind.actions.find((a) => a.name === 'reject')!.comment(row);
  const required = rejectRule.need === 'required';
  const name = row.name;
  const actionOf = (n: string) => kind.actions.find((a) => a.name === n)!;

  const decide = (actionName: 'approve' | 'reject') => {
    if (actionName === 'reject' && required && !comment.trim()) {
      // asks for the comment where it is typed (also when the reject came by the r key)
      setMissing(true);
      field.current?.focus();
      return;
    }
    setFailed(null);
    act(actionOf(actionName), { id: approval.id, name, ownerId, row }, { comment }, { onFailed: setFailed });
  };

  if (approval.actionInProcess) {
    return <Alert severity="info">A decision ({approval.actionInProcess.toLowerCase()}) is being carried out.</Alert>;
  }
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <TextField
        label="Comment"
        value={comment}
        inputRef={field}
        onChange={(e) => {
          setComment(e.target.value);
          setMissing(false);
        }}
        multiline
        minRows={2}
        disabled={!!held}
        error={missing}
        helperText={
          missing
            ? 'A comment is required to reject this request.'
            : required
              ? 'Optional to approve; required to reject this request.'
              : 'Optional; the requester sees it.'
        }
        slotProps={{ htmlInput: { maxLength: rejectRule.max } }}
      />
      {held ? (
        <Alert severity="success" role="status" data-testid="access-request-held">
          {kind.actions.find((a) => a.name === held)?.done ?? 'Decided'}. It is sent in a moment: Undo from the
          notification (or press z) takes it back.
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
            data-action="forward"
            onClick={() => act(actionOf('forward'), { id: approval.id, name, ownerId, row })}
          >
            Forward…
          </Button>
        </Box>
      )}
      {failed !== null && <ErrorAlert error={failed} title="The decision was not accepted" />}
    </Box>
  );
}

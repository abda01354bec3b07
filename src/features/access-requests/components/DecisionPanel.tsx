// The decisions on a pending access-request approval: Approve, Reject and Forward, with their comment rules.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import type { PendingApproval } from '../../../../contract/access-requests.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useNotify } from '../../../components/notify.tsx';
import { paths } from '../../../lib/paths.ts';
import { useApproveAccessRequest } from '../api/approve-access-request.ts';
import { useRejectAccessRequest } from '../api/reject-access-request.ts';
import { ForwardAccessRequestDialog } from './ForwardAccessRequestDialog.tsx';

/** Approve (optional comment), Reject (a comment when the approval requires one), Forward. */
export function DecisionPanel({ approval, ownerId }: { approval: PendingApproval; ownerId: string | undefined }) {
  const approve = useApproveAccessRequest();
  const reject = useRejectAccessRequest();
  const notify = useNotify();
  const navigate = useNavigate();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [forwarding, setForwarding] = useState(false);
  const required = !!approval.commentRequiredWhenRejected;
  const busy = approve.isPending || reject.isPending;
  const name = approval.requestedObject?.name || approval.name || approval.id;
  const failed = approve.error ?? reject.error;

  const decide = async (yes: boolean) => {
    if (!yes && required && !comment.trim()) {
      setMissing(true);
      return;
    }
    try {
      await (yes ? approve : reject).mutateAsync({ approvalId: approval.id, comment });
    } catch {
      return; // shown below
    }
    notify(`${yes ? 'Approved' : 'Rejected'} “${name}”`);
  };

  if (approval.actionInProcess) {
    return <Alert severity="info">A decision ({approval.actionInProcess.toLowerCase()}) is being carried out.</Alert>;
  }
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <TextField
        label="Comment"
        value={comment}
        onChange={(e) => {
          setComment(e.target.value);
          setMissing(false);
        }}
        multiline
        minRows={2}
        disabled={busy}
        error={missing}
        helperText={
          missing
            ? 'A comment is required to reject this request.'
            : required
              ? 'Optional to approve; required to reject this request.'
              : 'Optional; the requester sees it.'
        }
        slotProps={{ htmlInput: { maxLength: 4000 } }}
      />
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="contained" color="success" disabled={busy} onClick={() => void decide(true)}>
          Approve
        </Button>
        <Button variant="outlined" color="error" disabled={busy} onClick={() => void decide(false)}>
          Reject
        </Button>
        <Button variant="outlined" disabled={busy} onClick={() => setForwarding(true)}>
          Forward…
        </Button>
      </Box>
      {failed && <ErrorAlert error={failed} title="The decision was not accepted" />}
      {forwarding && (
        <ForwardAccessRequestDialog
          approvalId={approval.id}
          name={name}
          ownerId={approval.owner?.id}
          onClose={(target) => {
            setForwarding(false);
            if (!target) return;
            notify(`Forwarded “${name}” to ${target.name || target.id}`);
            void navigate(paths.inbox({ ownerId }));
          }}
        />
      )}
    </Box>
  );
}

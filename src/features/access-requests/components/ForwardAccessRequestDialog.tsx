import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { IdentityPicker, type IdentityOption } from '../../identities/components/IdentityPicker.tsx';
import { ACCESS_REQUEST_FORWARD_COMMENT_MAX, useForwardAccessRequest } from '../api/forward-access-request.ts';

/**
 * Forward one access request: the new owner (found by name with the identity picker) and a comment, both required
 * by the API. A failure stays in the dialog with the server's message; a success closes it.
 */
export function ForwardAccessRequestDialog({
  approvalId,
  name,
  ownerId,
  onClose,
}: {
  approvalId: string;
  name: string;
  /** The current owner: not offered as the new one. */
  ownerId?: string | null;
  onClose: (forwardedTo: IdentityOption | null) => void;
}) {
  const forward = useForwardAccessRequest();
  const [target, setTarget] = useState<IdentityOption | null>(null);
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  const targetError = tried && !target;
  const commentError = tried && !comment.trim();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!target || !comment.trim() || forward.isPending) return;
    try {
      await forward.mutateAsync({ approvalId, newOwnerId: target.id, comment });
    } catch {
      return; // shown from forward.error
    }
    onClose(target);
  };
  const close = () => {
    if (!forward.isPending) onClose(null);
  };

  return (
    <Dialog open onClose={close} aria-labelledby="forward-access-title" fullWidth maxWidth="sm">
      <DialogTitle id="forward-access-title" sx={{ overflowWrap: 'anywhere' }}>
        Forward “{name}”
      </DialogTitle>
      <DialogContent>
        <Box
          component="form"
          id="forward-access-form"
          noValidate
          onSubmit={submit}
          sx={{ display: 'grid', gap: 2, pt: 1 }}
        >
          <Typography color="text.secondary">The new owner decides it from their inbox; it leaves yours.</Typography>
          <IdentityPicker
            label="Forward to"
            value={target}
            onChange={setTarget}
            excludeIds={ownerId ? [ownerId] : []}
            required
            disabled={forward.isPending}
            error={targetError}
            helperText={targetError ? 'Choose who to forward to.' : 'Search by first or last name, alias or email.'}
          />
          <TextField
            label="Comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            required
            multiline
            minRows={3}
            disabled={forward.isPending}
            error={commentError}
            helperText={
              commentError
                ? 'A comment is required: say why you are forwarding.'
                : `The new owner sees it in the forwarding history (at most ${ACCESS_REQUEST_FORWARD_COMMENT_MAX} characters).`
            }
            slotProps={{ htmlInput: { maxLength: ACCESS_REQUEST_FORWARD_COMMENT_MAX } }}
          />
          {forward.isError && <ErrorAlert error={forward.error} title="Forward failed" />}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={forward.isPending}>
          Cancel
        </Button>
        <Button type="submit" form="forward-access-form" variant="contained" disabled={forward.isPending}>
          {forward.isPending ? 'Forwarding…' : 'Forward'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Box from '@mui/material/Box';
import { plural } from '../lib/plural.ts';
import type { OutboxEntry } from '../lib/outbox/outbox.ts';

/**
 * Before a session ends: the decisions that could not be sent, named, with the choice to send them now, to
 * discard them, or to sign out and keep them for this identity's next visit on this browser.
 */
export function UnsentDecisionsDialog({
  entries,
  busy,
  onSendNow,
  onDiscard,
  onKeep,
  onClose,
}: {
  entries: readonly OutboxEntry[];
  busy: boolean;
  onSendNow: () => void;
  onDiscard: () => void;
  onKeep: () => void;
  onClose: () => void;
}) {
  const n = entries.length;
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="unsent-title">
      <DialogTitle id="unsent-title">
        {plural(n, 'decision')} {n === 1 ? 'was' : 'were'} not sent
      </DialogTitle>
      <DialogContent>
        <Box component="ul" sx={{ pl: 2, my: 0 }}>
          {entries.map((e) => (
            <li key={e.id}>
              {e.label}
              {e.lastError ? ` — ${e.lastError}` : ''}
            </li>
          ))}
        </Box>
        <Box component="p" sx={{ mb: 0 }}>
          Kept, {n === 1 ? 'it is' : 'they are'} sent the next time you sign in on this browser (within 7 days), and
          never with anyone else&apos;s session.
        </Box>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={onDiscard} color="error" disabled={busy}>
          Discard
        </Button>
        <Button onClick={onKeep} disabled={busy}>
          Sign out and keep
        </Button>
        <Button onClick={onSendNow} variant="contained" disabled={busy}>
          Send now
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import type { ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  confirmColor = 'primary',
  onConfirm,
  onClose,
  busy = false,
  disableRestoreFocus = false,
  autoFocusConfirm = false,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  confirmColor?: 'primary' | 'error' | 'success';
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  /** The caller moves the focus itself after confirming (the keyboard's next row). */
  disableRestoreFocus?: boolean;
  /** Enter confirms at once (a keyboard flow that asked for this decision by a key). */
  autoFocusConfirm?: boolean;
}) {
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      disableRestoreFocus={disableRestoreFocus}
      aria-labelledby="confirm-dialog-title"
    >
      <DialogTitle id="confirm-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText component="div">{children}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="contained"
          color={confirmColor}
          onClick={onConfirm}
          disabled={busy}
          ref={(el: HTMLButtonElement | null) => {
            if (autoFocusConfirm) el?.focus();
          }}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import type { Note } from './notify.tsx';

/** The toast a note shows (notify.tsx): its message, and its action (Undo) when it has one. */
export default function Toast({ note, open, onClose }: { note: Note; open: boolean; onClose: () => void }) {
  const action = note.action;
  return (
    <Snackbar
      key={note.key}
      open={open && !note.closed}
      autoHideDuration={note.durationMs ?? 5000}
      onClose={(_e, reason) => {
        if (reason !== 'clickaway') onClose();
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      {
        <Alert
          severity={note.severity}
          variant="filled"
          onClose={onClose}
          sx={{ width: '100%', alignItems: 'center' }}
          action={
            action ? (
              <Button
                color="inherit"
                size="small"
                variant="outlined"
                onClick={() => {
                  onClose();
                  action.onClick();
                }}
              >
                {action.label}
              </Button>
            ) : undefined
          }
        >
          {note.message}
        </Alert>
      }
    </Snackbar>
  );
}

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';

type Severity = 'success' | 'info' | 'warning' | 'error';

export interface NotifyOptions {
  /** A button in the toast, e.g. Undo; pressing it closes the toast. */
  action?: { label: string; onClick: () => void };
  /** How long it shows (default 5 s). */
  durationMs?: number;
}

interface Note extends NotifyOptions {
  key: number;
  message: string;
  severity: Severity;
  /** Closed by its caller (the held request it offered to undo was sent). */
  closed?: boolean;
}

/** Shows a toast; the returned function closes it if it is still the one shown. */
export type Notify = (message: string, severity?: Severity, options?: NotifyOptions) => () => void;

const NotifyContext = createContext<Notify>(() => () => {});

/** Snackbars for confirmations ("Approved …"): one at a time, newest wins. */
export function NotifyProvider({ children }: { children: ReactNode }) {
  const [note, setNote] = useState<Note | null>(null);
  const [open, setOpen] = useState(false);
  const notify = useCallback<Notify>((message, severity = 'success', options = {}) => {
    const key = Date.now() + Math.random();
    setNote({ key, message, severity, ...options });
    setOpen(true);
    return () =>
      setNote((current) => (current?.key === key ? { ...current, action: undefined, closed: true } : current));
  }, []);
  const value = useMemo(() => notify, [notify]);
  const action = note?.action;
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Snackbar
        key={note?.key}
        open={open && !note?.closed}
        autoHideDuration={note?.durationMs ?? 5000}
        onClose={(_e, reason) => {
          if (reason !== 'clickaway') setOpen(false);
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {note ? (
          <Alert
            severity={note.severity}
            variant="filled"
            onClose={() => setOpen(false)}
            sx={{ width: '100%', alignItems: 'center' }}
            action={
              action ? (
                <Button
                  color="inherit"
                  size="small"
                  variant="outlined"
                  onClick={() => {
                    setOpen(false);
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
        ) : undefined}
      </Snackbar>
    </NotifyContext.Provider>
  );
}

export function useNotify() {
  return useContext(NotifyContext);
}

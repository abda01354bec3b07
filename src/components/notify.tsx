import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { loadWhenOnline } from '../lib/online.ts';

// The toast (MUI's Snackbar, Alert and their transitions) is its own chunk: nothing is said before the first action.
const Toast = lazy(() => loadWhenOnline(() => import('./Toast.tsx')));

export type Severity = 'success' | 'info' | 'warning' | 'error';

export interface NotifyOptions {
  /** A button in the toast, e.g. Undo; pressing it closes the toast. */
  action?: { label: string; onClick: () => void };
  /** How long it shows (default 5 s). */
  durationMs?: number;
}

export interface Note extends NotifyOptions {
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
  return (
    <NotifyContext.Provider value={value}>
      {children}
      {note && (
        <Suspense fallback={null}>
          <Toast note={note} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </NotifyContext.Provider>
  );
}

export function useNotify() {
  return useContext(NotifyContext);
}

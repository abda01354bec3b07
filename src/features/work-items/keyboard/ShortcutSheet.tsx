// The "?" sheet: every shortcut, where it works. Its own chunk (with MUI's Dialog): loaded on the first "?".
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';

interface Shortcut {
  keys: string[];
  what: string;
}

const GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'Lists (inbox and completed)',
    shortcuts: [
      { keys: ['j', '↓'], what: 'Next row' },
      { keys: ['k', '↑'], what: 'Previous row' },
      { keys: ['Enter', 'o'], what: 'Open the row' },
      { keys: ['x'], what: 'Select or unselect the row (inbox)' },
      { keys: ['→', '←'], what: 'Show or hide the row’s items here, to decide without opening it (inbox)' },
      { keys: ['a'], what: 'Approve all pending approval items of the row (asks first)' },
      { keys: ['r'], what: 'Reject all pending approval items of the row (asks first)' },
      { keys: ['e'], what: 'Mark the row complete' },
      { keys: ['f'], what: 'Forward the row' },
    ],
  },
  {
    title: 'A work item',
    shortcuts: [
      { keys: ['j', '↓'], what: 'Next approval item' },
      { keys: ['k', '↑'], what: 'Previous approval item' },
      { keys: ['a'], what: 'Approve the focused approval item' },
      { keys: ['r'], what: 'Reject the focused approval item' },
      { keys: ['e'], what: 'Mark complete' },
      { keys: ['f'], what: 'Forward' },
      { keys: ['n'], what: 'Next item' },
      { keys: ['u', 'Backspace'], what: 'Back to the list, where you were' },
    ],
  },
  {
    title: 'Everywhere',
    shortcuts: [
      { keys: ['/'], what: 'Search' },
      { keys: ['z'], what: 'Undo the last decision (while its toast shows)' },
      { keys: ['?'], what: 'This list of shortcuts' },
    ],
  },
];

const kbd = {
  display: 'inline-block',
  minWidth: 24,
  px: 0.75,
  mr: 0.5,
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  fontFamily: 'monospace',
  fontSize: '0.8125rem',
  textAlign: 'center',
} as const;

export default function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} aria-labelledby="shortcut-sheet-title" maxWidth="sm" fullWidth>
      <DialogTitle id="shortcut-sheet-title">Keyboard shortcuts</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Shortcuts do nothing while you type in a field or while a dialog is open. Everything is also reachable with
          Tab.
        </Typography>
        {GROUPS.map((group) => (
          <Box component="section" key={group.title} sx={{ mb: 2 }} aria-label={group.title}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {group.title}
            </Typography>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1, m: 0 }}>
              {group.shortcuts.map((s) => (
                <Box key={s.what} sx={{ display: 'contents' }}>
                  <Box component="dt" sx={{ whiteSpace: 'nowrap' }}>
                    {s.keys.map((k) => (
                      <Box component="kbd" key={k} sx={kbd}>
                        {k}
                      </Box>
                    ))}
                  </Box>
                  <Box component="dd" sx={{ m: 0 }}>
                    {s.what}
                  </Box>
                </Box>
              ))}
            </Box>
          </Box>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}

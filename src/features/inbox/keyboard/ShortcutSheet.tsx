// The "?" sheet: every shortcut, generated from the registered kinds, saying truthfully where each works (the list,
// a detail page, which kinds). Its own chunk (with MUI's Dialog): loaded on the first "?".
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useKinds } from '../../../lib/kinds/context.ts';
import type { InboxKind } from '../../../lib/kinds/kind.ts';
import { listed } from '../../../lib/kinds/words.ts';
import { AWAY_SHORTCUT } from './use-shortcuts.ts';

export interface Shortcut {
  keys: string[];
  what: string;
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);
const many = (kinds: readonly InboxKind[]) => listed(kinds.map((k) => k.nouns.many));

/** The sheet's groups for these kinds. */
export function shortcutGroups(kinds: readonly InboxKind[]): { title: string; shortcuts: Shortcut[] }[] {
  const withParts = kinds.filter((k) => k.partNouns);
  const withPanels = kinds.filter((k) => k.loadRowPanel);
  const keys = [...new Set(kinds.flatMap((k) => k.actions.map((a) => a.key)))];
  const actions: Shortcut[] = keys.map((key) => {
    const having = kinds.filter((k) => k.actions.some((a) => a.key === key));
    const labels = [...new Set(having.map((k) => k.actions.find((a) => a.key === key)!.label))].join(' / ');
    const parts = having.filter((k) => k.partNouns && k.actions.find((a) => a.key === key)!.perPart);
    const partsNote = parts
      .map(
        (k) =>
          ` On ${article(k.nouns.one)}: all its pending ${k.partNouns!.many} (only those the search matched, when it matched some; asks first when several), or on its page the focused one.`,
      )
      .join('');
    const decision = having.some((k) => k.actions.find((a) => a.key === key)!.type === 'decision');
    return {
      keys: [key],
      what: `${labels} — ${many(having)}, in the inbox and on their pages.${partsNote}${decision ? ' Held with Undo (z).' : ''}`,
    };
  });
  return [
    {
      title: 'Lists (inbox and completed)',
      shortcuts: [
        { keys: ['j', '↓'], what: 'Next row' },
        { keys: ['k', '↑'], what: 'Previous row' },
        { keys: ['Enter', 'o'], what: 'Open the row' },
        { keys: ['x'], what: 'Select or unselect the row (inbox)' },
        ...(withPanels.length
          ? [
              {
                keys: ['→', '←'],
                what: `Show or hide the row here, to decide without opening it (inbox: ${many(withPanels)})`,
              },
            ]
          : []),
      ],
    },
    { title: 'Decide (the focused row, or the item whose page is open)', shortcuts: actions },
    {
      title: 'A detail page',
      shortcuts: [
        ...(withParts.length
          ? [
              { keys: ['j', '↓'], what: `Next ${withParts[0].partNouns!.one} (${many(withParts)})` },
              { keys: ['k', '↑'], what: `Previous ${withParts[0].partNouns!.one} (${many(withParts)})` },
            ]
          : []),
        { keys: ['n'], what: 'Next item of the list you came from' },
        { keys: ['u', 'Backspace'], what: 'Back to the list, where you were' },
      ],
    },
    {
      title: 'Everywhere',
      shortcuts: [
        { keys: ['/'], what: 'Search' },
        { keys: ['z'], what: 'Undo the last decision (while its toast shows)' },
        { keys: ['?'], what: 'This list of shortcuts' },
        { keys: [AWAY_SHORTCUT], what: 'Away: who gets your work while you are out' },
      ],
    },
  ];
}

const kbd = {
  display: 'inline-block',
  minWidth: 24,
  px: 0.75,
  mr: 0.5,
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  fontFamily: 'monospace',
  textAlign: 'center',
} as const;

export default function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const groups = shortcutGroups(useKinds());
  return (
    <Dialog open onClose={onClose} aria-labelledby="shortcut-sheet-title" fullWidth maxWidth="sm">
      <DialogTitle id="shortcut-sheet-title">Keyboard shortcuts</DialogTitle>
      {/* it scrolls (each kind's keys are listed): focusable, so arrow keys and Page Down scroll it */}
      <DialogContent tabIndex={0}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Shortcuts do nothing while you type in a field or while a dialog is open. Everything is also reachable with
          Tab. A key that cannot act on the focused row says why.
        </Typography>
        {groups.map((group) => (
          <Box component="section" key={group.title} sx={{ mb: 2 }} aria-label={group.title}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {group.title}
            </Typography>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1, m: 0 }}>
              {group.shortcuts.map((s) => (
                <Box key={`${s.keys.join()}${s.what}`} sx={{ display: 'contents' }}>
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

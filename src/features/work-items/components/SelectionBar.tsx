import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { QueueRow } from '../../../lib/queue/row.ts';
import type { TableSelection } from './QueueTable.tsx';

/**
 * "Select all N matching" (every row the search and filters leave, not only those on screen), how many are
 * selected, and the actions for them. Sticky under the app bar on wide screens, so the actions stay at hand while
 * scrolling a long list; always the same height.
 */
export function SelectionBar({
  matching,
  selection,
  children,
}: {
  matching: readonly QueueRow[];
  selection: TableSelection & { clear: () => void };
  children: ReactNode;
}) {
  const count = selection.selected.size;
  const allSelected = matching.length > 0 && matching.every((r) => selection.selected.has(r.id));
  return (
    <Box
      sx={{
        display: 'flex',
        gap: 1,
        flexWrap: 'wrap',
        alignItems: 'center',
        minHeight: 52,
        py: 1,
        position: { md: 'sticky' },
        top: { md: 64 },
        zIndex: 2,
        bgcolor: 'background.paper',
      }}
      data-testid="selection-bar"
    >
      <Button
        variant="outlined"
        disabled={selection.disabled || matching.length === 0 || allSelected}
        onClick={() =>
          selection.setMany(
            matching.map((r) => r.id),
            true,
          )
        }
      >
        {allSelected
          ? `All ${matching.length.toLocaleString('en')} matching selected`
          : `Select all ${matching.length.toLocaleString('en')} matching`}
      </Button>
      <Typography variant="body2" color="text.secondary" aria-live="polite" sx={{ minWidth: 90 }}>
        {count > 0 ? `${count.toLocaleString('en')} selected` : ''}
      </Typography>
      <Box sx={{ flexGrow: 1 }} />
      {children}
      {count > 0 && (
        <Button variant="text" onClick={() => selection.clear()} disabled={selection.disabled}>
          Clear selection
        </Button>
      )}
    </Box>
  );
}

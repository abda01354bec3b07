import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { usePhone } from '../../../components/use-phone.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import type { TableSelection } from '../list/QueueTable.tsx';
import { formatCount } from '../../../lib/plural.ts';

/**
 * "Select all N matching" (every row the search and filters leave, not only those on screen), how many are
 * selected, and the actions for them. Sticky under the app bar on wide screens, so the actions stay at hand while
 * scrolling a long list; always the same height.
 */
export function SelectionBar({
  matching,
  partial,
  selection,
  children,
}: {
  matching: readonly QueueRow[];
  /** Rows the search matched only in part: selected with the sub-items it matched. */
  partial: ReadonlyMap<string, readonly string[]>;
  selection: TableSelection & { clear: () => void };
  children: ReactNode;
}) {
  const count = selection.selected.size;
  const allSelected = matching.length > 0 && matching.every((r) => selection.selected.has(r.id));
  const phone = usePhone();
  const selectAll = (
    <Button
      variant="outlined"
      disabled={selection.disabled || matching.length === 0 || allSelected}
      onClick={() =>
        selection.setMany(
          matching.map((r) => r.id),
          true,
          partial,
        )
      }
    >
      {allSelected
        ? `All ${formatCount(matching.length)} matching selected`
        : `Select all ${formatCount(matching.length)} matching`}
    </Button>
  );
  const counted = (
    <Typography variant="body2" color="text.secondary" aria-live="polite" sx={{ minWidth: 90 }}>
      {count > 0 ? `${formatCount(count)} selected` : ''}
    </Typography>
  );
  const clear = count > 0 && (
    <Button variant="text" onClick={() => selection.clear()} disabled={selection.disabled}>
      Clear selection
    </Button>
  );

  if (phone) {
    // The phone: the selection on one line, its actions in an even two-column grid under it (no ragged wrap).
    return (
      <Box sx={{ py: 1 }} data-testid="selection-bar">
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          {selectAll}
          {counted}
          <Box sx={{ flexGrow: 1 }} />
          {clear}
        </Box>
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: '1fr 1fr',
            gap: 1,
            '& .MuiButton-root': { width: '100%', px: 1, fontSize: '0.8125rem', lineHeight: 1.25 },
          }}
        >
          {children}
        </Box>
      </Box>
    );
  }

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
      {selectAll}
      {counted}
      <Box sx={{ flexGrow: 1 }} />
      {children}
      {clear}
    </Box>
  );
}

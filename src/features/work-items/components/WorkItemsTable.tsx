import { useEffect } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { paths } from '../../../lib/paths.ts';
import type { WorkItem } from '../../../../contract/work-items.ts';
import { StateChip } from './StateChip.tsx';
import type { SortOrder } from '../hooks/table-params.ts';
import { typeLabel } from '../rules.ts';
import { Rows } from './Rows.tsx';

export interface TableSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
  setMany: (ids: string[], on: boolean) => void;
  /** Why the last bulk action failed for an item (shown under its name). */
  failures: ReadonlyMap<string, string>;
  disabled?: boolean;
}

let rowsVisibleMarked = false;

/** The benchmark's mark: the first time rows of a work-item table are on screen. */
function markRowsVisible() {
  if (rowsVisibleMarked) return;
  rowsVisibleMarked = true;
  performance.mark('inbox-rows-visible');
}

function itemCount(item: WorkItem): number | string {
  if (typeof item.numItems === 'number') return item.numItems;
  const n = (item.approvalItems?.length ?? 0) + (item.remediationItems?.length ?? 0);
  return n || '—';
}

/**
 * Pending or completed work items: a semantic MUI table whose rows are virtualised for long pages.
 * The detail links keep the owner being viewed (`ownerId`).
 */
export function WorkItemsTable({
  items,
  variant,
  selection,
  ownerId,
  sort,
  onSortChange,
  caption,
}: {
  items: readonly WorkItem[];
  variant: 'pending' | 'completed';
  selection?: TableSelection;
  ownerId: string | undefined;
  sort: SortOrder;
  onSortChange: (sort: SortOrder) => void;
  caption: string;
}) {
  useEffect(() => {
    if (items.length > 0) markRowsVisible();
  }, [items.length]);

  const ids = items.map((i) => i.id);
  const selectedHere = selection ? ids.filter((id) => selection.selected.has(id)).length : 0;
  const columns = (selection ? 1 : 0) + (variant === 'completed' ? 7 : 6);

  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="medium" aria-label={caption} sx={{ minWidth: 760 }}>
        <TableHead>
          <TableRow>
            {selection && (
              <TableCell padding="checkbox">
                <Checkbox
                  indeterminate={selectedHere > 0 && selectedHere < ids.length}
                  checked={ids.length > 0 && selectedHere === ids.length}
                  disabled={selection.disabled || ids.length === 0}
                  onChange={(e) => selection.setMany(ids, e.target.checked)}
                  slotProps={{ input: { 'aria-label': 'Select all work items on this page' } }}
                />
              </TableCell>
            )}
            <TableCell>Name</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Requester</TableCell>
            <TableCell sortDirection={sort === 'newest' ? 'desc' : 'asc'}>
              <TableSortLabel
                active
                direction={sort === 'newest' ? 'desc' : 'asc'}
                onClick={() => onSortChange(sort === 'newest' ? 'oldest' : 'newest')}
              >
                Created
              </TableSortLabel>
            </TableCell>
            {variant === 'completed' && <TableCell>Completed</TableCell>}
            <TableCell align="right">Items</TableCell>
            <TableCell>{variant === 'completed' ? 'Final state' : 'State'}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <Rows
            count={items.length}
            columns={columns}
            renderRow={(index, measure) => {
              const item = items[index];
              const name = item.name || item.description || item.id;
              const checked = selection?.selected.has(item.id) ?? false;
              const failure = selection?.failures.get(item.id);
              return (
                <TableRow
                  key={item.id}
                  data-index={index}
                  ref={measure}
                  hover
                  selected={checked}
                  data-testid="work-item-row"
                >
                  {selection && (
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={checked}
                        disabled={selection.disabled}
                        onChange={() => selection.toggle(item.id)}
                        slotProps={{ input: { 'aria-label': `Select ${name}` } }}
                      />
                    </TableCell>
                  )}
                  <TableCell sx={{ maxWidth: 420 }}>
                    <Link component={RouterLink} to={paths.workItem(item.id, { ownerId })}>
                      {name}
                    </Link>
                    {item.description && item.description !== name && (
                      <Typography variant="body2" color="text.secondary" noWrap title={item.description}>
                        {item.description}
                      </Typography>
                    )}
                    {failure && (
                      <Typography variant="body2" color="error" role="note" data-testid="row-failure">
                        Failed: {failure}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{typeLabel(item.type)}</TableCell>
                  <TableCell>{item.requesterDisplayName || '—'}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <RelativeTime value={item.created} />
                  </TableCell>
                  {variant === 'completed' && (
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      <RelativeTime value={item.completed} />
                    </TableCell>
                  )}
                  <TableCell align="right">{itemCount(item)}</TableCell>
                  <TableCell>
                    <StateChip state={item.state} />
                  </TableCell>
                </TableRow>
              );
            }}
          />
        </TableBody>
      </Table>
    </Box>
  );
}

import { memo, useEffect } from 'react';
import { Link } from 'react-router';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { plural } from '../../../lib/plural.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { Rows } from '../../../components/Rows.tsx';
import { StateMark, stateMarkStyles } from '../../../components/StateMark.tsx';
import type { ListVariant } from './list-params.ts';
import { Age, ageStyles } from './Age.tsx';
import { itemCountText } from './ItemCount.tsx';
import type { QueueListProps } from './QueueTable.tsx';
import { listRowAttributes, RowCheckbox, rowSelectionProps, type RowSelectionProps } from './QueueTableRow.tsx';
import { useRowLinks } from './row-links.ts';
import { SelectAllCheckbox } from './SelectAllCheckbox.tsx';
import { markRowsVisible } from './rows-visible.ts';

/** Every card has this height: the virtualiser needs no measuring (names are cut at two lines). */
export const CARD_HEIGHT = 116;

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface CardProps extends RowSelectionProps {
  row: QueueRow;
  index: number;
  variant: ListVariant;
  href: string;
  note?: string;
  now: number;
}

function countText(row: QueueRow, variant: ListVariant): string {
  const text = itemCountText(row, variant);
  if (text === '—') return row.typeLabel;
  if (text === row.countLabel) return text;
  const n = Number(text);
  return variant === 'pending' && row.pendingCount ? `${n} pending` : plural(n, 'item');
}

/**
 * One work item as a card (the phone's list): its name (the link; the whole card opens it), requester, age or
 * completion date, item count and state. A row of a one-column table, so the list keeps its table semantics, its
 * virtualiser and the inbox's selection.
 */
const QueueCard = memo(function QueueCard({
  row,
  index,
  variant,
  href,
  note,
  now,
  selectable,
  checked,
  disabled,
  failure,
  onToggle,
}: CardProps) {
  return (
    <tr {...listRowAttributes(row.id, index, { selectable, checked })}>
      <td className="card">
        <span className="inner">
          {selectable && (
            <label className="check">
              <RowCheckbox
                id={row.id}
                checked={checked}
                disabled={disabled}
                onToggle={onToggle}
                aria-label={`Select ${row.name}`}
              />
            </label>
          )}
          <span className="body">
            <Link to={href} className="title link">
              {row.name}
            </Link>
            {failure ? (
              <span className="line failure" role="note" data-testid="row-failure" title={failure}>
                Failed: {failure}
              </span>
            ) : note ? (
              <span className="line match" data-testid="row-match">
                {note}
              </span>
            ) : (
              <span className="line muted">
                {row.requester || 'No requester'}
                {row.requestedFor && row.requestedFor !== row.requester && ` for ${row.requestedFor}`}
              </span>
            )}
            <span className="meta">
              {variant === 'pending' ? (
                <Age created={row.created} due={row.due} expires={row.expires} now={now} />
              ) : (
                <span title="Completed">{row.completed ? DATE.format(row.completed) : '—'}</span>
              )}
              <span className="muted">{countText(row, variant)}</span>
              <StateMark row={row} />
              {variant === 'completed' && row.decidedBy && <span className="muted">by {row.decidedBy}</span>}
            </span>
          </span>
        </span>
      </td>
    </tr>
  );
});

const cards = {
  '& td.card': {
    height: CARD_HEIGHT,
    boxSizing: 'border-box',
    position: 'relative',
    p: 1,
    borderBottom: 1,
    borderColor: 'divider',
    fontSize: '0.875rem',
  },
  // inside the cell (a cell stays a table cell): the fixed height, whatever the name's length
  '& td.card > .inner': {
    display: 'flex',
    gap: 0.5,
    alignItems: 'flex-start',
    height: CARD_HEIGHT - 17,
    overflow: 'hidden',
  },
  '& tbody tr[data-index]:hover, & tbody tr[data-index]:focus-within': { bgcolor: 'action.hover' },
  '& tbody tr[aria-selected="true"]': { bgcolor: 'action.selected' },
  // a 44 × 44 target around the checkbox, above the card-wide link
  '& .check': {
    position: 'relative',
    zIndex: 1,
    flex: '0 0 44px',
    height: 44,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    cursor: 'pointer',
  },
  '& .check input': { width: 24, height: 24, m: 0, cursor: 'pointer', accentColor: 'var(--mui-palette-primary-main)' },
  '& .body': { display: 'flex', flexDirection: 'column', gap: 0.25, minWidth: 0, flex: 1, pl: 0.5, pt: 0.25 },
  '& .title': {
    fontWeight: 600,
    fontSize: '0.9375rem',
    lineHeight: '20px',
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 2,
    overflow: 'hidden',
    overflowWrap: 'anywhere',
  },
  // the whole card opens the item (its name is the one link a screen reader meets)
  '& .title::after': { content: '""', position: 'absolute', inset: 0 },
  '& .line': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  '& .meta': { display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'nowrap', mt: 0.25, whiteSpace: 'nowrap' },
  '& .meta .age-mark': { display: 'inline', ml: 0.5 },
  '& .muted': { color: 'text.secondary' },
  '& .failure': { color: 'error.main' },
  '& .match': { color: 'primary.main', fontWeight: 500 },
  '& .link': { color: 'var(--mui-palette-primary-main)', textDecorationColor: 'currentColor' },
  ...stateMarkStyles,
  ...ageStyles,
} as const;

/**
 * The phone's work-item list: the same rows, selection and virtualiser as the table, one card each. The sort is
 * the toolbar's (there are no column headers to click).
 */
export function QueueCards({
  rows,
  variant,
  selection: plainSelection,
  partial,
  ownerId,
  now,
  caption,
  appliedSearch,
}: QueueListProps) {
  const { href, note, selection } = useRowLinks(ownerId, partial, plainSelection);
  useEffect(() => {
    if (rows.length > 0) markRowsVisible();
  }, [rows.length]);
  return (
    <Box>
      <Table
        aria-label={caption}
        sx={{ tableLayout: 'fixed', width: '100%', ...cards }}
        data-applied-search={appliedSearch}
        data-layout="cards"
      >
        <TableHead>
          <TableRow>
            <TableCell sx={{ px: 1, py: 0.5 }}>
              <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
                {selection && (
                  <Box
                    component="label"
                    sx={{ width: 44, height: 44, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
                  >
                    <SelectAllCheckbox rows={rows} selection={selection} size={20} />
                  </Box>
                )}
                {caption}
              </Box>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <Rows
            count={rows.length}
            columns={1}
            estimate={CARD_HEIGHT}
            fixed
            renderRow={(index) => {
              const row = rows[index];
              return (
                <QueueCard
                  key={row.id}
                  row={row}
                  index={index}
                  variant={variant}
                  href={href(row)}
                  note={note(row)}
                  now={now}
                  {...rowSelectionProps(row.id, selection)}
                />
              );
            }}
          />
        </TableBody>
      </Table>
    </Box>
  );
}

import { Fragment, lazy, memo, Suspense, useCallback, useEffect } from 'react';
import { useRowLinks } from './row-links.ts';
import Box from '@mui/material/Box';
import type { QueueSort } from '../../../lib/queue/query-index.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import type { ListVariant } from './list-params.ts';
import { EXPANSION_HEIGHT, useRowExpansion } from '../keyboard/triage-context.ts';
import { PHONE_QUERY, usePhone } from '../../../components/use-phone.ts';
import { Rows } from '../../../components/Rows.tsx';
import { SelectAllCheckbox } from './SelectAllCheckbox.tsx';

import { QueueTableRow, ROW_HEIGHT, queueCells, rowSelectionProps, type TableSelection } from './QueueTableRow.tsx';
import { markRowsVisible } from './rows-visible.ts';
export { ROW_HEIGHT, type TableSelection };

/** What a list of rows shows, as a table or as the phone's cards. */
export interface QueueListProps {
  rows: readonly QueueRow[];
  variant: ListVariant;
  selection?: TableSelection;
  /** Rows the search matched only in part: which of their sub-items. */
  partial: ReadonlyMap<string, readonly string[]>;
  ownerId: string | undefined;
  now: number;
  caption: string;
  /** The search these rows were filtered with (the benchmark's keystroke → rows probe reads it). */
  appliedSearch: string;
}

// The phone's cards are their own chunk: a desktop never downloads them, and a phone asks for it at once.
const loadCards = () => import('./QueueCard.tsx');
if (typeof window !== 'undefined' && window.matchMedia?.(PHONE_QUERY).matches) void loadCards();
const QueueCards = lazy(async () => ({ default: (await loadCards()).QueueCards }));

// A plain <table> in the look of MUI's (its header cells' padding, rule and weight): the rows were plain already,
// and MUI's Table, TableCell and TableSortLabel weighed ~3.5 KB gzip of the inbox's first load.
const queueTable = {
  width: '100%',
  borderCollapse: 'collapse',
  borderSpacing: 0,
  '& thead th': {
    p: 2,
    textAlign: 'left',
    fontSize: '0.875rem',
    fontWeight: 600,
    lineHeight: '1.5rem',
    color: 'text.primary',
    borderBottom: 1,
    borderColor: 'divider',
  },
  '& thead th.num': { textAlign: 'right' },
  '& thead th.check': { width: 48, p: '0 0 0 4px', textAlign: 'center' },
  '& thead button': {
    display: 'inline-flex',
    alignItems: 'center',
    gap: 0.5,
    p: 0,
    border: 0,
    bgcolor: 'transparent',
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    '& .arrow': { opacity: 0, transition: 'opacity 0.2s' },
    '&:hover .arrow': { opacity: 0.5 },
    '&[data-active] .arrow': { opacity: 1 },
    '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 },
  },
} as const;

/**
 * A list (pending or completed, every kind) as a semantic table whose rows are virtualised (fixed height) for long
 * lists. The header's checkbox selects every row that matches, not only those on screen.
 */
export const QueueTable = memo(function QueueTable({
  rows,
  variant,
  selection: plainSelection,
  partial,
  ownerId,
  now,
  sort,
  onSortChange,
  caption,
  appliedSearch,
}: QueueListProps & {
  sort: QueueSort;
  /** Undefined: the order is the server's (a queue above the bound) and cannot be changed here. */
  onSortChange?: (sort: QueueSort) => void;
}) {
  const phone = usePhone();
  useEffect(() => {
    if (rows.length > 0 && !phone) markRowsVisible();
  }, [rows.length, phone]);
  const { href, note, selection } = useRowLinks(ownerId, partial, plainSelection);
  const expansion = useRowExpansion();
  const expandedId = expansion?.expandedId;
  const sizeOf = useCallback(
    (index: number) => (rows[index]?.id === expandedId ? ROW_HEIGHT + EXPANSION_HEIGHT : ROW_HEIGHT),
    [rows, expandedId],
  );

  if (phone) {
    return (
      <Suspense fallback={null}>
        <QueueCards
          rows={rows}
          variant={variant}
          selection={plainSelection}
          partial={partial}
          ownerId={ownerId}
          now={now}
          caption={caption}
          appliedSearch={appliedSearch}
        />
      </Suspense>
    );
  }
  const columns = (selection ? 1 : 0) + (variant === 'completed' ? 7 : 6);
  const dateSort = variant === 'completed' ? ['completed-newest', 'completed-oldest'] : ['newest', 'oldest'];
  const createdActive = sort === 'newest' || sort === 'oldest' || sort === 'server';
  const completedActive = sort === 'completed-newest' || sort === 'completed-oldest';
  const descending = sort === 'newest' || sort === 'completed-newest' || sort === 'server';
  const sortLabel = (active: boolean, label: string, pair: [QueueSort, QueueSort]) =>
    onSortChange ? (
      <button
        type="button"
        data-active={active || undefined}
        onClick={() => onSortChange(active && descending ? pair[1] : pair[0])}
      >
        {label}
        <span className="arrow" aria-hidden>
          {active && !descending ? '↑' : '↓'}
        </span>
      </button>
    ) : (
      label
    );
  const ariaSort = (active: boolean) => (active ? (descending ? 'descending' : 'ascending') : undefined);

  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Box
        component="table"
        aria-label={caption}
        sx={{ minWidth: 760, tableLayout: 'fixed', ...queueTable, ...queueCells }}
        data-applied-search={appliedSearch}
        data-triage="list"
      >
        {/* fixed column widths: rows coming and going while scrolling never move the columns (and cost no
            table-wide layout) */}
        <colgroup>
          {selection && <col style={{ width: 48 }} />}
          <col />
          <col style={{ width: 130 }} />
          <col style={{ width: 190 }} />
          <col style={{ width: variant === 'pending' ? 120 : 180 }} />
          {variant === 'completed' && <col style={{ width: 180 }} />}
          <col style={{ width: 90 }} />
          <col style={{ width: variant === 'completed' ? 160 : 150 }} />
        </colgroup>
        <thead>
          <tr>
            {selection && (
              <th className="check">
                <SelectAllCheckbox rows={rows} selection={selection} size={18} />
              </th>
            )}
            <th>Name</th>
            <th>Type</th>
            <th>Requester</th>
            <th aria-sort={ariaSort(createdActive)}>
              {sortLabel(createdActive, variant === 'pending' ? 'Age' : 'Created', ['newest', 'oldest'])}
            </th>
            {variant === 'completed' && (
              <th aria-sort={ariaSort(completedActive)}>
                {sortLabel(completedActive, 'Completed', dateSort as [QueueSort, QueueSort])}
              </th>
            )}
            <th className="num">{variant === 'pending' ? 'Pending' : 'Items'}</th>
            <th>{variant === 'completed' ? 'Final state' : 'State'}</th>
          </tr>
        </thead>
        <tbody>
          <Rows
            count={rows.length}
            columns={columns}
            estimate={ROW_HEIGHT}
            fixed
            sizeOf={expandedId ? sizeOf : undefined}
            renderRow={(index) => {
              const row = rows[index];
              const expanded = row.id === expandedId;
              return (
                <Fragment key={row.id}>
                  <QueueTableRow
                    row={row}
                    index={index}
                    variant={variant}
                    href={href(row)}
                    note={note(row)}
                    now={now}
                    {...rowSelectionProps(row.id, selection)}
                    expanded={expansion ? expanded : undefined}
                    onExpand={expansion?.toggle}
                  />
                  {expanded && expansion?.render(row, columns)}
                </Fragment>
              );
            }}
          />
        </tbody>
      </Box>
    </Box>
  );
});

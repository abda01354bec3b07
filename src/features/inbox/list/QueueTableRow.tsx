// One row of the list (a desktop's table row), of any kind: plain cells, memoised, and the table's styles for them.
import { memo } from 'react';
import { Link } from 'react-router';
import { StateMark, stateMarkStyles } from '../../../components/StateMark.tsx';
import type { QueueRow } from '../../../lib/queue/row.ts';
import type { ListVariant } from './list-params.ts';
import { Age, ageStyles } from './Age.tsx';
import { ItemCount } from './ItemCount.tsx';

/** Every row has this height: the virtualiser needs no measuring, and a refetch moves nothing. */
export const ROW_HEIGHT = 64;

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function fullDate(t: number): string {
  return t ? DATE_TIME.format(t) : '—';
}

export interface TableSelection {
  selected: ReadonlySet<string>;
  /** `scope`: the sub-items a search matched, when it matched only some (selected with the row). */
  toggle: (id: string, scope?: readonly string[]) => void;
  setMany: (ids: string[], on: boolean, scopes?: ReadonlyMap<string, readonly string[]>) => void;
  /** Why the last bulk action failed for an item (shown under its name). */
  failures: ReadonlyMap<string, string>;
  disabled?: boolean;
}

/** What a row or card shows of the list's selection. */
export interface RowSelectionProps {
  selectable: boolean;
  checked: boolean;
  disabled: boolean;
  failure: string | undefined;
  onToggle: (id: string) => void;
}

function noop() {}

/** A row's part of the selection (plain values, so a memoised row re-renders only when its own part changes). */
export function rowSelectionProps(id: string, selection: TableSelection | undefined): RowSelectionProps {
  return {
    selectable: !!selection,
    checked: selection?.selected.has(id) ?? false,
    disabled: selection?.disabled ?? false,
    failure: selection?.failures.get(id),
    onToggle: selection?.toggle ?? noop,
  };
}

/**
 * What makes a <tr> a list row, for the table's rows and the phone's cards alike: the keyboard layer finds rows by
 * `data-index` and knows them by `data-row-id` (keyboard/dom.ts), and the selection shows as `aria-selected`.
 */
export function listRowAttributes(
  id: string,
  index: number,
  { selectable, checked }: Pick<RowSelectionProps, 'selectable' | 'checked'>,
) {
  return {
    'data-testid': 'list-row',
    'data-index': index,
    'data-row-id': id,
    'aria-selected': selectable ? checked : undefined,
  };
}

/** A row's own checkbox: native, named by its caller ("Select <row name>"). */
export function RowCheckbox({
  id,
  checked,
  disabled,
  onToggle,
  'aria-label': label,
}: { id: string; 'aria-label': string } & Omit<RowSelectionProps, 'selectable' | 'failure'>) {
  return (
    <input type="checkbox" checked={checked} disabled={disabled} onChange={() => onToggle(id)} aria-label={label} />
  );
}

interface RowProps extends RowSelectionProps {
  row: QueueRow;
  index: number;
  variant: ListVariant;
  /** Its kind's detail page. */
  href: string;
  /** Which of its sub-items the search matched, in words ("11 of 500 approval items match"). */
  note?: string;
  now: number;
  /** Undefined: the row cannot expand in place. */
  expanded?: boolean;
  onExpand?: (id: string) => void;
}

// Plain <tr>/<td> styled by the table (see `queueCells` below) and a native checkbox: a row re-renders only when its
// own props change, and scrolling 10,000 rows renders a few dozen cheap rows a frame. Its cells are memoised apart
// from its place in the list: when a row above leaves, the rows below move up one and only their <tr> re-renders.
export const QueueTableRow = memo(function QueueTableRow({ index, ...cells }: RowProps) {
  return (
    <tr {...listRowAttributes(cells.row.id, index, { selectable: cells.selectable, checked: cells.checked })}>
      <RowCells {...cells} />
    </tr>
  );
});

const RowCells = memo(function RowCells({
  row,
  variant,
  href,
  note,
  now,
  selectable,
  checked,
  disabled,
  failure,
  onToggle,
  expanded,
  onExpand,
}: Omit<RowProps, 'index'>) {
  const second = failure
    ? `Failed: ${failure}`
    : note || (row.comment ? `Comment: ${row.comment}` : row.description !== row.name ? row.description : '');
  return (
    <>
      {selectable && (
        <td className="check">
          <RowCheckbox
            id={row.id}
            checked={checked}
            disabled={disabled}
            onToggle={onToggle}
            aria-label={`Select ${row.name}`}
          />
        </td>
      )}
      <td className="name">
        <Link to={href} className="line link">
          {row.name}
        </Link>
        {second && (
          <span
            className={failure ? 'line failure' : note ? 'line match' : 'line muted'}
            title={second}
            {...(failure ? { role: 'note', 'data-testid': 'row-failure' } : note ? { 'data-testid': 'row-match' } : {})}
          >
            {second}
          </span>
        )}
      </td>
      <td>{row.typeLabel}</td>
      <td className="name">
        <span className="line">{row.requester || '—'}</span>
        {row.requestedFor && row.requestedFor !== row.requester && (
          <span className="line muted">for {row.requestedFor}</span>
        )}
      </td>
      <td className="nowrap">
        {variant === 'pending' ? (
          <Age created={row.created} due={row.due} expires={row.expires} now={now} />
        ) : (
          fullDate(row.created)
        )}
      </td>
      {variant === 'completed' && <td className="nowrap">{fullDate(row.completed)}</td>}
      <td className="num">
        <ItemCount row={row} variant={variant} />
      </td>
      <td className="nowrap">
        <StateMark row={row} />
        {variant === 'completed' && row.decidedBy && (
          <span className="line muted" title={`Decided by ${row.decidedBy}`}>
            by {row.decidedBy}
          </span>
        )}
        {onExpand && (
          <button
            type="button"
            className="expand"
            aria-expanded={!!expanded}
            aria-label={`${expanded ? 'Hide' : 'Show'} the items of ${row.name}`}
            title={expanded ? 'Hide' : 'Decide here'}
            onClick={() => onExpand(row.id)}
          >
            {expanded ? '▴' : '▾'}
          </button>
        )}
      </td>
    </>
  );
});

// The look of MUI's TableCell, once for the whole table instead of per cell.
export const queueCells = {
  '& tr[data-index] > td': {
    height: ROW_HEIGHT,
    boxSizing: 'border-box',
    px: 2,
    py: 0.5,
    borderBottom: 1,
    borderColor: 'divider',
    fontSize: '0.875rem',
    verticalAlign: 'middle',
  },
  '& tbody tr[data-index]:hover': { bgcolor: 'action.hover' },
  '& tbody tr[aria-selected="true"]': { bgcolor: 'action.selected' },
  '& td.check': { width: 48, px: 1, textAlign: 'center' },
  '& td.check input': { width: 18, height: 18, cursor: 'pointer', accentColor: 'var(--mui-palette-primary-main)' },
  '& .line': { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  '& .muted': { color: 'text.secondary' },
  '& .failure': { color: 'error.main' },
  '& .match': { color: 'primary.main', fontWeight: 500 },
  '& td.nowrap': { whiteSpace: 'nowrap' },
  '& td.num': { textAlign: 'right' },
  '& .expand': {
    ml: 1,
    width: 28,
    height: 28,
    border: 1,
    borderColor: 'divider',
    borderRadius: 1,
    bgcolor: 'transparent',
    color: 'text.primary',
    cursor: 'pointer',
    verticalAlign: 'middle',
  },
  // the keyboard's focus row: visible wherever the focus is inside it
  '& tbody tr[data-index]:focus-within > td': {
    bgcolor: 'action.focus',
    boxShadow: 'inset 0 2px 0 var(--mui-palette-primary-main), inset 0 -2px 0 var(--mui-palette-primary-main)',
  },
  '& .link': { color: 'var(--mui-palette-primary-main)', textDecorationColor: 'currentColor' },
  ...stateMarkStyles,
  ...ageStyles,
} as const;

import type { QueueRow } from '../lib/queue/row.ts';

/** The list's state, in words (`stateLabel`), ISC's state name on hover when they differ. */
export function StateMark({ row }: { row: Pick<QueueRow, 'state' | 'stateLabel'> }) {
  const name = row.state || 'Unknown';
  const label = row.stateLabel || name;
  return (
    <span className="state" data-state={label} title={label !== name ? `ISC state: ${name}` : undefined}>
      {label}
    </span>
  );
}

const color = (states: string[], palette: string) =>
  Object.fromEntries([[states.map((s) => `& .state[data-state="${s}"]`).join(', '), { color: palette }]]);

/** StateChip's look without a Chip per row (for the list's rows and cards). */
export const stateMarkStyles = {
  '& .state': {
    display: 'inline-block',
    px: 1,
    border: 1,
    borderRadius: 4,
    fontSize: '0.8125rem',
    lineHeight: '22px',
    color: 'text.secondary',
    // its own ground: the text keeps its contrast on a focused or selected row (dark theme's highlight)
    bgcolor: 'background.paper',
    whiteSpace: 'nowrap',
  },
  ...color(['Pending'], 'var(--mui-palette-info-main)'),
  ...color(['Finished', 'Approved', 'Completed'], 'var(--mui-palette-success-main)'),
  ...color(['Rejected'], 'var(--mui-palette-error-main)'),
  ...color(['Expired', 'Returned', 'Partly approved'], 'var(--mui-palette-warning-main)'),
} as const;

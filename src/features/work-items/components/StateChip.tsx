import Chip from '@mui/material/Chip';

/** Colours by what the state says (ISC's names and the inbox's words for them). */
export const STATE_COLORS: Record<string, 'default' | 'success' | 'error' | 'warning' | 'info'> = {
  Pending: 'info',
  Finished: 'success',
  Approved: 'success',
  Completed: 'success',
  'Partly approved': 'warning',
  Rejected: 'error',
  Expired: 'warning',
  Returned: 'warning',
  Canceled: 'default',
};

/**
 * A state as a chip: `label` in words when given (e.g. "Approved"), ISC's state name on hover when they differ.
 */
export function StateChip({ state, label }: { state: string | null | undefined; label?: string }) {
  const name = state || 'Unknown';
  const text = label || name;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={text}
      title={text !== name ? `ISC state: ${name}` : undefined}
      color={STATE_COLORS[text] ?? STATE_COLORS[name] ?? 'default'}
      data-state={name}
    />
  );
}

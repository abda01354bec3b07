import Chip from '@mui/material/Chip';

const COLORS: Record<string, 'default' | 'success' | 'error' | 'warning' | 'info'> = {
  Pending: 'info',
  Finished: 'success',
  Rejected: 'error',
  Expired: 'warning',
  Returned: 'warning',
  Canceled: 'default',
};

export function StateChip({ state }: { state: string | null | undefined }) {
  const label = state || 'Unknown';
  return <Chip size="small" variant="outlined" label={label} color={COLORS[label] ?? 'default'} />;
}

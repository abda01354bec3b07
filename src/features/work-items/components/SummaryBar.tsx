import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useWorkItemsSummary } from '../api/get-work-items-summary.ts';

function Figure({ label, value, testId }: { label: string; value: number | undefined; testId: string }) {
  return (
    <Box sx={{ minWidth: 110 }}>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="h5" component="dd" sx={{ m: 0, fontWeight: 600 }} data-testid={testId}>
        {value === undefined ? <Skeleton width={40} /> : value}
      </Typography>
    </Box>
  );
}

/** Open, completed and total from the summary endpoint. */
export function SummaryBar({ ownerId }: { ownerId: string | undefined }) {
  const { data, isError } = useWorkItemsSummary({ ownerId });
  if (isError) return null; // the table's own error says why
  return (
    <Paper variant="outlined" sx={{ px: 3, py: 1.5, mb: 2 }}>
      <Box component="dl" aria-label="Summary" sx={{ display: 'flex', gap: 4, m: 0, flexWrap: 'wrap' }}>
        <Figure label="Open" value={data?.open} testId="summary-open" />
        <Figure label="Completed" value={data?.completed} testId="summary-completed" />
        <Figure label="Total" value={data?.total} testId="summary-total" />
      </Box>
    </Paper>
  );
}

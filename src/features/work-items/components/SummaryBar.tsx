import { memo } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { AccessRequestSummary } from '../../access-requests/components/AccessRequestSummary.tsx';
import { useWorkItemsSummary } from '../api/get-work-items-summary.ts';
import { Age, ageStyles } from './Age.tsx';

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

/** Open, completed and total from the summary endpoint, the access requests' pending and decided; the oldest pending item's age from the whole queue. */
export const SummaryBar = memo(function SummaryBar({
  ownerId,
  oldest,
  now,
}: {
  ownerId: string | undefined;
  /** Undefined until the whole queue is loaded (an age of part of it would be wrong). */
  oldest: QueueRow | undefined | null;
  now: number;
}) {
  const { data, isError } = useWorkItemsSummary({ ownerId });
  if (isError) return null; // the table's own error says why
  return (
    <Paper variant="outlined" sx={{ px: 3, py: 1.5, mb: 2 }}>
      <Box component="dl" aria-label="Summary" sx={{ display: 'flex', gap: 4, m: 0, flexWrap: 'wrap' }}>
        <Figure label="Open" value={data?.open} testId="summary-open" />
        <Figure label="Completed" value={data?.completed} testId="summary-completed" />
        <Figure label="Total" value={data?.total} testId="summary-total" />
        <AccessRequestSummary ownerId={ownerId} />
        <Box sx={{ minWidth: 110 }}>
          <Typography variant="body2" color="text.secondary" component="dt">
            Oldest pending
          </Typography>
          <Typography
            variant="h6"
            component="dd"
            sx={{ m: 0, fontWeight: 600, lineHeight: 1.3, ...ageStyles }}
            data-testid="summary-oldest"
          >
            {oldest === undefined ? <Skeleton width={60} /> : oldest ? <Age created={oldest.created} now={now} /> : '—'}
          </Typography>
        </Box>
      </Box>
    </Paper>
  );
});

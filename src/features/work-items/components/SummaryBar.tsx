import { memo } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import { SummaryFigure as Figure } from '../../../components/SummaryFigure.tsx';
import Typography from '@mui/material/Typography';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { AccessRequestSummary } from '../../access-requests/components/AccessRequestSummary.tsx';
import { useWorkItemsSummary } from '../api/get-work-items-summary.ts';
import { PhoneHidden } from '../../../components/PhoneHidden.tsx';
import { ON_PHONE } from '../../../components/use-phone.ts';
import { Age, ageStyles } from './Age.tsx';

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
    <Paper variant="outlined" sx={{ px: { xs: 1.5, sm: 3 }, py: 1.5, mb: 2 }}>
      <Box
        component="dl"
        aria-label="Summary"
        sx={{
          // three across on a phone (two short rows), one wrapping row on wider screens
          display: { xs: 'grid', sm: 'flex' },
          gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
          gap: { xs: 1.5, sm: 4 },
          m: 0,
          flexWrap: 'wrap',
          '& > div': { minWidth: { sm: 110 } },
          '& dd': { [ON_PHONE]: { fontSize: '1.125rem' } },
        }}
      >
        <Figure label="Open" value={data?.open} testId="summary-open" />
        <Figure label="Completed" value={data?.completed} testId="summary-completed" />
        <Figure label="Total" value={data?.total} testId="summary-total" />
        <AccessRequestSummary ownerId={ownerId} />
        <Box>
          <Typography variant="body2" color="text.secondary" component="dt">
            Oldest<PhoneHidden> pending</PhoneHidden>
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

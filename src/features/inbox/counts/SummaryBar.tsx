import { memo } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { PhoneHidden } from '../../../components/PhoneHidden.tsx';
import { SummaryFigure as Figure } from '../../../components/SummaryFigure.tsx';
import { ON_PHONE } from '../../../components/use-phone.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { Age, ageStyles } from '../list/Age.tsx';
import { useKindCounts } from './use-counts.ts';
import { Panel, TextPlaceholder } from '../../../components/lite.tsx';

/**
 * Every kind's pending items together and each kind's part (the same numbers as the nav's badge and the list),
 * what has been completed, and the oldest pending item's age from the whole queue.
 */
export const SummaryBar = memo(function SummaryBar({
  ownerId,
  oldest,
  dueSoon,
  now,
}: {
  ownerId: string | undefined;
  /** Undefined until the whole queue is loaded (an age of part of it would be wrong). */
  oldest: QueueRow | undefined | null;
  /** How many are due or expire within 7 days (undefined until the whole queue is loaded; null: no kind has due dates). */
  dueSoon?: number | null;
  now: number;
}) {
  const counts = useKindCounts(ownerId);
  return (
    <Panel sx={{ px: { xs: 1.5, sm: 3 }, py: 1.5, mb: 2 }}>
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
        <Figure label="Pending" value={counts.pending} testId="summary-pending" />
        {counts.kinds.map(({ kind, pending, failed }) =>
          failed ? null : (
            <Figure key={kind.name} label={kind.filterLabel} value={pending} testId={`summary-pending-${kind.name}`} />
          ),
        )}
        <Figure label="Completed" value={counts.completed} testId="summary-completed" />
        {dueSoon !== null && <Figure label="Due within 7 days" value={dueSoon} testId="summary-due-soon" />}
        <Box>
          <Typography variant="body2" color="text.secondary" component="dt">
            Oldest<PhoneHidden> pending</PhoneHidden>
          </Typography>
          <Typography
            variant="h6"
            component="dd"
            sx={{
              m: 0,
              fontWeight: 600,
              lineHeight: 1.3,
              ...ageStyles,
              // the age's "over 30 days" line is room kept from the first frame: the oldest is known only once the
              // whole queue is in, and the figures below must not move when it arrives
              '& .age-mark': { ...ageStyles['& .age-mark'], lineHeight: '16px' },
              minHeight: 'calc(1.3em + 16px)',
            }}
            data-testid="summary-oldest"
          >
            {oldest === undefined ? (
              <TextPlaceholder width={60} />
            ) : oldest ? (
              <Age created={oldest.created} now={now} />
            ) : (
              '—'
            )}
          </Typography>
        </Box>
      </Box>
    </Panel>
  );
});

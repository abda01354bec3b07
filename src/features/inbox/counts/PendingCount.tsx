import Box from '@mui/material/Box';
import { count } from '../../../lib/kinds/words.ts';
import { useKindCounts } from './use-counts.ts';

/** The nav's badge: every kind's pending items of the owner viewed, the breakdown on hover and for screen readers. */
export function PendingCount({ ownerId }: { ownerId: string | undefined }) {
  const { pending, kinds } = useKindCounts(ownerId);
  if (pending === undefined) return null;
  const breakdown = kinds
    .filter((c) => c.pending !== undefined)
    .map((c) => count(c.pending!, c.kind.nouns))
    .join(', ');
  return (
    <Box
      component="span"
      data-testid="inbox-count"
      title={breakdown}
      aria-label={`${pending} pending: ${breakdown}`}
      sx={(theme) => ({
        ml: 1,
        px: 0.9,
        minWidth: 22,
        borderRadius: 10,
        fontSize: '0.75rem',
        fontWeight: 600,
        lineHeight: '20px',
        bgcolor: 'common.white',
        color: 'primary.main',
        textAlign: 'center',
        ...theme.applyStyles('dark', { bgcolor: 'primary.main', color: 'primary.contrastText' }),
      })}
    >
      {pending}
    </Box>
  );
}

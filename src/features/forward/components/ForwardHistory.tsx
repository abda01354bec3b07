import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatDateTime } from '../../../components/format.ts';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import type { ForwardHistoryEntry } from '../../../../contract/work-items.ts';

/** Who handed the work item to whom, when and why (the sandbox's `forwardHistory`, oldest first). */
export function ForwardHistory({ entries }: { entries: ForwardHistoryEntry[] | null | undefined }) {
  const list = (entries ?? []).filter(Boolean);
  if (list.length === 0) return null;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="forward-history-title" sx={{ p: 2, mb: 3 }}>
      <Typography id="forward-history-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        Forwarding history
      </Typography>
      <Box component="ol" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}>
        {list.map((entry, i) => {
          const from = entry.fromName || entry.fromId || 'Someone';
          const to = entry.toName || entry.toId || 'someone';
          const by = entry.byName || entry.byId;
          return (
            <Box component="li" key={`${entry.forwarded}-${i}`} data-testid="forward-history-entry">
              <Typography>
                {by && entry.byId !== entry.fromId ? (
                  <>
                    <strong>{by}</strong> forwarded it from <strong>{from}</strong> to <strong>{to}</strong>
                  </>
                ) : (
                  <>
                    <strong>{from}</strong> forwarded it to <strong>{to}</strong>
                  </>
                )}
              </Typography>
              {entry.forwarded && (
                <Typography variant="body2" color="text.secondary">
                  {formatDateTime(entry.forwarded)} (<RelativeTime value={entry.forwarded} />)
                </Typography>
              )}
              {entry.comment && (
                <Typography
                  component="blockquote"
                  variant="body2"
                  sx={{ m: 0, mt: 0.5, pl: 1.5, borderLeft: 3, borderColor: 'divider', whiteSpace: 'pre-wrap' }}
                >
                  {entry.comment}
                </Typography>
              )}
            </Box>
          );
        })}
      </Box>
    </Paper>
  );
}

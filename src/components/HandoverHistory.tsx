import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { formatDateTime } from './format.ts';
import { RelativeTime } from './RelativeTime.tsx';

/** One handover: from whom to whom, by whom when someone else did it, when and why. */
export interface Handover {
  from: string;
  to: string;
  by?: string;
  /** ISO date-time. */
  at?: string | null;
  comment?: string | null;
}

/**
 * Who handed the item to whom, when and why, oldest first: one view for every kind (each maps its API's history —
 * a work item's `forwardHistory`, an access request's — to `Handover`). `empty` is said when there is none; without
 * it the section is left out.
 */
export function HandoverHistory({ entries, empty }: { entries: readonly Handover[]; empty?: string }) {
  if (entries.length === 0 && !empty) return null;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="forward-history-title" sx={{ p: 2, mb: 3 }}>
      <Typography id="forward-history-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        Forwarding history
      </Typography>
      {entries.length === 0 ? (
        <Typography color="text.secondary">{empty}</Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gap: 1.5 }}>
          {entries.map((entry, i) => (
            <Box component="li" key={`${entry.at}-${i}`} data-testid="forward-history-entry">
              <Typography>
                {entry.by ? (
                  <>
                    <strong>{entry.by}</strong> forwarded it from <strong>{entry.from}</strong> to{' '}
                    <strong>{entry.to}</strong>
                  </>
                ) : (
                  <>
                    <strong>{entry.from}</strong> forwarded it to <strong>{entry.to}</strong>
                  </>
                )}
              </Typography>
              {entry.at && (
                <Typography variant="body2" color="text.secondary">
                  {formatDateTime(entry.at)} (<RelativeTime value={entry.at} />)
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
          ))}
        </Box>
      )}
    </Paper>
  );
}

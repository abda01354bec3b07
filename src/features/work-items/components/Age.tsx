import Box from '@mui/material/Box';
import { formatDateTime } from '../../../components/format.ts';
import { ageBand, ageDays } from '../../../lib/queue/query-index.ts';

/** "12 days" or "5 h" from `created` to `now`. */
export function ageText(created: number, now: number): string {
  if (!created) return '—';
  const days = ageDays(created, now);
  if (days >= 1) return `${days.toLocaleString('en')} ${days === 1 ? 'day' : 'days'}`;
  const hours = Math.floor((now - created) / 3_600_000);
  return hours >= 1 ? `${hours} h` : 'just now';
}

const BAND = {
  month: { text: 'over 30 days', color: 'error.main' },
  week: { text: 'over 7 days', color: 'warning.dark' },
} as const;

/**
 * An item's age; past 7 and past 30 days it is marked with a colour and says so in words ("over 30 days"), so the
 * mark does not rest on colour alone.
 */
export function Age({ created, now }: { created: number; now: number }) {
  const band = ageBand(created, now);
  const mark = band === 'month' || band === 'week' ? BAND[band] : undefined;
  return (
    <span title={created ? formatDateTime(new Date(created).toISOString()) : undefined} data-age={band}>
      {ageText(created, now)}
      {mark && (
        <Box
          component="span"
          sx={{
            display: 'block',
            fontSize: '0.75rem',
            fontWeight: 600,
            color: mark.color,
            '&::before': { content: '"● "' },
          }}
        >
          {mark.text}
        </Box>
      )}
    </span>
  );
}

import { memo } from 'react';
import { dueText } from '../../../components/due-words.ts';
import { formatDateTime } from '../../../components/format.ts';
import { ageBand, ageDays } from '../../../lib/queue/query-index.ts';
import { formatCount } from '../../../lib/plural.ts';

/** "12 days" or "5 h" from `created` to `now`. */
export function ageText(created: number, now: number): string {
  if (!created) return '—';
  const days = ageDays(created, now);
  if (days >= 1) return `${formatCount(days)} ${days === 1 ? 'day' : 'days'}`;
  const hours = Math.floor((now - created) / 3_600_000);
  return hours >= 1 ? `${hours} h` : 'just now';
}

const MARK = { month: 'over 30 days', week: 'over 7 days' } as const;

/** Styles for Age, given once by the element that holds many of them (the table) or one (the summary). */
export const ageStyles = {
  '& .age-mark': { display: 'block', fontSize: '0.75rem', fontWeight: 600 },
  '& .age-mark::before': { content: '"● "' },
  '& [data-age="month"] .age-mark': { color: 'var(--mui-palette-error-main)' },
  '& [data-age="week"] .age-mark': { color: 'var(--mui-palette-warning-dark)' },
  '& [data-due="overdue"], & [data-due="urgent"]': { color: 'var(--mui-palette-error-main)' },
  '& [data-due="soon"]': { color: 'var(--mui-palette-warning-dark)' },
  '& [data-due="later"]': { color: 'var(--mui-palette-text-secondary)', fontWeight: 400 },
} as const;

/**
 * An item's age; past 7 and past 30 days it is marked with a colour and says so in words ("over 30 days"), so the
 * mark does not rest on colour alone. Plain elements styled by `ageStyles` on a parent: a table renders thousands.
 */
export const Age = memo(function Age({
  created,
  due = 0,
  expires = false,
  now,
}: {
  created: number;
  due?: number;
  /** The due date is when it expires ("expires in 3 days"). */
  expires?: boolean;
  now: number;
}) {
  const band = ageBand(created, now);
  return (
    <span title={created ? formatDateTime(created) : undefined} data-age={band}>
      {ageText(created, now)}
      {(band === 'month' || band === 'week') && <span className="age-mark">{MARK[band]}</span>}
      {due > 0 && <Due due={due} expires={expires} now={now} />}
    </span>
  );
});

function Due({ due, expires, now }: { due: number; expires: boolean; now: number }) {
  const { text, urgency } = dueText(due, now, expires);
  return (
    <span className="age-mark" data-due={urgency} title={formatDateTime(due)}>
      {text}
    </span>
  );
}

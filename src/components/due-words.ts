// A due or expiry date in words, the same on every row and page that shows one.
import { formatCount } from '../lib/plural.ts';

/** "in 3 days", "in 5 h", "in under an hour". */
function inTime(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  if (days >= 1) return `in ${formatCount(days)} ${days === 1 ? 'day' : 'days'}`;
  const hours = Math.floor(ms / 3_600_000);
  return hours >= 1 ? `in ${hours} h` : 'in under an hour';
}

/** A due date in words: "due in 3 days", "overdue 2 days", "expires in 5 h"; its colour says how near, never alone. */
export function dueText(due: number, now: number, expires: boolean): { text: string; urgency: string } {
  const left = due - now;
  const urgency = left < 0 ? 'overdue' : left <= 86_400_000 ? 'urgent' : left <= 7 * 86_400_000 ? 'soon' : 'later';
  if (left < 0) {
    if (expires) return { text: 'expired', urgency };
    const days = Math.max(1, Math.floor(-left / 86_400_000));
    return { text: `overdue ${days} ${days === 1 ? 'day' : 'days'}`, urgency };
  }
  return { text: `${expires ? 'expires' : 'due'} ${inTime(left)}`, urgency };
}

// Date formatting with the platform's Intl: no date library in the bundle.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();
function relativeFormatter(locale?: string) {
  const key = locale ?? '';
  let f = relativeFormatters.get(key);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormatters.set(key, f);
  }
  return f;
}

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "3 days ago", "in 2 hours", "now"; '' for a missing or unparsable date. */
export function formatRelative(
  value: string | number | Date | null | undefined,
  now: number = Date.now(),
  locale?: string,
): string {
  const date = toDate(value);
  if (!date) return '';
  const seconds = Math.round((date.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return relativeFormatter(locale).format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (abs >= size * 0.9 || unit === 'second') {
      return relativeFormatter(locale).format(Math.round(seconds / size), unit);
    }
  }
  return '';
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The exact time, in the user's locale and time zone; '' when missing. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  const date = toDate(value);
  return date ? dateTimeFormat.format(date) : '';
}

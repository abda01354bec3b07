import { formatDateTime, formatRelative } from './format.ts';

/** "3 days ago", with the exact time on hover (title) and for machines (<time dateTime>). */
export function RelativeTime({ value }: { value: string | null | undefined }) {
  const relative = formatRelative(value);
  if (!relative || !value) return <span aria-label="unknown">—</span>;
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {relative}
    </time>
  );
}

// The history's CSV: one line per item of any kind, every column, ids included, dates in ISO 8601; the kind, for
// whom, ISC's state name and the outcome in words, and the reviewer's comment in its own column. The file is named
// after what it holds ("completed-access-requests-q-okta-2025-06-30.csv"), so two exports never look alike.
import type { CsvValue } from '../../../lib/csv.ts';
import type { InboxKind } from '../../../lib/kinds/kind.ts';
import type { QueueFilter } from '../../../lib/queue/query-index.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';

const iso = (t: number) => (t ? new Date(t).toISOString() : '');

export const HISTORY_CSV_HEADER = [
  'Kind',
  'ID',
  'Name',
  'Description',
  'Type',
  'Requester',
  'Requested for',
  'Created',
  'Completed',
  'Items',
  'Final state',
  'Outcome',
  'Decided by',
  'Comment',
] as const;

export function historyCsvRows(rows: readonly QueueRow[], kinds: readonly InboxKind[]): CsvValue[][] {
  const nounOf = new Map(kinds.map((k) => [k.name, k.nouns.one] as const));
  return rows.map((r) => [
    nounOf.get(r.kind) ?? r.kind,
    r.id,
    r.name,
    r.description,
    r.typeLabel,
    r.requester,
    r.requestedFor,
    iso(r.created),
    iso(r.completed),
    r.itemCount,
    r.state,
    r.stateLabel || r.state,
    r.decidedBy ?? '',
    r.comment ?? '',
  ]);
}

/** A file-name-safe word: lower case, letters and digits, dashes between, at most 40 characters. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** "completed-all-2025-06-30.csv", or what the filter holds: "completed-access-requests-older-30-days-q-okta-…". */
export function historyCsvName(filter: QueueFilter, kinds: readonly InboxKind[], day: string): string {
  const parts: string[] = [];
  const kind = kinds.find((k) => k.name === filter.kind);
  if (kind) parts.push(slug(kind.nouns.many));
  for (const value of [filter.type, filter.application, filter.requester, ...Object.values(filter.facets ?? {})]) {
    if (value) parts.push(slug(value));
  }
  if (filter.age) parts.push(`older-${filter.age}-days`);
  if (filter.q.trim()) parts.push(`q-${slug(filter.q)}`);
  return `completed-${parts.filter(Boolean).join('-') || 'all'}-${day}.csv`;
}

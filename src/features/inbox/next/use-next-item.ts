// "Next item" (the button and `n`): the item after this one in the list the user came from — in its order and
// filter, across kinds — read from the same cached queues and the same index as the list. When this item has left
// the list (decided here), the next one is the row now at its place.
import { useMemo, useState } from 'react';
import { useKinds } from '../../../lib/kinds/context.ts';
import type { InboxKind } from '../../../lib/kinds/kind.ts';
import { listUrlFor, readListPosition } from '../../../lib/list-position.ts';
import { isCompletedPath } from '../../../lib/paths.ts';
import { useQueueBound } from '../../../lib/queue/bound.ts';
import { matchRows, sortRows } from '../../../lib/queue/query-index.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import { readListParams } from '../list/list-params.ts';
import { useKindQueues } from '../list/use-queue-list.ts';

export interface NextItem {
  row: QueueRow;
  kind: InboxKind;
  /** Its place in the list. */
  index: number;
}

export function useNextItem(currentId: string, ownerId: string | undefined): { next?: NextItem; loading: boolean } {
  const kinds = useKinds();
  const [bound] = useQueueBound();
  const [listUrl] = useState(() => listUrlFor(ownerId));
  const url = new URL(listUrl, 'http://x');
  const variant = isCompletedPath(url.pathname) ? 'completed' : 'pending';
  const search = url.search;
  const [now] = useState(() => Date.now());
  const { data } = useKindQueues(kinds, variant, ownerId, bound);
  const rows = useMemo(() => {
    if (!data) return undefined;
    const query = new URLSearchParams(search);
    const { sort, ...filter } = readListParams(query, variant, kinds);
    const sorted = sortRows(data.rows, data.total > data.target ? 'server' : sort);
    return matchRows(sorted, { ...filter, q: query.get('q') ?? '' }, now).rows;
  }, [data, search, variant, kinds, now]);
  if (!rows) return { loading: true };
  const at = rows.findIndex((r) => r.id === currentId);
  const index = at >= 0 ? at + 1 : Math.min(readListPosition(listUrl)?.index ?? 0, rows.length - 1);
  const row = rows[index];
  const kind = row && kinds.find((k) => k.name === row.kind);
  return { next: row && kind && row.id !== currentId ? { row, kind, index } : undefined, loading: false };
}

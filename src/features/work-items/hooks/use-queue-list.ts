import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ApiError } from '../../../lib/http.ts';
import { rememberOwner, useOwnerId } from '../../../lib/owner.ts';
import { useQueueBound } from '../../../lib/queue/bound.ts';
import { facetsOf, filterRows, isFiltered, sortRows, type QueueFilter } from '../../../lib/queue/query-index.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import type { QueueData } from '../../../lib/queue/stream.ts';
import { useUrlText } from '../../../lib/use-update-search.ts';
import { mergeQueues } from '../../../lib/queue/merge.ts';
import { completedAccessRequestsQueueQueryOptions } from '../../access-requests/api/list-completed-access-requests.ts';
import { pendingAccessRequestsQueueQueryOptions } from '../../access-requests/api/list-pending-access-requests.ts';
import { completedWorkItemsQueueQueryOptions } from '../api/get-completed-work-items.ts';
import { workItemsQueueQueryOptions } from '../api/list-work-items.ts';
import { useListParams, type ListVariant } from './list-params.ts';

const NO_ROWS: QueueRow[] = [];
const STREAM_INDEX_MS = 400;
const queueOptions = { pending: workItemsQueueQueryOptions, completed: completedWorkItemsQueueQueryOptions };
const accessRequestQueueOptions = {
  pending: pendingAccessRequestsQueueQueryOptions,
  completed: completedAccessRequestsQueueQueryOptions,
};

/** `value`, but a new one at most every `ms` (the latest wins); at once while `now` is true. */
function useThrottled<T>(value: T, ms: number, now: boolean): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  if (now && shown !== value) setShown(value);
  useEffect(() => {
    if (now || shown === value) return;
    const timer = setTimeout(
      () => {
        last.current = Date.now();
        setShown(value);
      },
      Math.max(0, last.current + ms - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [value, ms, now, shown]);
  return now ? value : shown;
}

/** "Now" for ages and the age filter, moving once a minute (not per render: the index would re-filter). */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * A list page's state: the owner viewed, the whole list (pending or completed) streamed into the index, the URL's
 * filters and sort, the typed search, and what of it all is shown. Above the bound the list is in the server's
 * order (the first `bound` items, newest first): sorting the part loaded would pretend to know the rest.
 */
export function useQueueList(variant: ListVariant) {
  const ownerId = useOwnerId();
  const [bound, setBound] = useQueueBound();
  const [params, setParams] = useListParams(variant);
  const [search, setSearch] = useUrlText('q');
  // Both kinds, each from its own API, as one list (src/lib/queue/merge.ts).
  const workItems = useQuery(queueOptions[variant]({ ownerId, bound }));
  const accessRequests = useQuery(accessRequestQueueOptions[variant]({ ownerId, bound }));
  const wiFailed = workItems.isError && !workItems.isFetching;
  const arFailed = accessRequests.isError && !accessRequests.isFetching;
  const data: QueueData | undefined = useMemo(
    () =>
      mergeQueues([
        { data: workItems.data, failed: wiFailed },
        { data: accessRequests.data, failed: arFailed },
      ]),
    [workItems.data, accessRequests.data, wiFailed, arFailed],
  );
  const { refetch: refetchWorkItems } = workItems;
  const { refetch: refetchAccessRequests } = accessRequests;
  const query = {
    isError: workItems.isError || accessRequests.isError,
    error: (workItems.error ?? accessRequests.error) as ApiError | null,
    isFetching: workItems.isFetching || accessRequests.isFetching,
    refetch: () => Promise.all([refetchWorkItems(), refetchAccessRequests()]),
  };
  // While the rest streams in, the index follows at most every STREAM_INDEX_MS (not once per page of 250: each
  // update sorts and counts everything loaded so far) and at low priority: requests, typing and scrolling stay
  // ahead of it. The first page and the complete list go in at once.
  const streamed = useThrottled(data?.rows ?? NO_ROWS, STREAM_INDEX_MS, !data || data.complete || data.received <= 250);
  const rows = useDeferredValue(streamed);
  const serverOrder = !!data && data.total > data.target;
  const sort = serverOrder ? 'server' : params.sort;
  const now = useMinute();
  // Typing paints the box at once; the filtered rows follow in a render React may interrupt for the next key.
  const typed = useDeferredValue(search);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const { type, application, requester, age, kind } = params;
  const filter: QueueFilter = useMemo(
    () => ({ q: typed, type, application, requester, age, kind }),
    [typed, type, application, requester, age, kind],
  );
  const visible = useMemo(() => filterRows(sorted, filter, now), [sorted, filter, now]);
  const facets = useMemo(() => facetsOf(rows), [rows]);

  // An admin viewing another owner: the owner's name, learnt from their items, for the picker and the banner.
  const ownerName = rows.find((r) => r.ownerName)?.ownerName;
  useEffect(() => {
    if (ownerId && ownerName) rememberOwner(ownerId, ownerName);
  }, [ownerId, ownerName]);

  // the benchmark's mark: the whole list is in the index (the deferred rows caught up)
  const indexed = !!data?.complete && rows === data.rows;
  useEffect(() => {
    if (indexed) performance.mark(`${variant}-queue-loaded`);
  }, [indexed, variant]);

  return {
    ownerId,
    variant,
    query,
    data,
    rows,
    visible,
    facets,
    now,
    params,
    setParams,
    search,
    setSearch,
    /** The search the rows shown were filtered with (it trails `search` by a render while typing). */
    appliedSearch: typed,
    filtered: isFiltered(filter),
    bound,
    setBound,
    /** More items than the bound: the first `bound` in the server's order. */
    serverOrder,
    sort,
  };
}

export type QueueList = ReturnType<typeof useQueueList>;

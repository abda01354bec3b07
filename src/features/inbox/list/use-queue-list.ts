import { useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { heldRequests, onHeldChange, takenSince } from '../../../lib/held.ts';
import type { ApiError } from '../../../lib/http.ts';
import { useKinds } from '../../../lib/kinds/context.ts';
import type { InboxKind } from '../../../lib/kinds/kind.ts';
import { rememberOwner, useOwnerId } from '../../../lib/owner.ts';
import { useQueueBound } from '../../../lib/queue/bound.ts';
import { mergeQueues, type QueuePart } from '../../../lib/queue/merge.ts';
import { facetsOf, isFiltered, matchRows, sortRows, type QueueFilter } from '../../../lib/queue/query-index.ts';
import type { QueueRow } from '../../../lib/queue/row.ts';
import type { QueueData } from '../../../lib/queue/stream.ts';
import { useQueryList } from '../../../lib/use-query-list.ts';
import { useUrlText } from '../../../lib/use-update-search.ts';
import { useHeldArrivals } from './held-arrivals.ts';
import { useListParams, type ListVariant } from './list-params.ts';

const NO_ROWS: QueueRow[] = [];
const STREAM_INDEX_MS = 400;

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

/** A number per object, to key a memo on which objects a list holds. */
const ids = new WeakMap<object, number>();
let lastId = 0;
const idOf = (value: object | undefined) => {
  if (!value) return 0;
  let id = ids.get(value);
  if (!id) ids.set(value, (id = ++lastId));
  return id;
};

/** The kinds' queues as one, a new object only when some kind's data or failure changed. */
function useMerged(parts: QueuePart[]): QueueData | undefined {
  const key = parts.map((p) => `${idOf(p.data)}:${p.failed}`).join();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the parts
  return useMemo(() => mergeQueues(parts), [key]);
}

/** The whole queues of every kind, for one owner and list (pending or completed), merged. */
export function useKindQueues(
  kinds: readonly InboxKind[],
  variant: ListVariant,
  ownerId: string | undefined,
  bound: number,
) {
  const queries = useQueryList(kinds.map((k) => k.queue[variant]({ ownerId, bound })));
  const data = useMerged(
    kinds.map((k, i) => ({
      data: queries[i].data,
      failed: queries[i].isError && !queries[i].isFetching,
      precedence: k.sameAsPrecedence,
    })),
  );
  const failed = queries.find((q) => q.isError);
  return {
    data,
    query: {
      isError: !!failed,
      error: (failed?.error ?? null) as ApiError | null,
      isFetching: queries.some((q) => q.isFetching),
      refetch: () => Promise.all(queries.map((q) => q.refetch())),
    },
  };
}

/**
 * The rows a list shows: without the items a held or unanswered decision decides whole, nor those the server took
 * a decision on after these rows were asked for (a refetch still has them, as pending). A decision never seems to
 * come undone: the row stays away until rows asked for after the answer arrive. The outbox notes what it took
 * before its listeners hear of it, so `held` changing is when `takenSince` may answer otherwise.
 */
function useWithoutDecided(
  rows: readonly QueueRow[],
  askedAt: Readonly<Record<string, number>> | undefined,
): readonly QueueRow[] {
  const held = useSyncExternalStore(onHeldChange, heldRequests, heldRequests);
  return useMemo(() => {
    const whole = new Set(held.filter((r) => !r.subItemId).map((r) => r.itemId));
    const gone = (r: QueueRow) => whole.has(r.id) || takenSince(r.id, askedAt?.[r.kind]);
    return rows.some(gone) ? rows.filter((r) => !gone(r)) : rows;
  }, [rows, held, askedAt]);
}

/**
 * A list page's state: the owner viewed, every registered kind's whole list (pending or completed) streamed into
 * one index, the URL's filters and sort, the typed search, and what of it all is shown. Above the bound the list is
 * in the server's order (the first `bound` items, newest first): sorting the part loaded would pretend to know the
 * rest.
 */
export function useQueueList(variant: ListVariant) {
  const kinds = useKinds();
  const ownerId = useOwnerId();
  const [bound, setBound] = useQueueBound();
  const [params, setParams] = useListParams(variant, kinds);
  const [search, setSearch] = useUrlText('q');
  const { data, query } = useKindQueues(kinds, variant, ownerId, bound);
  // While the rest streams in, the index follows at most every STREAM_INDEX_MS (not once per page of 250: each
  // update sorts and counts everything loaded so far) and at low priority: requests, typing and scrolling stay
  // ahead of it. The first page and the complete list go in at once.
  // (rows and when they were asked for go together: a decision is judged against the rows it may be missing from)
  const loaded = useMemo(() => ({ rows: data?.rows ?? NO_ROWS, askedAt: data?.askedAtByKind }), [data]);
  const throttled = useThrottled(loaded, STREAM_INDEX_MS, !data || data.complete || data.received <= 250);
  const deferred = useDeferredValue(throttled);
  // The first rows render at once, not in a deferred render: that one yields to every streamed page arriving
  // meanwhile and starts over after each, so the list would show only once the stream paused.
  const streamed = deferred.rows.length === 0 ? throttled : deferred;
  const rows = useWithoutDecided(streamed.rows, streamed.askedAt);
  const serverOrder = !!data && data.total > data.target;
  const sort = serverOrder ? 'server' : params.sort;
  const now = useMinute();
  // Typing paints the box at once; the filtered rows follow in a render React may interrupt for the next key.
  const typed = useDeferredValue(search);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const { type, application, requester, age, due, kind, facets: chosen } = params;
  const filter: QueueFilter = useMemo(
    () => ({ q: typed, type, application, requester, age, due, kind, facets: chosen }),
    [typed, type, application, requester, age, due, kind, chosen],
  );
  const matches = useMemo(() => matchRows(sorted, filter, now), [sorted, filter, now]);
  const arrivals = useHeldArrivals(
    matches.rows,
    useMemo(() => ({ filter, sort }), [filter, sort]),
  );
  const facets = useMemo(() => facetsOf(rows), [rows]);

  // An admin viewing another owner: the owner's name, learnt from their items, for the picker and the banner.
  const ownerName = rows.find((r) => r.ownerName)?.ownerName;
  useEffect(() => {
    if (ownerId && ownerName) rememberOwner(ownerId, ownerName);
  }, [ownerId, ownerName]);

  // the benchmark's mark: the whole list is in the index (the deferred rows caught up)
  const indexed = !!data?.complete && streamed.rows === data.rows;
  // Rows the stream has that the list does not show yet (its deferred render is still to come): until then the
  // list is still loading, though every page is in. Fewer rows (a decision took some out) is not that.
  const catchingUp = !!data && streamed.rows.length < data.rows.length;
  useEffect(() => {
    if (indexed) performance.mark(`${variant}-queue-loaded`);
  }, [indexed, variant]);

  return {
    kinds,
    ownerId,
    variant,
    query,
    data,
    rows,
    /** Still loading: pages to come, or rows received that the list does not show yet. */
    loading: !!data && (!data.complete || catchingUp),
    visible: arrivals.rows,
    /** Rows that arrived above the row the user reads, held back until "show". */
    arrived: arrivals.arrived,
    showArrived: arrivals.showArrived,
    setAnchor: arrivals.setAnchor,
    /** Rows the filter matched only in part: which of their sub-items it matched. */
    partial: matches.partial,
    facets,
    now,
    params,
    setParams,
    search,
    setSearch,
    /** The search the rows shown were filtered with (it trails `search` by a render while typing). */
    appliedSearch: typed,
    filtered: isFiltered(filter),
    filter,
    bound,
    setBound,
    /** More items than the bound: the first `bound` in the server's order. */
    serverOrder,
    sort,
  };
}

export type QueueList = ReturnType<typeof useQueueList>;

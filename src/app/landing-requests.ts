import { hashKey, type QueryClient } from '@tanstack/react-query';
import { BOOTSTRAP_ELEMENT_ID, type Bootstrap } from '../../contract/bootstrap.ts';
import { sessionQueryOptions, type Session } from '../lib/session/session.ts';
import { workItemsQueueQueryOptions } from '../features/work-items/api/list-work-items.ts';
import { WORK_ITEMS_PAGE_SIZE, workItemRow } from '../features/work-items/api/queue-row.ts';
import { pendingAccessRequestsQueueQueryOptions } from '../features/access-requests/api/list-pending-access-requests.ts';
import { ACCESS_REQUESTS_PAGE_SIZE } from '../features/access-requests/api/approvals-source.ts';
import { approvalRow } from '../features/access-requests/api/queue-row.ts';
import {
  GENERIC_APPROVALS_PAGE_SIZE,
  pendingGenericApprovalsQueueQueryOptions,
} from '../features/generic-approvals/api/list-generic-approvals.ts';
import { approvalRow as genericApprovalRow } from '../features/generic-approvals/api/queue-row.ts';
import type { QueueRow } from '../lib/queue/row.ts';
import type { InboxKind } from '../lib/kinds/kind.ts';
import { readQueueBound } from '../lib/queue/bound.ts';
import { isInboxPath } from '../lib/paths.ts';
import { readStored, removeStored, writeStored } from '../lib/storage.ts';

// Whether this browser had a session last time: a hint (the token itself is in an HttpOnly cookie), so that the
// inbox's own requests can start together with the session check instead of after it — the difference between
// three round trips in a row and one, measured by the benchmark's "first rows" figure.
// (Storage unavailable, e.g. private mode: no head start, nothing else changes.)
const HINT = 'signed-in';

const readHint = () => readStored('local', HINT) === '1';

function writeHint(signedIn: boolean) {
  if (signedIn) writeStored('local', HINT, '1');
  else removeStored('local', HINT);
}

/** The data the server embedded in the page (contract/bootstrap.ts), read once: undefined when there is none. */
export function readBootstrap(doc: Document = document): Bootstrap | undefined {
  const element = doc.getElementById(BOOTSTRAP_ELEMENT_ID);
  if (!element) return undefined;
  element.remove(); // once: a later navigation must never start from this moment's data again
  try {
    const value = JSON.parse(element.textContent ?? '') as Partial<Bootstrap> | null;
    return value && typeof value.session?.identityId === 'string' ? (value as Bootstrap) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Seeds the cache with the embedded session and each kind's first inbox page, marked stale: what is on screen at once is the
 * server's answer of a moment ago, and the queries ask again as soon as they mount (the list then replaces the
 * embedded rows; a session that has ended since sends the page to sign in, as it would have without the embed).
 */
export function seedFromBootstrap(queryClient: QueryClient, bootstrap: Bootstrap, bound: number): string[] {
  const session = sessionQueryOptions();
  queryClient.setQueryData(session.queryKey, bootstrap.session, { updatedAt: bootstrap.at });
  void queryClient.invalidateQueries({ queryKey: session.queryKey, refetchType: 'none' });
  const seeded: string[] = [];
  const seed = <T extends { id?: unknown }>(
    queryKey: readonly unknown[],
    page: { items: T[]; total: number } | undefined,
    pageSize: number,
    toRow: (item: T) => QueueRow,
  ) => {
    if (!page) return;
    const rows = page.items.filter((i) => i && typeof i.id === 'string').map(toRow);
    const target = Math.min(page.total, bound);
    // the first page of the stream, as streamQueue would have yielded it (the embed asked for a full page)
    const data = {
      rows,
      total: page.total,
      target,
      received: page.items.length,
      complete: target <= Math.min(pageSize, page.items.length),
    };
    queryClient.setQueryData(queryKey, data, { updatedAt: bootstrap.at });
    void queryClient.invalidateQueries({ queryKey, refetchType: 'none', exact: true });
    seeded.push(hashKey(queryKey));
  };
  const scope = { ownerId: undefined, bound };
  seed(workItemsQueueQueryOptions(scope).queryKey, bootstrap.workItems, WORK_ITEMS_PAGE_SIZE, workItemRow);
  seed(
    pendingAccessRequestsQueueQueryOptions(scope).queryKey,
    bootstrap.accessRequests,
    ACCESS_REQUESTS_PAGE_SIZE,
    (a) => approvalRow(a, false),
  );
  seed(
    pendingGenericApprovalsQueueQueryOptions(scope).queryKey,
    bootstrap.approvals,
    GENERIC_APPROVALS_PAGE_SIZE,
    (a) => genericApprovalRow(a),
  );
  return seeded;
}

/** Starts the requests the landing page needs at once, before React has rendered anything. */
export function startLandingRequests(
  queryClient: QueryClient,
  kinds: readonly InboxKind[],
  location: Location = window.location,
  bootstrap: Bootstrap | undefined = readBootstrap(),
) {
  const session = sessionQueryOptions();
  const sessionHash = hashKey(session.queryKey);
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.query.queryHash !== sessionHash) return;
    const data = event.query.state.data as Session | null | undefined;
    if (data !== undefined) writeHint(data !== null);
  });
  const bound = readQueueBound();
  let seeded: string[] = [];
  if (bootstrap) {
    // signed in a moment ago, by the server's word: the inbox renders from the embed while these run
    seeded = seedFromBootstrap(queryClient, bootstrap, bound);
    writeHint(true);
  } else {
    void queryClient.prefetchQuery(session);
  }

  if (!(bootstrap || readHint()) || !isInboxPath(location.pathname)) return;
  const search = new URLSearchParams(location.search);
  const ownerId = search.get('ownerId') || undefined;
  // every kind's whole queue: its first page is the first request, the rest follows (the first pages the server
  // embedded in the page are refetched on mount); and every kind's counts (the nav's badge, the summary)
  for (const kind of kinds) {
    const queue = kind.queue.pending({ ownerId, bound });
    if (ownerId || !seeded.includes(hashKey(queue.queryKey))) void queryClient.prefetchQuery(queue);
    void queryClient.prefetchQuery(kind.counts({ ownerId }));
  }
}

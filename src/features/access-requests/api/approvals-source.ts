// The sources that page through the two access-request lists. How an approval becomes a row is its own chunk
// (queue-row.ts), fetched with the first page: the inbox's first load does not carry it.
import type { CompletedApproval, PendingApproval } from '../../../../contract/access-requests.ts';
import type { Collection } from '../../../lib/http.ts';
import type { QueueSource } from '../../../lib/queue/row.ts';
import { ACCESS_REQUEST_KIND } from './keys.ts';

/** The spec's lists allow up to 250 a page. */
export const ACCESS_REQUESTS_PAGE_SIZE = 250;

/** A queue source over one of the two list calls (pending or completed) of one owner. */
export function approvalsSource<T extends PendingApproval | CompletedApproval>(
  list: (
    scope: { ownerId?: string | null; limit: number; offset: number },
    signal?: AbortSignal,
  ) => Promise<Collection<T>>,
  ownerId: string | null | undefined,
  completed: boolean,
): QueueSource {
  return {
    kind: ACCESS_REQUEST_KIND,
    pageSize: ACCESS_REQUESTS_PAGE_SIZE,
    async fetchPage({ offset, limit, signal }) {
      const [page, { approvalRow }] = await Promise.all([
        list({ ownerId, limit, offset }, signal),
        import('./queue-row.ts'),
      ]);
      return {
        rows: page.items.filter((a) => a && typeof a.id === 'string').map((a) => approvalRow(a, completed)),
        total: page.total,
        offset,
      };
    },
  };
}

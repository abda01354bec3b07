// The work queue's rows: one compact, kind-neutral shape for everything the inbox lists. Each kind of approval
// (today ISC's work items; access-request approvals can join) brings an adapter that turns one API payload into a
// row and a source that pages through its API. The list, its index and the bulk runner only know rows, so a
// 10,000-item queue holds 10,000 small rows, never the full payloads (the detail page fetches those by id).

/** What may be done with a row, answered by its kind's rules when the row is built. */
export interface QueueActions {
  /** Approve / reject (all of its pending approval items). */
  decide: boolean;
  /** Mark complete. */
  complete: boolean;
  /** Hand it to someone else. */
  forward: boolean;
  /** Rejecting it needs a comment (an access request's `commentRequiredWhenRejected`). */
  rejectNeedsComment?: boolean;
}

export interface QueueRow {
  /** Which adapter built it, e.g. 'work-item'. */
  kind: string;
  id: string;
  name: string;
  description: string;
  requester: string;
  requestedFor: string;
  /** The API's type value (the type filter's key) and how it reads. */
  type: string;
  typeLabel: string;
  /** Epoch milliseconds; 0 when unknown. */
  created: number;
  completed: number;
  state: string;
  /** The state in words ("Approved", "Partly approved"), when the kind has them; `state` is shown otherwise. */
  stateLabel?: string;
  /** Sub-items still waiting for a decision, and all sub-items. */
  pendingCount: number;
  itemCount: number;
  /** Distinct application names, at most MAX_APPLICATIONS. */
  applications: readonly string[];
  ownerId: string;
  ownerName: string;
  actions: QueueActions;
  /** Lower-cased text the search box looks in, at most SEARCH_TEXT_LIMIT characters. */
  search: string;
}

/** One page of a source, already mapped to rows; `total` is the API's count of the whole list. */
export interface QueuePage {
  rows: QueueRow[];
  total: number;
  offset: number;
}

/** How the loader pages through one kind's API. */
export interface QueueSource {
  kind: string;
  /** The largest page the API allows (ISC: 250). */
  pageSize: number;
  fetchPage(request: { offset: number; limit: number; signal?: AbortSignal }): Promise<QueuePage>;
}

/** A work item with 5,000 approval items must not make its row 5,000 times bigger: the search text is capped. */
export const SEARCH_TEXT_LIMIT = 2_000;
export const MAX_APPLICATIONS = 20;

/** The search text of a row: the parts that have text, lower-cased, joined, cut at `limit` characters. */
export function searchText(parts: readonly (string | null | undefined)[], limit = SEARCH_TEXT_LIMIT): string {
  let out = '';
  for (const part of parts) {
    if (!part) continue;
    out += (out ? '\n' : '') + part.toLowerCase();
    if (out.length >= limit) return out.slice(0, limit);
  }
  return out;
}

/** Epoch milliseconds of an ISO date, 0 when missing or unreadable. */
export function timeOf(iso: string | null | undefined): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? 0 : t;
}

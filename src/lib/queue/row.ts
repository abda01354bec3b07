// The work queue's rows: one compact, kind-neutral shape for everything the inbox lists. Each kind of approval
// (src/lib/kinds/kind.ts) brings an adapter that turns one API payload into a row and a source that pages through
// its API. The list, its index and the bulk runner only know rows, so a 10,000-item queue holds 10,000 small rows,
// never the full payloads (the detail page fetches those by id).

/**
 * A part of a row decided on its own (a work item's pending approval item): what a search or the application
 * filter can match inside the row, so that a bulk decision decides exactly what matched.
 */
export interface QueueSubItem {
  id: string;
  application: string;
  /** Where its text is in the row's `search`: [start, end). */
  start: number;
  end: number;
}

export interface QueueRow {
  /** Which kind built it (InboxKind.name, src/app/kinds.ts). */
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
  /** When it must be decided by (epoch ms); 0 when the kind has no due dates or this one has none. */
  due: number;
  /** Its due date is when it expires (ends by itself, as its API decides), not only a deadline. */
  expires?: boolean;
  /** How urgent: 3 high, 2 medium, 1 low; absent when its kind has no priorities. */
  priority?: number;
  /**
   * What it is, when another kind's API may list the same thing (an ISC access request's approval, in the legacy
   * API and in the Approvals service): rows with the same key are listed once (see lib/queue/merge.ts).
   */
  sameAs?: string;
  /** Who decided a completed one ("Bob Approver"; several joined). */
  decidedBy?: string;
  state: string;
  /** The state in words ("Approved", "Partly approved"), when the kind has them; `state` is shown otherwise. */
  stateLabel?: string;
  /** The reviewer's comment on a decided item (the history's Comment column). */
  comment?: string;
  /** Sub-items still waiting for a decision, and all sub-items. */
  pendingCount: number;
  itemCount: number;
  /** Said instead of a count when the row has no sub-items to count ("Form"). */
  countLabel?: string;
  /** Distinct application names, at most MAX_APPLICATIONS. */
  applications: readonly string[];
  ownerId: string;
  ownerName: string;
  /** Which of its kind's actions apply (by action name), answered by the kind's rules when the row is built. */
  can: Readonly<Record<string, boolean>>;
  /** Actions that need a comment for this row (an access request's `commentRequiredWhenRejected`: 'reject'). */
  needsComment?: readonly string[];
  /** The values of the kind's own filters (KindFacet.name → value). */
  facets?: Readonly<Record<string, string>>;
  /** Lower-cased text the search box looks in: the row's own text, then its sub-items' (`subItems`). */
  search: string;
  /** Where the row's own text ends in `search` (a term found before it matches the whole row). */
  ownEnd: number;
  /** Its pending sub-items, when it has more than one. */
  subItems?: readonly QueueSubItem[];
  /** Whom its last hand-over (forward, reassignment, delegation) came from, when its API says (an id when known). */
  handedOverBy?: { id?: string; name: string };
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

/**
 * QueueRow.sameAs of the approval of one item of an ISC access request (a request for several items has one
 * approval per item), whichever API lists it: the access request's id and the requested item's id.
 */
export function sameAccessRequest(accessRequestId: string, itemId: string | null | undefined): string {
  return `access-request:${accessRequestId}:${itemId ?? ''}`;
}

/** The row's own text is capped: a 6,000-character description must not make every row big. */
export const SEARCH_TEXT_LIMIT = 2_000;
export const MAX_APPLICATIONS = 20;

/** The parts that have text, lower-cased, joined, cut at `limit` characters. */
export function searchText(parts: readonly (string | null | undefined)[], limit = SEARCH_TEXT_LIMIT): string {
  // joined once, not added to piece by piece: `+=` leaves a tree of string halves that each row would keep
  // (tens of them a row, most of a row's heap) until a search happens to flatten it
  const texts: string[] = [];
  let length = -1;
  for (const part of parts) {
    if (!part) continue;
    const text = part.toLowerCase();
    texts.push(text);
    length += 1 + text.length;
    if (length >= limit) break;
  }
  const out = texts.join('\n');
  return out.length > limit ? out.slice(0, limit) : out;
}

/**
 * A row's search text and sub-items: its own parts (capped), then each pending sub-item's parts — every one of
 * them, uncapped: a search must find the 11 of 500 approval items that mention it, and say which.
 */
export function searchWithSubItems(
  own: readonly (string | null | undefined)[],
  subItems: readonly { id: string; application: string; parts: readonly (string | null | undefined)[] }[],
): Pick<QueueRow, 'search' | 'ownEnd' | 'subItems'> {
  const ownText = searchText(own);
  const texts = [ownText];
  let length = ownText.length;
  const located: QueueSubItem[] = [];
  for (const sub of subItems) {
    const text = searchText([sub.application, ...sub.parts], Infinity);
    const start = length + 1;
    length = start + text.length;
    texts.push(text);
    located.push({ id: sub.id, application: sub.application, start, end: length });
  }
  // one flat string (see searchText)
  const search = texts.length > 1 ? texts.join('\n') : ownText;
  return { search, ownEnd: ownText.length, subItems: located.length > 1 ? located : undefined };
}

/** Epoch milliseconds of an ISO date, 0 when missing or unreadable. */
export function timeOf(iso: string | null | undefined): number {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? 0 : t;
}

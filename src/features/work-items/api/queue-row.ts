// The work-item kind of the queue: how one v3 WorkItem becomes a compact QueueRow, and the sources that page
// through the pending and completed lists. The full payload is dropped once mapped (a 5,000-approval-item work
// item yields one small row with a capped search text); the detail page fetches the item itself by id.
import type { WorkItem } from '../../../../contract/work-items.ts';
import type { Collection } from '../../../lib/http.ts';
import {
  MAX_APPLICATIONS,
  searchWithSubItems,
  timeOf,
  type QueueRow,
  type QueueSource,
} from '../../../lib/queue/row.ts';
import {
  approvalDecisions,
  isCompletable,
  isDecidable,
  isForwardable,
  isPendingApprovalItem,
  typeLabel,
  workItemStateLabel,
} from '../rules.ts';

export const WORK_ITEM_KIND = 'work-item';
/** How much of a name or description goes into the search text. */
const DESCRIPTION_PART = 500;
/** v3 list endpoints allow up to 250 a page. */
export const WORK_ITEMS_PAGE_SIZE = 250;

function distinct(values: (string | null | undefined)[], max: number): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (v) out.add(v);
    if (out.size >= max) break;
  }
  return [...out];
}

/**
 * For whom a work item is: a remediation's target, a form's target user; v3 names no one on an approval, whose
 * name says it ("Access request: 3 items for Marcus Chen").
 */
export function requestedForOf(item: WorkItem): string {
  const remediation = (item.remediationItems ?? []).find((r) => !!r);
  return remediation?.targetDisplayName || item.form?.targetUser || /\bfor ([^:]+)$/.exec(item.name ?? '')?.[1] || '';
}

export function workItemRow(item: WorkItem): QueueRow {
  const approvals = (item.approvalItems ?? []).filter((a) => !!a);
  const remediation = (item.remediationItems ?? []).filter((r) => !!r);
  const applications = distinct(
    [...approvals.map((a) => a.application), ...remediation.map((r) => r.applicationName)],
    MAX_APPLICATIONS,
  );
  const requestedFor = requestedForOf(item);
  const label = typeLabel(item.type);
  const pending = approvals.filter(isPendingApprovalItem);
  // The short listed fields first (a 6,000-character description must not push the id out), then the start of
  // the description, the decided approval items and the remediation items (all of it matches the whole row), then
  // each pending approval item on its own, so that a search can say which of them it matched.
  const own: (string | null | undefined)[] = [
    item.name?.slice(0, DESCRIPTION_PART),
    item.requesterDisplayName,
    requestedFor,
    item.id,
    label,
    item.description?.slice(0, DESCRIPTION_PART),
  ];
  for (const a of approvals) if (!isPendingApprovalItem(a)) own.push(a.application, a.account, a.name, a.value);
  for (const r of remediation) {
    own.push(r.applicationName, r.nativeIdentity, r.attributeName, r.attributeValue, r.targetDisplayName);
  }
  const text = searchWithSubItems(
    own,
    pending.map((a, i) => ({
      id: a.id ?? String(i),
      application: a.application ?? '',
      parts: [a.account, a.name, a.value],
    })),
  );
  const decidable = isDecidable(item);
  const handover = item.forwardHistory?.[item.forwardHistory.length - 1];
  return {
    kind: WORK_ITEM_KIND,
    id: item.id,
    name: item.name || item.description || item.id,
    description: item.description ?? '',
    requester: item.requesterDisplayName ?? '',
    requestedFor,
    type: item.type ?? '',
    typeLabel: label,
    created: timeOf(item.created),
    completed: timeOf(item.completed),
    due: 0,
    state: item.state ?? '',
    stateLabel: workItemStateLabel(item.state, approvalDecisions(approvals)),
    pendingCount: pending.length,
    itemCount: typeof item.numItems === 'number' ? item.numItems : approvals.length + remediation.length,
    countLabel: item.form && !approvals.length && !remediation.length ? 'Form' : undefined,
    applications,
    ownerId: item.ownerId ?? '',
    ownerName: item.ownerName ?? '',
    can: {
      approve: decidable,
      reject: decidable,
      complete: isCompletable(item),
      forward: isForwardable(item),
    },
    ...text,
    handedOverBy: handover?.fromName ? { id: handover.fromId || undefined, name: handover.fromName } : undefined,
  };
}

/** A queue source over one of the two v3 list calls (pending or completed) of one owner. */
export function workItemsSource(
  list: (
    scope: { ownerId?: string | null; limit: number; offset: number },
    signal?: AbortSignal,
  ) => Promise<Collection<WorkItem>>,
  ownerId: string | null | undefined,
): QueueSource {
  return {
    kind: WORK_ITEM_KIND,
    pageSize: WORK_ITEMS_PAGE_SIZE,
    async fetchPage({ offset, limit, signal }) {
      const page = await list({ ownerId, limit, offset }, signal);
      return {
        rows: page.items.filter((i) => i && typeof i.id === 'string').map(workItemRow),
        total: page.total,
        offset,
      };
    },
  };
}

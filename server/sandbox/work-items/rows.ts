// The sandbox's tables as rows, and the one mapping from rows to the API's WorkItem.
import type {
  ApprovalItemDetails,
  ForwardHistoryEntry,
  FormDetails,
  RemediationItemDetails,
  WorkItem,
  WorkItemState,
  WorkItemType,
} from '../../../contract/work-items.ts';
import { identityById } from '../identities.ts';

export interface WorkItemRow {
  id: string;
  owner_id: string;
  requester_id: string | null;
  type: string;
  state: string;
  name: string | null;
  description: string | null;
  created: string;
  modified: string | null;
  completed: string | null;
  form: string | null;
  form_submitted: number;
  remediation_items: string | null;
  errors: string | null;
}

export interface ApprovalItemRow {
  id: string;
  work_item_id: string;
  application: string | null;
  account: string | null;
  name: string | null;
  operation: string | null;
  value: string | null;
  state: string;
}

export interface ForwardRow {
  work_item_id: string;
  from_id: string;
  to_id: string;
  by_id: string;
  comment: string;
  forwarded: string;
  /** Null for a forward by hand (and in a database made before the column). */
  reassignment_type?: 'AUTOMATIC_REASSIGNMENT' | null;
}

// Pages read their rows as arrays (better-sqlite3's raw mode) in these column orders: building each row as an
// object with named properties in the driver took about three times as long as reading the values.

/** The columns a page selects from work_items, in the order workItemRow reads them. */
export const WORK_ITEM_COLUMNS =
  'id, owner_id, requester_id, type, state, name, description, created, modified, completed, form, form_submitted, remediation_items, errors';

export const workItemRow = (r: unknown[]): WorkItemRow => ({
  id: r[0] as string,
  owner_id: r[1] as string,
  requester_id: r[2] as string | null,
  type: r[3] as string,
  state: r[4] as string,
  name: r[5] as string | null,
  description: r[6] as string | null,
  created: r[7] as string,
  modified: r[8] as string | null,
  completed: r[9] as string | null,
  form: r[10] as string | null,
  form_submitted: r[11] as number,
  remediation_items: r[12] as string | null,
  errors: r[13] as string | null,
});

/** The columns read from approval_items, in the order approvalItemRow reads them. */
export const APPROVAL_ITEM_COLUMNS = 'id, work_item_id, application, account, name, operation, value, state';

export const approvalItemRow = (r: unknown[]): ApprovalItemRow => ({
  id: r[0] as string,
  work_item_id: r[1] as string,
  application: r[2] as string | null,
  account: r[3] as string | null,
  name: r[4] as string | null,
  operation: r[5] as string | null,
  value: r[6] as string | null,
  state: r[7] as string,
});

/** An identity's name as a work item gives it: null for no identity or one the sandbox does not know. */
export const nameOf = (id: string | null) => (id ? (identityById(id)?.name ?? null) : null);

function groupBy<R extends { work_item_id: string }, T>(rows: R[], map: (row: R) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    let list = groups.get(row.work_item_id);
    if (!list) groups.set(row.work_item_id, (list = []));
    list.push(map(row));
  }
  return groups;
}

/** Work items as the API answers them, from their rows and the approval-item and forward rows that belong to them. */
export function toWorkItems(
  rows: WorkItemRow[],
  approvalRows: ApprovalItemRow[],
  forwardRows: ForwardRow[],
): WorkItem[] {
  const approvals = groupBy(approvalRows, (a): ApprovalItemDetails => ({
    id: a.id,
    account: a.account,
    application: a.application ?? undefined,
    name: a.name,
    operation: a.operation ?? undefined,
    value: a.value,
    state: a.state as WorkItemState,
  }));
  const forwards = groupBy(forwardRows, (f): ForwardHistoryEntry => ({
    fromId: f.from_id,
    fromName: nameOf(f.from_id) ?? f.from_id,
    toId: f.to_id,
    toName: nameOf(f.to_id) ?? f.to_id,
    byId: f.by_id,
    byName: nameOf(f.by_id) ?? f.by_id,
    comment: f.comment,
    forwarded: f.forwarded,
    ...(f.reassignment_type ? { reassignmentType: f.reassignment_type } : {}),
  }));
  return rows.map((r) => {
    const approvalItems = approvals.get(r.id) ?? [];
    const remediationItems = r.remediation_items ? (JSON.parse(r.remediation_items) as RemediationItemDetails[]) : null;
    return {
      id: r.id,
      requesterId: r.requester_id,
      requesterDisplayName: nameOf(r.requester_id),
      ownerId: r.owner_id,
      ownerName: nameOf(r.owner_id) ?? undefined,
      created: r.created,
      modified: r.modified,
      description: r.description ?? undefined,
      state: r.state as WorkItemState,
      type: r.type as WorkItemType,
      remediationItems,
      approvalItems,
      name: r.name,
      completed: r.completed,
      numItems: approvalItems.length || remediationItems?.length || 0,
      form: r.form ? (JSON.parse(r.form) as FormDetails) : null,
      errors: r.errors ? (JSON.parse(r.errors) as string[]) : [],
      forwardHistory: forwards.get(r.id) ?? [],
    };
  });
}

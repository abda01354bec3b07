import { randomUUID } from 'node:crypto';
import { ApiProblem } from '../errors.ts';
import type {
  AccountSelection,
  ApprovalItemDetails,
  FieldDetails,
  FormDetails,
  FormItem,
  ForwardHistoryEntry,
  RemediationItemDetails,
  WorkItem,
  WorkItemState,
  WorkItemType,
} from '../../contract/work-items.ts';
import { isSection } from '../../contract/work-items.ts';
import type { Db } from './db.ts';
import { identityById, type SandboxIdentity } from './identities.ts';

interface WorkItemRow {
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

interface ApprovalItemRow {
  id: string;
  work_item_id: string;
  application: string | null;
  account: string | null;
  name: string | null;
  operation: string | null;
  value: string | null;
  state: string;
}

interface ForwardRow {
  work_item_id: string;
  from_id: string;
  to_id: string;
  by_id: string;
  comment: string;
  forwarded: string;
}

/** The caller as the token says: who they are and whether they may act for others. */
export interface Caller {
  id: string;
  admin: boolean;
}

export function newId(): string {
  return randomUUID().replaceAll('-', '');
}

/**
 * Timestamps are stored as ISO strings of one fixed width, so text order is time order and the
 * (created DESC, id DESC) index serves newest-first pages directly.
 */
export function now(): string {
  return new Date().toISOString();
}

const nameOf = (id: string | null) => (id ? (identityById(id)?.name ?? null) : null);

export class WorkItemStore {
  private readonly stmt;

  constructor(private readonly db: Db) {
    const p = db.prepare.bind(db);
    this.stmt = {
      get: p('SELECT * FROM work_items WHERE id = ?'),
      pendingPage: p(
        `SELECT id FROM work_items WHERE owner_id = ? AND state = 'Pending'
         ORDER BY created DESC, id DESC LIMIT ? OFFSET ?`,
      ),
      completedPage: p(
        `SELECT id FROM work_items WHERE owner_id = ? AND completed IS NOT NULL
         ORDER BY completed DESC, id DESC LIMIT ? OFFSET ?`,
      ),
      rowsByIds: p('SELECT * FROM work_items WHERE id IN (SELECT value FROM json_each(?))'),
      pendingCount: p(`SELECT count(*) AS n FROM work_items WHERE owner_id = ? AND state = 'Pending'`),
      completedCount: p('SELECT count(*) AS n FROM work_items WHERE owner_id = ? AND completed IS NOT NULL'),
      approvalsFor: p(
        `SELECT * FROM approval_items WHERE work_item_id IN (SELECT value FROM json_each(?))
         ORDER BY work_item_id, position`,
      ),
      forwardsFor: p(
        `SELECT * FROM forward_history WHERE work_item_id IN (SELECT value FROM json_each(?))
         ORDER BY work_item_id, seq`,
      ),
      approval: p('SELECT * FROM approval_items WHERE id = ? AND work_item_id = ?'),
      pendingApprovals: p(`SELECT count(*) AS n FROM approval_items WHERE work_item_id = ? AND state = 'Pending'`),
      approvedCount: p(`SELECT count(*) AS n FROM approval_items WHERE work_item_id = ? AND state = 'Finished'`),
      decideApproval: p(`UPDATE approval_items SET state = ? WHERE id = ? AND state = 'Pending'`),
      decideAllApprovals: p(`UPDATE approval_items SET state = ? WHERE work_item_id = ? AND state = 'Pending'`),
      touch: p('UPDATE work_items SET modified = ? WHERE id = ?'),
      complete: p(`UPDATE work_items SET state = ?, completed = ?, modified = ? WHERE id = ? AND state = 'Pending'`),
      submitForm: p(
        `UPDATE work_items SET form = ?, form_submitted = 1, state = 'Finished', completed = ?, modified = ?
         WHERE id = ? AND state = 'Pending'`,
      ),
      setOwner: p('UPDATE work_items SET owner_id = ?, modified = ? WHERE id = ?'),
      addForward: p(
        `INSERT INTO forward_history (work_item_id, from_id, to_id, by_id, comment, forwarded)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  // ---- reads ----

  listPending(ownerId: string, limit: number, offset: number): WorkItem[] {
    return this.loadOrdered(this.stmt.pendingPage.all(ownerId, limit, offset) as { id: string }[]);
  }

  listCompleted(ownerId: string, limit: number, offset: number): WorkItem[] {
    return this.loadOrdered(this.stmt.completedPage.all(ownerId, limit, offset) as { id: string }[]);
  }

  countPending(ownerId: string): number {
    return (this.stmt.pendingCount.get(ownerId) as { n: number }).n;
  }

  countCompleted(ownerId: string): number {
    return (this.stmt.completedCount.get(ownerId) as { n: number }).n;
  }

  /** Reads counts in one snapshot so summary's numbers always add up. */
  summary(ownerId: string): { open: number; completed: number; total: number } {
    return this.db.transaction(() => {
      const open = this.countPending(ownerId);
      const completed = this.countCompleted(ownerId);
      return { open, completed, total: open + completed };
    })();
  }

  /** The item as the caller may see it: 404 when unknown, 403 when it belongs to someone else. */
  get(caller: Caller, id: string): WorkItem {
    return this.toWorkItems([this.readable(caller, id)])[0];
  }

  /**
   * Another owner's item, asked for by a non-admin, answers 403 rather than 404: ids are unguessable 32-hex
   * values (a 403 reveals nothing useful), forward's spec lists 403 but no 404, and an approver who followed
   * a stale link after forwarding learns why the item is gone instead of being told it never existed.
   */
  private readable(caller: Caller, id: string): WorkItemRow {
    const row = this.stmt.get.get(id) as WorkItemRow | undefined;
    if (!row) throw new ApiProblem(404, `Work item ${id} was not found.`);
    if (!caller.admin && row.owner_id !== caller.id) {
      throw new ApiProblem(403, `Work item ${id} belongs to another identity; only its owner or an admin may use it.`);
    }
    return row;
  }

  private pending(caller: Caller, id: string): WorkItemRow {
    const row = this.readable(caller, id);
    if (row.state !== 'Pending') {
      throw new ApiProblem(400, `Work item ${id} is already completed (state ${row.state}); it cannot be changed.`);
    }
    return row;
  }

  private loadOrdered(ids: { id: string }[]): WorkItem[] {
    if (ids.length === 0) return [];
    const rows = this.stmt.rowsByIds.all(JSON.stringify(ids.map((r) => r.id))) as WorkItemRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return this.toWorkItems(ids.map((r) => byId.get(r.id)!));
  }

  private toWorkItems(rows: WorkItemRow[]): WorkItem[] {
    const ids = JSON.stringify(rows.map((r) => r.id));
    const approvals = new Map<string, ApprovalItemDetails[]>();
    for (const a of this.stmt.approvalsFor.all(ids) as ApprovalItemRow[]) {
      let list = approvals.get(a.work_item_id);
      if (!list) approvals.set(a.work_item_id, (list = []));
      list.push({
        id: a.id,
        account: a.account,
        application: a.application ?? undefined,
        name: a.name,
        operation: a.operation ?? undefined,
        value: a.value,
        state: a.state as WorkItemState,
      });
    }
    const forwards = new Map<string, ForwardHistoryEntry[]>();
    for (const f of this.stmt.forwardsFor.all(ids) as ForwardRow[]) {
      let list = forwards.get(f.work_item_id);
      if (!list) forwards.set(f.work_item_id, (list = []));
      list.push({
        fromId: f.from_id,
        fromName: nameOf(f.from_id) ?? f.from_id,
        toId: f.to_id,
        toName: nameOf(f.to_id) ?? f.to_id,
        byId: f.by_id,
        byName: nameOf(f.by_id) ?? f.by_id,
        comment: f.comment,
        forwarded: f.forwarded,
      });
    }
    return rows.map((r) => {
      const approvalItems = approvals.get(r.id) ?? [];
      const remediationItems = r.remediation_items
        ? (JSON.parse(r.remediation_items) as RemediationItemDetails[])
        : null;
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

  // ---- mutations: each runs in one IMMEDIATE transaction, so the read that decides and the write that acts
  // hold the write lock together and two deciders can never both succeed; a thrown ApiProblem rolls back. ----

  private write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  decide(caller: Caller, id: string, approvalItemId: string, approve: boolean): WorkItem {
    return this.write(() => {
      this.pending(caller, id);
      const item = this.stmt.approval.get(approvalItemId, id) as ApprovalItemRow | undefined;
      if (!item) throw new ApiProblem(404, `Approval item ${approvalItemId} was not found in work item ${id}.`);
      if (item.state !== 'Pending') {
        throw new ApiProblem(
          400,
          `Approval item ${approvalItemId} is already decided (state ${item.state}); it cannot be ${approve ? 'approved' : 'rejected'}.`,
        );
      }
      const at = now();
      this.stmt.decideApproval.run(approve ? 'Finished' : 'Rejected', approvalItemId);
      this.stmt.touch.run(at, id);
      this.completeWhenDecided(id, at);
      return this.toWorkItems([this.stmt.get.get(id) as WorkItemRow])[0];
    });
  }

  decideAll(caller: Caller, id: string, approve: boolean): WorkItem {
    return this.write(() => {
      this.pending(caller, id);
      const at = now();
      const changed = this.stmt.decideAllApprovals.run(approve ? 'Finished' : 'Rejected', id).changes;
      if (changed === 0) {
        throw new ApiProblem(
          400,
          `Work item ${id} has no pending approval items to ${approve ? 'approve' : 'reject'}.`,
        );
      }
      this.stmt.touch.run(at, id);
      this.completeWhenDecided(id, at);
      return this.toWorkItems([this.stmt.get.get(id) as WorkItemRow])[0];
    });
  }

  /**
   * Once no approval item is pending the work item completes. ISC marks it Finished whatever the decisions
   * were; the sandbox uses Rejected when every item was rejected, so the completed list tells a fully
   * refused request apart at a glance. Any approved item → Finished.
   */
  private completeWhenDecided(id: string, at: string): void {
    if ((this.stmt.pendingApprovals.get(id) as { n: number }).n > 0) return;
    const approved = (this.stmt.approvedCount.get(id) as { n: number }).n;
    this.stmt.complete.run(approved > 0 ? 'Finished' : 'Rejected', at, at, id);
  }

  complete(caller: Caller, id: string): WorkItem {
    return this.write(() => {
      const row = this.pending(caller, id);
      const pendingApprovals = (this.stmt.pendingApprovals.get(id) as { n: number }).n;
      if (pendingApprovals > 0) {
        throw new ApiProblem(
          400,
          `Work item ${id} still has ${pendingApprovals} pending approval item(s): approve or reject them instead of completing it.`,
        );
      }
      if (row.form && !row.form_submitted) {
        throw new ApiProblem(
          400,
          `Work item ${id} has an account-selection form that was not submitted: use submit-account-selection.`,
        );
      }
      const at = now();
      this.stmt.complete.run('Finished', at, at, id);
      return this.toWorkItems([this.stmt.get.get(id) as WorkItemRow])[0];
    });
  }

  submitAccountSelection(caller: Caller, id: string, selection: AccountSelection): WorkItem {
    return this.write(() => {
      const row = this.pending(caller, id);
      if (!row.form) throw new ApiProblem(400, `Work item ${id} has no form to submit an account selection to.`);
      const form = JSON.parse(row.form) as FormDetails;
      validateSelection(form, selection);
      applySelection(form, selection);
      const at = now();
      this.stmt.submitForm.run(JSON.stringify(form), at, at, id);
      return this.toWorkItems([this.stmt.get.get(id) as WorkItemRow])[0];
    });
  }

  forward(caller: Caller, id: string, target: SandboxIdentity, comment: string): WorkItem {
    return this.write(() => {
      const row = this.pending(caller, id);
      if (target.id === row.owner_id) {
        throw new ApiProblem(400, `targetOwnerId: ${target.name} already owns work item ${id}; pick someone else.`, [
          'targetOwnerId is the current owner',
        ]);
      }
      const at = now();
      this.stmt.setOwner.run(target.id, at, id);
      this.stmt.addForward.run(id, row.owner_id, target.id, caller.id, comment, at);
      return this.toWorkItems([this.stmt.get.get(id) as WorkItemRow])[0];
    });
  }
}

// ---- forms ----

function fieldsOf(items: FormItem[] | null | undefined, out: FieldDetails[] = []): FieldDetails[] {
  for (const item of items ?? []) {
    if (isSection(item)) fieldsOf(item.formItems, out);
    else if ((item as FieldDetails).name) out.push(item as FieldDetails);
  }
  return out;
}

export function formFields(form: FormDetails): FieldDetails[] {
  const out: FieldDetails[] = [];
  for (const section of form.sections ?? []) fieldsOf(section.formItems, out);
  return out;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** Checks a submission as ISC would: known names, required fields present, choices among the allowed values. */
export function validateSelection(form: FormDetails, selection: AccountSelection): void {
  const fields = formFields(form);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const problems: string[] = [];
  for (const key of Object.keys(selection)) {
    if (!byName.has(key)) problems.push(`${key}: not a field of this form`);
  }
  for (const field of fields) {
    const label = field.displayName || field.name;
    const value = selection[field.name];
    if (isEmpty(value)) {
      if (field.required && isEmpty(field.value)) problems.push(`${field.name}: "${label}" is required`);
      continue;
    }
    const type = field.displayType ?? 'text';
    if (type === 'checkbox') {
      if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') {
        problems.push(`${field.name}: "${label}" must be true or false`);
      }
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
      problems.push(`${field.name}: "${label}" must be text`);
      continue;
    }
    if (type === 'date' && values.some((v) => Number.isNaN(Date.parse(String(v))))) {
      problems.push(`${field.name}: "${label}" must be a date (YYYY-MM-DD)`);
      continue;
    }
    const allowed = field.allowedValuesList;
    if (allowed && allowed.length > 0) {
      const ok = new Set(allowed.map((a) => a.value));
      const bad = values.find((v) => !ok.has(String(v)));
      if (bad !== undefined)
        problems.push(`${field.name}: "${String(bad)}" is not one of the allowed values of "${label}"`);
    }
  }
  if (problems.length > 0) {
    throw new ApiProblem(400, `The account selection is invalid: ${problems.join('; ')}.`, problems);
  }
}

function applySelection(form: FormDetails, selection: AccountSelection): void {
  for (const field of formFields(form)) {
    if (!(field.name in selection) || isEmpty(selection[field.name])) continue;
    const value = selection[field.name];
    field.value = field.displayType === 'checkbox' ? value === true || value === 'true' : value;
  }
}

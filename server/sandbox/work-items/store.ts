import { randomBytes } from 'node:crypto';
import { ApiProblem } from '../../errors.ts';
import type { AccountSelection, FormDetails, WorkItem } from '../../../contract/work-items.ts';
import type { Caller } from '../auth.ts';
import { now, type Db } from '../db.ts';
import type { SandboxIdentity } from '../identities.ts';
import { refuseForwardTarget, refuseSelfReview, type RequestParties } from '../self-review.ts';
import { applySelection, checkSelection } from './account-selection.ts';
import { finalAssignee, type Delegations } from '../work-reassignment/delegation.ts';
import { WorkItemQueries } from './queries.ts';
import type { ApprovalItemRow, WorkItemRow } from './rows.ts';

/** Who a work item is about: its requester, and the identities its remediation items are for (self-review rules). */
function partiesOf(row: WorkItemRow): RequestParties {
  const remediation = row.remediation_items ? (JSON.parse(row.remediation_items) as { targetId?: string }[]) : [];
  return {
    requesterId: row.requester_id,
    requestedForIds: remediation.flatMap((r) => (typeof r.targetId === 'string' ? [r.targetId] : [])),
  };
}

/**
 * The sandbox's work items: the reads of WorkItemQueries and the decisions. Each decision runs in one IMMEDIATE
 * transaction, so the read that decides and the write that acts hold the write lock together and two deciders
 * can never both succeed; a thrown ApiProblem rolls it back.
 */
export class WorkItemStore extends WorkItemQueries {
  private readonly change;

  constructor(db: Db) {
    super(db);
    const p = db.prepare.bind(db);
    this.change = {
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
      addDelegation: p(
        `INSERT INTO forward_history (work_item_id, from_id, to_id, by_id, comment, forwarded, reassignment_type)
         VALUES (?, ?, ?, ?, ?, ?, 'AUTOMATIC_REASSIGNMENT')`,
      ),
      insertTask: p(
        `INSERT INTO work_items (id, owner_id, requester_id, type, state, name, description, created, modified)
         VALUES (@id, @ownerId, @requesterId, 'Generic', 'Pending', @name, @description, @at, @at)`,
      ),
    };
  }

  private write(fn: () => void, id: string): WorkItem {
    return this.db
      .transaction(() => {
        fn();
        return this.reload(id);
      })
      .immediate();
  }

  decide(caller: Caller, id: string, approvalItemId: string, approve: boolean): WorkItem {
    return this.write(() => {
      const row = this.pending(caller, id);
      refuseSelfReview(`work item ${id}`, partiesOf(row), caller.id);
      const item = this.change.approval.get(approvalItemId, id) as ApprovalItemRow | undefined;
      if (!item) throw new ApiProblem(404, `Approval item ${approvalItemId} was not found in work item ${id}.`);
      if (item.state !== 'Pending') {
        throw new ApiProblem(
          400,
          `Approval item ${approvalItemId} is already decided (state ${item.state}); it cannot be ${approve ? 'approved' : 'rejected'}.`,
        );
      }
      const at = now();
      this.change.decideApproval.run(approve ? 'Finished' : 'Rejected', approvalItemId);
      this.change.touch.run(at, id);
      this.completeWhenDecided(id, at);
    }, id);
  }

  decideAll(caller: Caller, id: string, approve: boolean): WorkItem {
    return this.write(() => {
      const row = this.pending(caller, id);
      refuseSelfReview(`work item ${id}`, partiesOf(row), caller.id);
      const at = now();
      const changed = this.change.decideAllApprovals.run(approve ? 'Finished' : 'Rejected', id).changes;
      if (changed === 0) {
        throw new ApiProblem(
          400,
          `Work item ${id} has no pending approval items to ${approve ? 'approve' : 'reject'}.`,
        );
      }
      this.change.touch.run(at, id);
      this.completeWhenDecided(id, at);
    }, id);
  }

  /**
   * Once no approval item is pending the work item completes. ISC marks it Finished whatever the decisions
   * were; the sandbox uses Rejected when every item was rejected, so the completed list tells a fully
   * refused request apart at a glance. Any approved item → Finished.
   */
  private completeWhenDecided(id: string, at: string): void {
    if (this.pendingApprovals(id) > 0) return;
    const approved = (this.change.approvedCount.get(id) as { n: number }).n;
    this.change.complete.run(approved > 0 ? 'Finished' : 'Rejected', at, at, id);
  }

  private pendingApprovals(id: string): number {
    return (this.change.pendingApprovals.get(id) as { n: number }).n;
  }

  complete(caller: Caller, id: string): WorkItem {
    return this.write(() => {
      const row = this.pending(caller, id);
      const pendingApprovals = this.pendingApprovals(id);
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
      this.change.complete.run('Finished', at, at, id);
    }, id);
  }

  submitAccountSelection(caller: Caller, id: string, selection: AccountSelection): WorkItem {
    return this.write(() => {
      const row = this.pending(caller, id);
      if (!row.form) throw new ApiProblem(400, `Work item ${id} has no form to submit an account selection to.`);
      const form = JSON.parse(row.form) as FormDetails;
      checkSelection(form, selection);
      applySelection(form, selection);
      const at = now();
      this.change.submitForm.run(JSON.stringify(form), at, at, id);
    }, id);
  }

  forward(caller: Caller, id: string, target: SandboxIdentity, comment: string): void {
    this.write(() => {
      const row = this.pending(caller, id);
      if (target.id === row.owner_id) {
        throw new ApiProblem(400, `targetOwnerId: ${target.name} already owns work item ${id}; pick someone else.`, [
          'targetOwnerId is the current owner',
        ]);
      }
      refuseForwardTarget(`work item ${id}`, partiesOf(row), target, 'targetOwnerId');
      const at = now();
      this.change.setOwner.run(target.id, at, id);
      this.change.addForward.run(id, row.owner_id, target.id, caller.id, comment, at);
    }, id);
  }

  /**
   * Starts a manual task (a Generic work item) for `task.ownerId` at `at`: the one place the sandbox creates new work
   * items. The owner's MANUAL_TASKS delegations active then hand it on as it arrives, each hand-over in its forward
   * history (AUTOMATIC_REASSIGNMENT, by the identity whose delegation it was, with why); what already waits stays.
   */
  createTask(
    task: { ownerId: string; requesterId: string; name: string; description: string },
    delegations: Delegations,
    at: number,
  ): WorkItem {
    const id = randomBytes(16).toString('hex');
    return this.write(() => {
      const when = new Date(at).toISOString();
      const steps = delegations.follow(task.ownerId, 'MANUAL_TASKS', at);
      this.change.insertTask.run({ ...task, id, ownerId: finalAssignee(task.ownerId, steps), at: when });
      for (const step of steps) {
        this.change.addDelegation.run(id, step.fromId, step.toId, step.fromId, step.reason, when);
      }
    }, id);
  }
}

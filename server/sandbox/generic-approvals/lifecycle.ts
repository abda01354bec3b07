// What happens to an approval, as state transitions on the stored rows: created for its approvers, commented on,
// decided (and then moved to the next serial step, or completed once its criteria are met), reassigned, its
// attributes edited, cancelled, expired. Who may do what is the store's business (store.ts); these run inside the
// store's transaction, at the time they are given (the seed writes a past; requests write the clock's now).
import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { CriteriaCalculation } from '../../../contract/generic-approvals.ts';
import type { Db } from '../db.ts';
import { ADA, identityByAlias, identityById } from '../identities.ts';
import type { ApprovalConfigs } from './config.ts';
import type { ApprovalRow, ApproverRow, NewApproval } from './rows.ts';

export type { ApprovalRow, ApproverRow, Criterion, NewApproval } from './rows.ts';

const DAY = 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** How many of `n` a criterion asks for: at least 1, at most n. */
export function needed(criterion: { calc: CriteriaCalculation; value: number }, n: number): number {
  const raw = criterion.calc === 'PERCENT' ? Math.ceil((criterion.value * n) / 100) : criterion.value;
  return Math.min(Math.max(raw, 1), Math.max(n, 1));
}

export class ApprovalLifecycle {
  private readonly stmt: Record<string, Statement>;

  constructor(
    db: Db,
    private readonly configs: ApprovalConfigs,
  ) {
    const p = db.prepare.bind(db);
    this.stmt = {
      insert: p(
        `INSERT INTO generic_approvals (id, type, status, priority, name, description, requester_id, requestee_id,
           created, modified, due, timeout_result, criteria_type, approve_calc, approve_value, reject_calc,
           reject_value, serial_step, requires_comment, reference_type, reference_id, reference_name, batch_id,
           batch_size, requested_target, additional_attributes, static_attributes, approval_config)
         VALUES (@id, @type, 'PENDING', @priority, @name, @description, @requester, @requestee, @at, @at, @due,
           @timeoutResult, @criteria, @approveCalc, @approveValue, @rejectCalc, @rejectValue, @serialStep,
           @requiresComment, @refType, @refId, @refName, @batchId, @batchSize, @target, @attributes, @static, @config)`,
      ),
      insertApprover: p(
        `INSERT INTO generic_approval_approvers (approval_id, identity_id, serial_order, position, active)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      get: p('SELECT * FROM generic_approvals WHERE id = ?'),
      approvers: p('SELECT * FROM generic_approval_approvers WHERE approval_id = ? ORDER BY position'),
      decide: p(
        `UPDATE generic_approval_approvers SET decision = ?, decided = ?
         WHERE approval_id = ? AND identity_id = ? AND active = 1 AND decision IS NULL`,
      ),
      activateStep: p(`UPDATE generic_approval_approvers SET active = 1 WHERE approval_id = ? AND serial_order = ?`),
      step: p(`UPDATE generic_approvals SET serial_step = ?, is_escalated = 0, modified = ? WHERE id = ?`),
      complete: p(
        `UPDATE generic_approvals SET status = ?, completed = ?, modified = ?, is_escalated = 0
         WHERE id = ? AND status = 'PENDING'`,
      ),
      touch: p(`UPDATE generic_approvals SET modified = ? WHERE id = ?`),
      comment: p(
        `INSERT INTO generic_approval_comments (id, approval_id, author_id, comment, created) VALUES (?, ?, ?, ?, ?)`,
      ),
      replaceApprover: p(
        `UPDATE generic_approval_approvers SET identity_id = ? WHERE approval_id = ? AND identity_id = ?`,
      ),
      maxPosition: p(`SELECT coalesce(max(position), -1) AS n FROM generic_approval_approvers WHERE approval_id = ?`),
      reassignment: p(
        `INSERT INTO generic_approval_reassignments (approval_id, from_id, to_id, by_id, comment_id, type, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      attributes: p(`UPDATE generic_approvals SET additional_attributes = ?, modified = ? WHERE id = ?`),
      escalate: p(`UPDATE generic_approvals SET escalation_step = ?, is_escalated = 1, modified = ? WHERE id = ?`),
      expire: p(
        `UPDATE generic_approvals
         SET status = CASE timeout_result WHEN 'APPROVED' THEN 'APPROVED' ELSE 'EXPIRED' END,
             completed = due, modified = due, is_escalated = 0
         WHERE status = 'PENDING' AND due IS NOT NULL AND due <= ?`,
      ),
      anyDue: p(`SELECT 1 FROM generic_approvals WHERE status = 'PENDING' AND due IS NOT NULL AND due <= ? LIMIT 1`),
    };
  }

  row(id: string): ApprovalRow | undefined {
    return this.stmt.get.get(id) as ApprovalRow | undefined;
  }

  approverRows(id: string): ApproverRow[] {
    return this.stmt.approvers.all(id) as ApproverRow[];
  }

  /**
   * Creates an approval for its approvers: the one place a new approval is assigned (the store's createApproval
   * wraps it to hand an approver's new work to their delegate). With autoApprove OFF (the default) the requester
   * and the requestee never approve their own request: their manager does (an admin when they have none).
   */
  create(input: NewApproval, at: number): string {
    const id = input.id ?? randomUUID();
    const config = this.configs.effective(input.type, input.configTargets ?? []);
    const excluded = new Set([input.requesterId, input.requesteeId].filter((x): x is string => !!x));
    const substitute = (approverId: string): string => {
      if (config.autoApprove !== 'OFF' || !excluded.has(approverId)) return approverId;
      const manager = identityById(approverId)?.managerAlias;
      const managerId = manager ? identityByAlias(manager)?.id : undefined;
      if (managerId && !excluded.has(managerId)) return managerId;
      return excluded.has(ADA.id) ? approverId : ADA.id;
    };
    const approvers = [...new Set(input.approvers.map(substitute))];
    if (approvers.length === 0) throw new Error('an approval needs at least one approver');
    const serial = input.criteria === 'SERIAL';
    const timeout = config.timeoutConfig;
    const due =
      input.due !== undefined ? input.due : timeout?.enabled ? iso(at + (timeout.daysUntilTimeout ?? 90) * DAY) : null;
    const approve = serial ? { calculationType: 'COUNT' as const, value: approvers.length } : input.approve;
    const reject = serial ? { calculationType: 'COUNT' as const, value: 1 } : input.reject;
    this.stmt.insert.run({
      id,
      type: input.type,
      priority: input.priority,
      name: JSON.stringify(input.name),
      description: JSON.stringify(input.description),
      requester: input.requesterId,
      requestee: input.requesteeId,
      at: iso(at),
      due,
      timeoutResult: timeout?.timeoutResult ?? 'EXPIRED',
      criteria: input.criteria,
      approveCalc: approve?.calculationType ?? 'COUNT',
      approveValue: approve?.value ?? 1,
      rejectCalc: reject?.calculationType ?? 'COUNT',
      rejectValue: reject?.value ?? 1,
      serialStep: serial ? 1 : 0,
      requiresComment: config.requiresComment ?? 'OFF',
      refType: input.reference?.type ?? null,
      refId: input.reference?.id ?? null,
      refName: input.reference?.name ?? null,
      batchId: input.batch?.id ?? null,
      batchSize: input.batch?.size ?? null,
      target: JSON.stringify(input.requestedTarget ?? []),
      attributes: JSON.stringify(input.additionalAttributes ?? {}),
      static: input.staticAttributes ? JSON.stringify(input.staticAttributes) : null,
      config: JSON.stringify(config),
    });
    approvers.forEach((approverId, i) => {
      const order = serial ? i + 1 : 0;
      this.stmt.insertApprover.run(id, approverId, order, i, serial && order > 1 ? 0 : 1);
    });
    return id;
  }

  addComment(
    approvalId: string,
    authorId: string,
    comment: string,
    at: number,
    commentId: string = randomUUID(),
  ): string {
    this.stmt.comment.run(commentId, approvalId, authorId, comment, iso(at));
    this.stmt.touch.run(iso(at), approvalId);
    return commentId;
  }

  /** Records one approver's decision and what it makes of the approval: the next step, or its completion. */
  decide(approvalId: string, approverId: string, decision: 'APPROVED' | 'REJECTED', at: number): void {
    const when = iso(at);
    if (this.stmt.decide.run(decision, when, approvalId, approverId).changes !== 1) {
      throw new Error(`approver ${approverId} cannot decide approval ${approvalId} now`);
    }
    this.stmt.touch.run(when, approvalId);
    const row = this.row(approvalId)!;
    const approvers = this.approverRows(approvalId);
    if (row.criteria_type === 'SERIAL') {
      if (decision === 'REJECTED') return void this.stmt.complete.run('REJECTED', when, when, approvalId);
      const step = approvers.filter((a) => a.serial_order === row.serial_step);
      if (step.some((a) => a.decision === null)) return;
      const next = row.serial_step + 1;
      if (!approvers.some((a) => a.serial_order === next)) {
        return void this.stmt.complete.run('APPROVED', when, when, approvalId);
      }
      this.stmt.activateStep.run(approvalId, next);
      this.stmt.step.run(next, when, approvalId);
      return;
    }
    const n = approvers.length;
    const approved = approvers.filter((a) => a.decision === 'APPROVED').length;
    const rejected = approvers.filter((a) => a.decision === 'REJECTED').length;
    const undecided = n - approved - rejected;
    const toApprove = needed({ calc: row.approve_calc, value: row.approve_value }, n);
    const toReject = needed({ calc: row.reject_calc, value: row.reject_value }, n);
    // Once approval can no longer be reached, the approval is rejected.
    const status =
      approved >= toApprove ? 'APPROVED' : rejected >= toReject || approved + undecided < toApprove ? 'REJECTED' : null;
    if (status) this.stmt.complete.run(status, when, when, approvalId);
  }

  /**
   * Hands `fromId`'s place (serial step, turn) to `toId`; with `fromId` null, adds `toId` as an approver of the
   * current step. Recorded in the reassignment history.
   */
  reassign(
    approvalId: string,
    fromId: string | null,
    toId: string,
    byId: string | null,
    type: 'ESCALATION' | 'MANUAL_REASSIGNMENT' | 'AUTO_REASSIGNMENT',
    commentId: string | null,
    at: number,
  ): void {
    if (fromId) this.stmt.replaceApprover.run(toId, approvalId, fromId);
    else {
      const row = this.row(approvalId)!;
      const { n } = this.stmt.maxPosition.get(approvalId) as { n: number };
      this.stmt.insertApprover.run(approvalId, toId, row.criteria_type === 'SERIAL' ? row.serial_step : 0, n + 1, 1);
    }
    this.stmt.reassignment.run(approvalId, fromId, toId, byId, commentId, type, iso(at));
    if (type === 'ESCALATION') {
      const row = this.row(approvalId)!;
      this.stmt.escalate.run(row.escalation_step + 1, iso(at), approvalId);
    } else this.stmt.touch.run(iso(at), approvalId);
  }

  /** Records a hand-over that was made before the approval existed (a delegation at its creation). */
  recordReassignment(
    approvalId: string,
    fromId: string,
    toId: string,
    type: 'AUTO_REASSIGNMENT',
    commentId: string,
    at: number,
  ): void {
    this.stmt.reassignment.run(approvalId, fromId, toId, null, commentId, type, iso(at));
  }

  setAttributes(approvalId: string, attributes: Record<string, string>, at: number): void {
    this.stmt.attributes.run(JSON.stringify(attributes), iso(at), approvalId);
  }

  cancel(approvalId: string, at: number): void {
    this.stmt.complete.run('CANCELLED', iso(at), iso(at), approvalId);
  }

  /** True when some pending approval's deadline has passed by `at` (a read: no lock). */
  anyDue(at: number): boolean {
    return this.stmt.anyDue.get(iso(at)) !== undefined;
  }

  /** Every pending approval whose deadline has passed by `at` ends as its timeout says (EXPIRED or APPROVED). */
  expireDue(at: number): number {
    if (!this.anyDue(at)) return 0;
    return this.stmt.expire.run(iso(at)).changes;
  }
}

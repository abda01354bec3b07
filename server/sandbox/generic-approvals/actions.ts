// What approvers and admins do to approvals, with the spec's rules: approve (200 with the approval) and reject
// (204) by an approver whose turn it is, or by an admin, who takes a waiting approver's place first; reassign
// (204); comment and edit attributes (200); the admins' bulk approve, reject, reassign and cancel (202, all or
// nothing). Each runs in one IMMEDIATE transaction that lets what is due expire and then re-reads the state it
// decides on, so a refused call changes nothing and two deciders can never both succeed.
import type { Approval, ApprovalConfig, ApprovalConfigScope } from '../../../contract/generic-approvals.ts';
import { hasCommentText } from '../../../contract/comments.ts';
import { ACCESS_REQUEST_REFERENCE } from '../../../contract/generic-approvals.ts';
import { ApiProblem } from '../../errors.ts';
import type { Caller } from '../auth.ts';
import { identityById } from '../identities.ts';
import type { ApprovalRow, ApproverRow } from './lifecycle.ts';
import type { ApproveBody, AttributesBody, BulkReassignBody, ReassignBody, RejectBody } from './schemas.ts';
import type { GenericApprovalStore } from './store.ts';

type Decision = 'APPROVED' | 'REJECTED';
const verb = (d: Decision) => (d === 'APPROVED' ? 'approve' : 'reject');
const state = (row: ApprovalRow) => row.status.toLowerCase();

function requireAdmin(caller: Caller, what: string): void {
  if (!caller.admin) throw new ApiProblem(403, `Only an admin (ORG_ADMIN) may ${what}.`);
}

function requirePending(row: ApprovalRow, what: string): void {
  if (row.status !== 'PENDING') {
    throw new ApiProblem(400, `Approval ${row.id} is already ${state(row)}; it cannot be ${what} any more.`, [
      `the approval is ${row.status}`,
    ]);
  }
}

/** The identity work may go to: known and active. */
function assignee(id: string, field: string) {
  const who = identityById(id);
  if (!who) throw new ApiProblem(400, `${field}: no identity ${id.slice(0, 80)} exists.`, [`${field} is unknown`]);
  if (who.identityState !== 'ACTIVE') {
    throw new ApiProblem(400, `${field}: ${who.name} is not active and cannot take approvals.`, [
      `${field} is inactive`,
    ]);
  }
  return who;
}

export class ApprovalActions {
  constructor(private readonly store: GenericApprovalStore) {}

  private get life() {
    return this.store.lifecycle;
  }

  /** Runs `fn` on the approval, re-read inside one IMMEDIATE transaction after what is due has expired. */
  private act<T>(caller: Caller, id: string, fn: (row: ApprovalRow, approvers: ApproverRow[], at: number) => T): T {
    return this.store.write(() => {
      const at = this.store.clock.now();
      this.life.expireDue(at);
      const { row, approvers } = this.store.visible(caller, id);
      return fn(row, approvers, at);
    });
  }

  /**
   * The approver row `caller` decides with. An approver whose turn it is decides as themselves; an admin who is
   * not an approver first takes the place of a waiting approver (the spec: "reassigned … to the admin user").
   */
  private deciderRow(caller: Caller, row: ApprovalRow, approvers: ApproverRow[], d: Decision, at: number): void {
    const own = approvers.find((a) => a.identity_id === caller.id);
    if (own?.active === 1 && own.decision === null) return;
    if (own?.decision) {
      throw new ApiProblem(400, `You already ${own.decision.toLowerCase()} approval ${row.id}; a decision is final.`, [
        'already decided by you',
      ]);
    }
    if (own || !caller.admin) {
      const reason = own ? 'its step before yours is still waiting' : 'you are not one of its approvers';
      throw new ApiProblem(403, `You cannot ${verb(d)} approval ${row.id} now: ${reason}.`);
    }
    if (caller.id === row.requester_id || caller.id === row.requestee_id) {
      throw new ApiProblem(403, `You asked for approval ${row.id} (or it is for you): someone else must decide it.`);
    }
    const waiting = approvers.find((a) => a.active === 1 && a.decision === null)!;
    this.life.reassign(row.id, waiting.identity_id, caller.id, caller.id, 'MANUAL_REASSIGNMENT', null, at);
  }

  private needsComment(row: ApprovalRow, d: Decision, comment: string | undefined): void {
    const rule = row.requires_comment;
    const required =
      rule === 'ALL' || (rule === 'APPROVAL' && d === 'APPROVED') || (rule === 'REJECTION' && d === 'REJECTED');
    if (required && !hasCommentText(comment)) {
      throw new ApiProblem(400, `comment: approval ${row.id} requires a comment to ${verb(d)} it.`, [
        'comment is required',
      ]);
    }
  }

  private checkOverride(caller: Caller, override: string | undefined): void {
    if (override !== undefined && override !== caller.id) {
      throw new ApiProblem(400, 'overrideApproverID: the sandbox has no governance groups to act for a member of.', [
        'overrideApproverID must be your own id',
      ]);
    }
  }

  private decideOne(
    caller: Caller,
    row: ApprovalRow,
    approvers: ApproverRow[],
    d: Decision,
    comment: string | undefined,
    at: number,
  ) {
    requirePending(row, `${verb(d)}d`);
    // Who may decide before what the body lacks: a non-approver hears 403 whatever it sent.
    this.deciderRow(caller, row, approvers, d, at);
    this.needsComment(row, d, comment);
    if (hasCommentText(comment)) this.life.addComment(row.id, caller.id, comment!.trim(), at);
    this.life.decide(row.id, caller.id, d, at);
  }

  approve(caller: Caller, id: string, body: ApproveBody, locales: string[]): Approval {
    this.checkOverride(caller, body?.overrideApproverID);
    this.act(caller, id, (row, approvers, at) => {
      if (body?.additionalAttributes) {
        const merged = { ...JSON.parse(row.additional_attributes), ...body.additionalAttributes };
        this.life.setAttributes(id, merged, at);
      }
      this.decideOne(caller, row, approvers, 'APPROVED', body?.comment, at);
    });
    return this.store.answer(id, locales);
  }

  reject(caller: Caller, id: string, body: RejectBody): void {
    this.checkOverride(caller, body?.overrideApproverID);
    this.act(caller, id, (row, approvers, at) => this.decideOne(caller, row, approvers, 'REJECTED', body?.comment, at));
  }

  private reassignOne(caller: Caller, row: ApprovalRow, approvers: ApproverRow[], body: ReassignBody, at: number) {
    requirePending(row, 'reassigned');
    const to = assignee(body.reassignTo, 'reassignTo');
    if (to.id === row.requestee_id || to.id === row.requester_id) {
      throw new ApiProblem(400, `reassignTo: ${to.name} asked for this approval and cannot approve it.`, [
        'reassignTo is the requester or requestee',
      ]);
    }
    if (approvers.some((a) => a.identity_id === to.id)) {
      throw new ApiProblem(400, `reassignTo: ${to.name} is already an approver of approval ${row.id}.`, [
        'reassignTo is already an approver',
      ]);
    }
    const waiting = (who: string) => approvers.some((a) => a.identity_id === who && a.active === 1 && !a.decision);
    const from: string | null = body.reassignFrom?.trim() || (waiting(caller.id) ? caller.id : null);
    if (from !== null && from !== caller.id && !caller.admin) {
      throw new ApiProblem(403, 'reassignFrom names another approver: only an admin (ORG_ADMIN) may move their work.');
    }
    if (from === null && !caller.admin) {
      throw new ApiProblem(403, `Approval ${row.id} is not waiting on you: only an admin may add an approver to it.`);
    }
    if (from !== null && !waiting(from)) {
      throw new ApiProblem(400, `reassignFrom: approval ${row.id} is not waiting on ${from.slice(0, 80)}.`, [
        'reassignFrom is not a waiting approver',
      ]);
    }
    const commentId = !hasCommentText(body.comment)
      ? null
      : this.life.addComment(row.id, caller.id, body.comment!.trim(), at);
    this.life.reassign(row.id, from, to.id, caller.id, 'MANUAL_REASSIGNMENT', commentId, at);
  }

  reassign(caller: Caller, id: string, body: ReassignBody): void {
    this.act(caller, id, (row, approvers, at) => this.reassignOne(caller, row, approvers, body, at));
  }

  comment(caller: Caller, id: string, comment: string, locales: string[]): Approval {
    if (!hasCommentText(comment)) {
      throw new ApiProblem(400, 'comment: a comment must say something (spaces and invisible characters do not).', [
        'comment is blank',
      ]);
    }
    this.act(caller, id, (row, _approvers, at) => this.life.addComment(row.id, caller.id, comment.trim(), at));
    return this.store.answer(id, locales);
  }

  attributes(caller: Caller, id: string, body: AttributesBody, locales: string[]): Approval {
    this.act(caller, id, (row, approvers, at) => {
      requirePending(row, 'changed');
      const assigned = approvers.some((a) => a.identity_id === caller.id && a.active === 1 && !a.decision);
      if (!assigned && !caller.admin) {
        throw new ApiProblem(403, `Only an approver it waits on, or an admin, may change approval ${id}'s attributes.`);
      }
      const attributes = new Map(Object.entries(JSON.parse(row.additional_attributes) as Record<string, string>));
      for (const [k, v] of Object.entries(body.additionalAttributes ?? {})) attributes.set(k, v);
      for (const k of body.removeAttributeKeys ?? []) attributes.delete(k);
      if (attributes.size > 100) {
        throw new ApiProblem(400, 'additionalAttributes: an approval keeps at most 100 attributes.', [
          'too many attributes',
        ]);
      }
      this.life.setAttributes(id, Object.fromEntries(attributes), at);
      if (hasCommentText(body.comment)) this.life.addComment(id, caller.id, body.comment!.trim(), at);
    });
    return this.store.answer(id, locales);
  }

  // ---- bulk (ORG_ADMIN): all or nothing ----

  private bulk(
    caller: Caller,
    ids: string[],
    what: string,
    fn: (row: ApprovalRow, approvers: ApproverRow[], at: number) => void,
  ) {
    requireAdmin(caller, what);
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id))
        throw new ApiProblem(400, `approvalIds: ${id} is listed twice.`, ['approvalIds must be unique']);
      seen.add(id);
    }
    this.store.write(() => {
      const at = this.store.clock.now();
      this.life.expireDue(at);
      for (const id of ids) {
        const { row, approvers } = this.store.visible(caller, id);
        fn(row, approvers, at);
      }
    });
  }

  bulkDecide(caller: Caller, ids: string[], d: Decision, comment: string | undefined): void {
    this.bulk(caller, ids, `${verb(d)} approvals in bulk`, (row, approvers, at) =>
      this.decideOne(caller, row, approvers, d, comment, at),
    );
  }

  bulkCancel(caller: Caller, ids: string[], comment: string | undefined): void {
    this.bulk(caller, ids, 'cancel approvals', (row, _approvers, at) => {
      requirePending(row, 'cancelled');
      if (row.reference_type === ACCESS_REQUEST_REFERENCE) {
        throw new ApiProblem(400, `Approval ${row.id} decides an access request: cancel the access request instead.`, [
          'access request approvals are cancelled with their access request',
        ]);
      }
      if (hasCommentText(comment)) this.life.addComment(row.id, caller.id, comment!.trim(), at);
      this.life.cancel(row.id, at);
    });
  }

  bulkReassign(caller: Caller, body: BulkReassignBody): void {
    this.bulk(caller, body.approvalIds, 'reassign approvals in bulk', (row, approvers, at) =>
      this.reassignOne(caller, row, approvers, body, at),
    );
  }

  // ---- configs ----

  putConfig(caller: Caller, id: string, scope: ApprovalConfigScope, config: ApprovalConfig): ApprovalConfig {
    requireAdmin(caller, 'change approval configs');
    return this.store.write(() => this.store.configs.put(id, scope, config, this.store.clock.iso()));
  }

  deleteConfig(caller: Caller, id: string, scope: ApprovalConfigScope): void {
    requireAdmin(caller, 'delete approval configs');
    this.store.write(() => this.store.configs.remove(id, scope));
  }
}

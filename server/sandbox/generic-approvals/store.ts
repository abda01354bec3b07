// The Approvals service over the sandbox database: who may see which approvals, lists and single approvals as the
// spec answers them, and the one function that starts a new approval. Decisions and other changes are in
// actions.ts. Every read first lets what has expired on the server's clock expire (approvals expire when read, no
// timer needed), after the request has been checked, so a refused request writes nothing.
import type { Statement } from 'better-sqlite3';
import type { Approval } from '../../../contract/generic-approvals.ts';
import type { Clock } from '../../clock.ts';
import { ApiProblem } from '../../errors.ts';
import type { Caller } from '../auth.ts';
import type { Db } from '../db.ts';
import { FilterError } from '../filters.ts';
import { identityById } from '../identities.ts';
import { INCLUDE_ALL, toApproval, type CommentRow, type Details, type ReassignmentRow } from './answers.ts';
import { ApprovalConfigs } from './config.ts';
import { ApprovalLifecycle, type ApprovalRow, type ApproverRow, type NewApproval } from './lifecycle.ts';
import { approverCondition, filtersToSql, type SqlCondition } from './queries.ts';
import type { ListQuery } from './schemas.ts';
import { finalAssignee, type Delegations } from '../work-reassignment/delegation.ts';

const byApproval = <T extends { approval_id: string }>(rows: T[]) => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.approval_id);
    if (list) list.push(r);
    else out.set(r.approval_id, [r]);
  }
  return out;
};

/** Whose approvals a list is about, from mine/approverId/requesterId/requesteeId (ANDed when several are given). */
function scope(caller: Caller, q: ListQuery): SqlCondition[] {
  const named = { approverId: q.approverId, requesterId: q.requesterId, requesteeId: q.requesteeId };
  if (q.mine === true && q.approverId !== undefined && q.approverId !== caller.id) {
    throw new ApiProblem(400, 'mine=true is approverId of the caller: do not name another approverId with it.', [
      'mine and approverId disagree',
    ]);
  }
  for (const [param, value] of Object.entries(named)) {
    if (value === undefined || value === caller.id) continue;
    if (!caller.admin) {
      throw new ApiProblem(
        403,
        `${param} names another identity: only an admin (ORG_ADMIN) may list the approvals of others; use your own id.`,
      );
    }
    if (!identityById(value)) throw new ApiProblem(400, `${param}: no identity ${value} exists.`, [`${param} unknown`]);
  }
  const anyNamed = Object.values(named).some((v) => v !== undefined);
  // The spec's defaults: mine=true for a non-admin who names nobody, the whole org for an admin.
  const mine = q.mine ?? (!caller.admin && !anyNamed);
  if (!caller.admin && !mine && !anyNamed) {
    throw new ApiProblem(403, 'mine=false lists every approval in the org: only an admin (ORG_ADMIN) may.');
  }
  const out: SqlCondition[] = [];
  const approver = mine ? caller.id : q.approverId;
  if (approver !== undefined) out.push(approverCondition(approver));
  if (q.requesterId !== undefined) out.push({ sql: 'g.requester_id = ?', params: [q.requesterId] });
  if (q.requesteeId !== undefined) out.push({ sql: 'g.requestee_id = ?', params: [q.requesteeId] });
  return out;
}

export class GenericApprovalStore {
  readonly lifecycle: ApprovalLifecycle;
  readonly configs: ApprovalConfigs;
  private readonly stmt: Record<'approvers' | 'comments' | 'reassignments', Statement>;
  /** Statements per filter shape: prepared once each, a bounded few kept. */
  private readonly queries = new Map<string, Statement>();

  constructor(
    readonly db: Db,
    readonly clock: Clock,
  ) {
    this.configs = new ApprovalConfigs(db);
    this.lifecycle = new ApprovalLifecycle(db, this.configs);
    const ids = 'SELECT value FROM json_each(?)';
    this.stmt = {
      approvers: db.prepare(`SELECT * FROM generic_approval_approvers WHERE approval_id IN (${ids}) ORDER BY position`),
      comments: db.prepare(`SELECT * FROM generic_approval_comments WHERE approval_id IN (${ids}) ORDER BY seq`),
      reassignments: db.prepare(
        `SELECT * FROM generic_approval_reassignments WHERE approval_id IN (${ids}) ORDER BY seq`,
      ),
    };
  }

  /** One IMMEDIATE transaction: the read that decides and the write that acts hold the write lock together. */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /**
   * Lets whatever is past its deadline on the server's clock expire. Reads take the write lock only when something
   * has (asked again inside, where another writer may have been first).
   */
  expireDue(): void {
    const at = this.clock.now();
    if (this.lifecycle.anyDue(at)) this.write(() => this.lifecycle.expireDue(at));
  }

  /** Work reassignment, once the sandbox has wired it: where an approver's new work goes instead. */
  private delegations: Delegations | undefined;

  delegateWith(delegations: Delegations): void {
    this.delegations = delegations;
  }

  /**
   * Starts a new approval for its approvers and answers its id: the one place new work is assigned. Each approver's
   * delegations of its kind (ACCESS_REQUESTS for an access request's approval, GENERIC_APPROVALS for every other
   * type) active now send it to their delegate instead — never to its requester or requestee — and each hand-over
   * is in its reassignment history (AUTO_REASSIGNMENT, from whom, with a comment of theirs that says why). Runs
   * inside the caller's transaction when there is one.
   */
  createApproval(input: NewApproval): string {
    return this.db.transaction(() => {
      const at = this.clock.now();
      const kind = input.type === 'ACCESS_REQUEST_APPROVAL' ? 'ACCESS_REQUESTS' : 'GENERIC_APPROVALS';
      const parties = [input.requesterId, input.requesteeId].filter((id): id is string => !!id);
      const steps = input.approvers.map((id) => this.delegations?.follow(id, kind, at, parties) ?? []);
      const approvers = input.approvers.map((id, i) => finalAssignee(id, steps[i]!));
      const approvalId = this.lifecycle.create({ ...input, approvers }, at);
      for (const step of steps.flat()) {
        const commentId = this.lifecycle.addComment(approvalId, step.fromId, step.reason, at);
        this.lifecycle.recordReassignment(approvalId, step.fromId, step.toId, 'AUTO_REASSIGNMENT', commentId, at);
      }
      return approvalId;
    })();
  }

  private query(sql: string): Statement {
    let statement = this.queries.get(sql);
    if (!statement) {
      if (this.queries.size >= 200) this.queries.clear();
      statement = this.db.prepare(sql);
      this.queries.set(sql, statement);
    }
    return statement;
  }

  details(ids: string[]): Details {
    const json = JSON.stringify(ids);
    return {
      approvers: byApproval(this.stmt.approvers.all(json) as ApproverRow[]),
      comments: byApproval(this.stmt.comments.all(json) as CommentRow[]),
      reassignments: byApproval(this.stmt.reassignments.all(json) as ReassignmentRow[]),
    };
  }

  list(caller: Caller, q: ListQuery, locales: string[]): { items: Approval[]; total?: number } {
    const conditions = scope(caller, q);
    if (q.filters !== undefined && q.filters.trim() !== '') {
      try {
        conditions.push(filtersToSql(q.filters));
      } catch (error) {
        if (!(error instanceof FilterError)) throw error;
        throw new ApiProblem(400, `Invalid filters: ${error.message}.`, [`filters: ${error.message}`]);
      }
    }
    this.expireDue();
    const where = conditions.length ? `WHERE ${conditions.map((c) => c.sql).join(' AND ')}` : '';
    const params = conditions.flatMap((c) => c.params);
    const from = `FROM generic_approvals AS g ${where}`;
    const countOnly = q['count-only'];
    return this.db.transaction(() => {
      const total =
        q.count || countOnly
          ? (this.query(`SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n
          : undefined;
      if (countOnly) return { items: [], total };
      // The page's ids are sorted alone, then its rows read by id: sorting whole rows (long JSON columns and all)
      // for every page took three to four times as long with a thousand approvals in a queue.
      const rows = this.query(
        `SELECT g.* FROM generic_approvals AS g JOIN (SELECT g.id ${from} ORDER BY g.created DESC, g.id DESC LIMIT ? OFFSET ?) AS page ON page.id = g.id ORDER BY g.created DESC, g.id DESC`,
      ).all(...params, q.limit, q.offset) as ApprovalRow[];
      const details = this.details(rows.map((r) => r.id));
      const include = {
        comments: q['include-comments'],
        approvers: q['include-approvers'],
        reassignmentHistory: q['include-reassignment-history'],
        batch: q['include-batch-info'],
      };
      return { items: rows.map((r) => toApproval(r, details, include, locales)), total };
    })();
  }

  /** The approval as the spec answers it, everything included (read in one snapshot). */
  answer(id: string, locales: string[]): Approval {
    return this.db.transaction(() => {
      const row = this.lifecycle.row(id)!;
      return toApproval(row, this.details([id]), INCLUDE_ALL, locales);
    })();
  }

  /**
   * The approval `caller` may see: 404 when there is none; 403 for someone who is neither an admin, nor its
   * requester or requestee, nor an approver whose turn has come (ids are unguessable; an approver it was
   * reassigned away from learns why it is gone).
   */
  visible(caller: Caller, id: string): { row: ApprovalRow; approvers: ApproverRow[] } {
    const row = this.lifecycle.row(id);
    if (!row) throw new ApiProblem(404, `Approval ${id} was not found.`);
    const approvers = this.lifecycle.approverRows(id);
    const involved =
      row.requester_id === caller.id ||
      row.requestee_id === caller.id ||
      approvers.some((a) => a.identity_id === caller.id && a.active === 1);
    if (!caller.admin && !involved) {
      throw new ApiProblem(
        403,
        `Approval ${id} is not yours: only its approvers (once their step has come), its requester and requestee, and admins (ORG_ADMIN) may see it.`,
      );
    }
    return { row, approvers };
  }

  get(caller: Caller, id: string, locales: string[]): Approval {
    this.visible(caller, id);
    this.expireDue();
    return this.answer(id, locales);
  }
}

import type { Statement } from 'better-sqlite3';
import { ApiProblem } from '../../errors.ts';
import {
  COMPLETED_APPROVAL_FILTERS,
  PENDING_APPROVAL_FILTERS,
  APPROVAL_SORTERS,
} from '../../../contract/access-requests.ts';
import { filterToSql, parseSorters, type FilterColumn } from '../collection-sql.ts';
import { now, type Db } from '../db.ts';
import { FilterError, checkSupported, parseFilter } from '../filters.ts';
import type { SandboxIdentity } from '../identities.ts';
import { refuseForwardTarget, refuseSelfReview, type RequestParties } from '../self-review.ts';
import type { Caller } from '../auth.ts';
import { forwardHistories, toCompleted, toPending, type ApprovalRow, type ForwardRow } from './answers.ts';
import type { CompletedApprovalBody, PendingApprovalBody } from './schemas.ts';

export type Queue = 'pending' | 'completed';

// Filter fields → columns (every value is a bound parameter; column names never come from the request).
const COLUMNS: Record<string, FilterColumn> = {
  id: { column: 'id', kind: 'text' },
  'requestedFor.id': { column: 'requested_for_id', kind: 'text' },
  accessRequestId: { column: 'access_request_id', kind: 'text' },
  created: { column: 'created', kind: 'date' },
  modified: { column: 'modified', kind: 'date' },
};
const QUEUES = {
  pending: { state: `state = 'PENDING'`, filters: PENDING_APPROVAL_FILTERS, order: '-created' },
  completed: { state: `state IN ('APPROVED', 'REJECTED')`, filters: COMPLETED_APPROVAL_FILTERS, order: '-modified' },
} as const;

export interface ListRequest {
  /** One approver's queue, or null for the whole org (admins only; the routes decide). */
  owner: string | null;
  filters?: string;
  sorters?: string;
  limit: number;
  offset: number;
  count: boolean;
}

/** Runs a parse step, turning its FilterError into a 400 that names the parameter and what is wrong. */
function checked<T>(param: 'filters' | 'sorters', step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    throw new ApiProblem(400, `Invalid ${param}: ${error.message}.`, [`${param}: ${error.message}`]);
  }
}

/** Turns `filters` and `sorters` into SQL for one queue. */
function compile(queue: Queue, filters: string | undefined, sorters: string | undefined) {
  const spec = QUEUES[queue];
  const where =
    filters === undefined || filters.trim() === ''
      ? undefined
      : checked('filters', () => {
          const tree = parseFilter(filters);
          checkSupported(tree, spec.filters);
          return filterToSql(tree, COLUMNS);
        });
  const asked = checked('sorters', () => parseSorters(sorters ?? '', APPROVAL_SORTERS));
  const order = asked.length > 0 ? asked : parseSorters(spec.order, APPROVAL_SORTERS);
  // The id breaks ties, so pages never repeat or skip an approval.
  const dir = (descending: boolean) => (descending ? 'DESC' : 'ASC');
  const orderBy = [...order.map((s) => `${s.field} ${dir(s.descending)}`), `id ${dir(order[0].descending)}`];
  return { where, orderBy: orderBy.join(', ') };
}

/** Who an approval is about: its requester and whom the access is for (the self-review rules). */
const partiesOf = (row: ApprovalRow): RequestParties => ({
  requesterId: row.requester_id,
  requestedForIds: [row.requested_for_id],
});

export class AccessRequestStore {
  private readonly stmt;
  /** List and count statements differ per filter shape: prepared once each, a bounded few kept. */
  private readonly queries = new Map<string, Statement>();

  constructor(private readonly db: Db) {
    const p = db.prepare.bind(db);
    this.stmt = {
      get: p('SELECT * FROM access_request_approvals WHERE id = ?'),
      forwardsFor: p(
        `SELECT * FROM access_request_forwards WHERE approval_id IN (SELECT value FROM json_each(?))
         ORDER BY approval_id, seq`,
      ),
      decide: p(
        `UPDATE access_request_approvals SET state = @state, reviewed_by_id = @by, reviewer_comment = @comment,
           decided = @at, modified = @at
         WHERE id = @id AND state = 'PENDING'`,
      ),
      setOwner: p(`UPDATE access_request_approvals SET owner_id = ?, modified = ? WHERE id = ? AND state = 'PENDING'`),
      addForward: p(
        `INSERT INTO access_request_forwards (approval_id, from_id, to_id, by_id, comment, reassignment_type, forwarded)
         VALUES (?, ?, ?, ?, ?, 'MANUAL_REASSIGNMENT', ?)`,
      ),
      summary: p(
        `SELECT coalesce(sum(state = 'PENDING' AND created >= @from), 0) AS pending,
                coalesce(sum(state = 'APPROVED' AND decided >= @from), 0) AS approved,
                coalesce(sum(state = 'REJECTED' AND decided >= @from), 0) AS rejected
         FROM access_request_approvals WHERE @owner IS NULL OR owner_id = @owner`,
      ),
    };
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

  // ---- reads ----

  /** One page of a queue and (when asked for) the total, read in one snapshot so they agree. */
  private page(queue: Queue, request: ListRequest): { rows: ApprovalRow[]; total?: number } {
    const { where, orderBy } = compile(queue, request.filters, request.sorters);
    const conditions: string[] = [QUEUES[queue].state];
    const params: unknown[] = [];
    if (request.owner !== null) {
      conditions.push('owner_id = ?');
      params.push(request.owner);
    }
    if (where) {
      conditions.push(where.sql);
      params.push(...where.params);
    }
    const from = `FROM access_request_approvals WHERE ${conditions.join(' AND ')}`;
    return this.db.transaction(() => {
      const rows = this.query(`SELECT * ${from} ORDER BY ${orderBy} LIMIT ? OFFSET ?`).all(
        ...params,
        request.limit,
        request.offset,
      ) as ApprovalRow[];
      if (!request.count) return { rows };
      const { n } = this.query(`SELECT count(*) AS n ${from}`).get(...params) as { n: number };
      return { rows, total: n };
    })();
  }

  listPending(request: ListRequest): { items: PendingApprovalBody[]; total?: number } {
    const { rows, total } = this.page('pending', request);
    const forwards = this.forwards(rows);
    return { items: rows.map((r) => toPending(r, forwards.get(r.id) ?? [])), total };
  }

  listCompleted(request: ListRequest): { items: CompletedApprovalBody[]; total?: number } {
    const { rows, total } = this.page('completed', request);
    const forwards = this.forwards(rows);
    return { items: rows.map((r) => toCompleted(r, forwards.get(r.id) ?? [])), total };
  }

  /** Pending approvals created, and decisions taken, at or after `from` (an instant; '' = since always). */
  summary(owner: string | null, from: string): { pending: number; approved: number; rejected: number } {
    return this.stmt.summary.get({ owner, from }) as { pending: number; approved: number; rejected: number };
  }

  private forwards(rows: ApprovalRow[]) {
    if (rows.length === 0) return new Map<string, PendingApprovalBody['forwardHistory']>();
    return forwardHistories(this.stmt.forwardsFor.all(JSON.stringify(rows.map((r) => r.id))) as ForwardRow[]);
  }

  // ---- mutations: each runs in one IMMEDIATE transaction, so the read that decides and the write that acts
  // hold the write lock together and two deciders can never both succeed; a thrown ApiProblem rolls back. ----

  private write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /**
   * The approval the caller may act on: 404 when unknown; 403 when it is someone else's (for a non-admin: ids
   * are unguessable, and an approver who forwarded it learns why it is gone); 400 once it is decided.
   */
  private actionable(caller: Caller, id: string): ApprovalRow {
    const row = this.stmt.get.get(id) as ApprovalRow | undefined;
    if (!row) throw new ApiProblem(404, `Access request approval ${id} was not found.`);
    if (!caller.admin && row.owner_id !== caller.id) {
      throw new ApiProblem(
        403,
        `Access request approval ${id} belongs to another approver; only its owner or an admin (ORG_ADMIN) may act on it.`,
      );
    }
    if (row.state !== 'PENDING') {
      throw new ApiProblem(
        400,
        `Access request approval ${id} is already ${row.state.toLowerCase()}; it cannot be decided or forwarded again.`,
      );
    }
    return row;
  }

  decide(caller: Caller, id: string, approve: boolean, comment: string | null): void {
    this.write(() => {
      const row = this.actionable(caller, id);
      refuseSelfReview(`access request approval ${id}`, partiesOf(row), caller.id);
      if (!approve && row.comment_required_when_rejected === 1 && comment === null) {
        throw new ApiProblem(400, `comment: access request approval ${id} requires a comment when it is rejected.`, [
          'comment is required',
        ]);
      }
      const at = now();
      this.stmt.decide.run({ state: approve ? 'APPROVED' : 'REJECTED', by: caller.id, comment, at, id });
    });
  }

  forward(caller: Caller, id: string, target: SandboxIdentity, comment: string): void {
    this.write(() => {
      const row = this.actionable(caller, id);
      if (target.id === row.owner_id) {
        throw new ApiProblem(400, `newOwnerId: ${target.name} already owns access request approval ${id}.`, [
          'newOwnerId is the current owner',
        ]);
      }
      refuseForwardTarget(`access request approval ${id}`, partiesOf(row), target, 'newOwnerId');
      const at = now();
      this.stmt.setOwner.run(target.id, at, id);
      this.stmt.addForward.run(id, row.owner_id, target.id, caller.id, comment, at);
    });
  }
}

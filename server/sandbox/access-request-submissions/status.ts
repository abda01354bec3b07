// GET /v3/access-request-status: each requested item of the submitted access requests, its state read off the
// approval it started (EXECUTING while it waits; REQUEST_COMPLETED once approved; REJECTED when rejected or
// expired; CANCELLED), and each approver of it. Anyone sees their own requests (made by them, for them, or waiting
// on them to approve); naming another identity is for admins (ORG_ADMIN).
import type {
  ApprovalStatusDto,
  RequestedItemState,
  RequestedItemStatus,
} from '../../../contract/access-request-submissions.ts';
import {
  ACCESS_REQUEST_STATUS_FILTERS,
  ACCESS_REQUEST_STATUS_SORTERS,
} from '../../../contract/access-request-submissions.ts';
import type { AccessRequestType, RequestableObjectType } from '../../../contract/access-requests.ts';
import { ApiProblem } from '../../errors.ts';
import type { Caller } from '../auth.ts';
import { filterToSql, parseSorters, type FilterColumn } from '../collection-sql.ts';
import type { Db } from '../db.ts';
import { FilterError, checkSupported, parseFilter } from '../filters.ts';
import { identityById } from '../identities.ts';
import type { ApprovalRow } from '../generic-approvals/lifecycle.ts';
import type { GenericApprovalStore } from '../generic-approvals/store.ts';
import type { StatusQuery } from './schemas.ts';

interface StatusRow {
  item_id: string;
  access_request_id: string;
  requester_id: string;
  requested_for_id: string;
  request_type: AccessRequestType;
  object_type: RequestableObjectType;
  object_id: string;
  object_name: string;
  object_description: string | null;
  comment: string | null;
  start_date: string | null;
  remove_date: string | null;
  client_metadata: string | null;
  approval_id: string;
  created: string;
  modified: string;
  approval_status: ApprovalRow['status'];
  completed: string | null;
}

const COLUMNS: Record<string, FilterColumn> = {
  accessRequestId: { column: 'access_request_id', kind: 'text' },
  accountActivityItemId: { column: 'item_id', kind: 'text' },
  created: { column: 'created', kind: 'date' },
};
const SORT_COLUMNS: Record<string, string> = {
  created: 'created',
  modified: 'modified',
  accountActivityItemId: 'item_id',
  name: 'object_name',
};
const STATE: Record<ApprovalRow['status'], RequestedItemState> = {
  PENDING: 'EXECUTING',
  APPROVED: 'REQUEST_COMPLETED',
  REJECTED: 'REJECTED',
  EXPIRED: 'REJECTED',
  CANCELLED: 'CANCELLED',
};
const SCHEME: Record<RequestableObjectType, string> = {
  ROLE: 'ROLE_OWNER',
  ACCESS_PROFILE: 'ACCESS_PROFILE_OWNER',
  ENTITLEMENT: 'ENTITLEMENT_OWNER',
};

const ref = (id: string) => ({ type: 'IDENTITY' as const, id, name: identityById(id)?.name ?? id });

function checked<T>(param: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    throw new ApiProblem(400, `Invalid ${param}: ${error.message}.`, [`${param}: ${error.message}`]);
  }
}

export class SubmissionStatus {
  constructor(
    private readonly db: Db,
    private readonly approvals: GenericApprovalStore,
  ) {}

  /** `me`, the caller's own id, or (admins only) anyone's. */
  private identityParam(caller: Caller, name: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (value === 'me' || value === caller.id) return caller.id;
    if (!caller.admin) {
      throw new ApiProblem(
        403,
        `${name} names another identity: only an admin (ORG_ADMIN) may see the requests of others.`,
      );
    }
    return value;
  }

  list(caller: Caller, q: StatusQuery): { items: RequestedItemStatus[]; total?: number } {
    const forId = this.identityParam(caller, 'requested-for', q['requested-for']);
    const byId = this.identityParam(caller, 'requested-by', q['requested-by']);
    const regarding = this.identityParam(caller, 'regarding-identity', q['regarding-identity']);
    const assigned = this.identityParam(caller, 'assigned-to', q['assigned-to']);
    if (regarding !== undefined && (forId !== undefined || byId !== undefined)) {
      throw new ApiProblem(400, 'regarding-identity cannot be combined with requested-for or requested-by.', [
        'regarding-identity is exclusive',
      ]);
    }
    const state = q['request-state'];
    if (state !== undefined && state !== 'EXECUTING') {
      throw new ApiProblem(400, `request-state: the only valid value is EXECUTING, not "${state.slice(0, 40)}".`);
    }
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]) => {
      conditions.push(sql);
      params.push(...values);
    };
    const waitingOn = `approval_id IN (SELECT approval_id FROM generic_approval_approvers
      WHERE identity_id = ? AND active = 1 AND decision IS NULL) AND approval_status = 'PENDING'`;
    // One's own: made by them, for them, or waiting on them to approve.
    if (!caller.admin)
      add(`(requester_id = ? OR requested_for_id = ? OR (${waitingOn}))`, caller.id, caller.id, caller.id);
    if (forId) add('requested_for_id = ?', forId);
    if (byId) add('requester_id = ?', byId);
    if (regarding) add('(requester_id = ? OR requested_for_id = ?)', regarding, regarding);
    if (assigned) add(waitingOn, assigned);
    if (state) add(`approval_status = 'PENDING'`);
    if (q.filters?.trim()) {
      const where = checked('filters', () => {
        const tree = parseFilter(q.filters!);
        checkSupported(tree, ACCESS_REQUEST_STATUS_FILTERS);
        return filterToSql(tree, COLUMNS);
      });
      add(where.sql, ...where.params);
    }
    const sorters = checked('sorters', () => parseSorters(q.sorters ?? '', ACCESS_REQUEST_STATUS_SORTERS));
    const order = sorters.length ? sorters : [{ field: 'created', descending: true }];
    const orderBy = [...order.map((s) => `${SORT_COLUMNS[s.field]} ${s.descending ? 'DESC' : 'ASC'}`), 'item_id'];
    this.approvals.expireDue();
    const source = `WITH st AS (SELECT s.*, g.modified AS modified, g.status AS approval_status, g.completed AS completed
      FROM access_request_submissions s JOIN generic_approvals g ON g.id = s.approval_id)
      SELECT * FROM st ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`;
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(`${source} ORDER BY ${orderBy.join(', ')} LIMIT ? OFFSET ?`)
        .all(...params, q.limit, q.offset) as StatusRow[];
      const total = q.count
        ? (this.db.prepare(`SELECT count(*) AS n FROM (${source})`).get(...params) as { n: number }).n
        : undefined;
      const details = this.approvals.details(rows.map((r) => r.approval_id));
      return { items: rows.map((r) => this.answer(r, details)), total };
    })();
  }

  private answer(r: StatusRow, details: ReturnType<GenericApprovalStore['details']>): RequestedItemStatus {
    const pending = r.approval_status === 'PENDING';
    const reassignments = details.reassignments.get(r.approval_id) ?? [];
    const approvers = details.approvers.get(r.approval_id) ?? [];
    const chained = approvers.some((a) => a.serial_order === 2);
    const approvalDetails: ApprovalStatusDto[] = approvers.map((a) => {
      const handedOver = reassignments.find((x) => x.to_id === a.identity_id && x.from_id);
      return {
        approvalId: r.approval_id,
        forwarded: handedOver !== undefined,
        originalOwner: ref(handedOver?.from_id ?? a.identity_id),
        currentOwner: ref(a.identity_id),
        modified: a.decided ?? r.modified,
        status: a.decision ?? r.approval_status,
        scheme: chained && a.serial_order === 1 ? 'MANAGER' : SCHEME[r.object_type],
        errorMessages: null,
        comment: null,
        removeDate: r.remove_date,
      };
    });
    return {
      id: r.access_request_id,
      name: r.object_name,
      type: r.object_type,
      state: STATE[r.approval_status],
      approvalDetails,
      approvalIds: [r.approval_id],
      accountActivityItemId: r.item_id,
      requestType: r.request_type,
      modified: r.modified,
      created: r.created,
      requester: ref(r.requester_id),
      requestedFor: ref(r.requested_for_id),
      requesterComment: r.comment ? { comment: r.comment, created: r.created, author: ref(r.requester_id) } : null,
      description: r.object_description,
      startDate: r.start_date,
      removeDate: r.remove_date,
      cancelable: pending,
      accessRequestId: r.access_request_id,
      clientMetadata: r.client_metadata ? (JSON.parse(r.client_metadata) as Record<string, string>) : null,
      cancelledRequestDetails: null,
      errorMessages: null,
      manualWorkItemDetails: null,
      sodViolationContext: null,
      provisioningDetails: null,
      preApprovalTriggerDetails: null,
      accessRequestPhases: [
        {
          started: r.created,
          finished: pending ? null : r.completed,
          name: 'APPROVAL_PHASE',
          state: pending ? 'EXECUTING' : 'COMPLETED',
          result: pending ? null : r.approval_status === 'APPROVED' ? 'SUCCESSFUL' : 'FAILED',
          phaseReference: 'approvalDetails',
        },
      ],
      requestedAccounts: null,
      privilegeLevel: null,
    };
  }
}

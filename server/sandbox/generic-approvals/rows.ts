// The Approvals service's stored rows, and what starting a new approval takes.
import type {
  ApprovalConfigScope,
  ApprovalPriority,
  ApprovalRequestedTarget,
  ApprovalStatus,
  CriteriaCalculation,
  LocalizedText,
} from '../../../contract/generic-approvals.ts';

export interface ApprovalRow {
  id: string;
  type: string;
  status: ApprovalStatus;
  priority: ApprovalPriority;
  medium: string;
  name: string;
  description: string;
  requester_id: string | null;
  requestee_id: string | null;
  created: string;
  modified: string;
  due: string | null;
  timeout_result: 'EXPIRED' | 'APPROVED';
  completed: string | null;
  criteria_type: 'SERIAL' | 'PARALLEL';
  approve_calc: CriteriaCalculation;
  approve_value: number;
  reject_calc: CriteriaCalculation;
  reject_value: number;
  serial_step: number;
  escalation_step: number;
  is_escalated: number;
  requires_comment: 'APPROVAL' | 'REJECTION' | 'ALL' | 'OFF';
  reference_type: string | null;
  reference_id: string | null;
  reference_name: string | null;
  batch_id: string | null;
  batch_size: number | null;
  requested_target: string;
  additional_attributes: string;
  static_attributes: string | null;
  approval_config: string;
}

export interface ApproverRow {
  approval_id: string;
  identity_id: string;
  serial_order: number;
  position: number;
  active: number;
  decision: 'APPROVED' | 'REJECTED' | null;
  decided: string | null;
}

export interface Criterion {
  calculationType: CriteriaCalculation;
  value: number;
}

/** A new approval, as whoever starts one (a submitted access request, the seed) describes it. */
export interface NewApproval {
  type: string;
  priority: ApprovalPriority;
  name: LocalizedText[];
  description: LocalizedText[];
  requesterId: string | null;
  requesteeId: string | null;
  /** SERIAL: one approver per step, in order. PARALLEL: all of them at once. */
  criteria: 'SERIAL' | 'PARALLEL';
  approvers: string[];
  /** PARALLEL only (default: the first approval approves, the first rejection rejects). */
  approve?: Criterion;
  reject?: Criterion;
  reference?: { type: string; id: string; name: string } | null;
  requestedTarget?: ApprovalRequestedTarget[];
  additionalAttributes?: Record<string, string>;
  staticAttributes?: Record<string, unknown> | null;
  batch?: { id: string; size: number } | null;
  /** Configs beyond the tenant's and the type's that apply, e.g. ['ROLE', roleId]. */
  configTargets?: (readonly [ApprovalConfigScope, string])[];
  /** Set by the seed: an id, and a deadline an earlier config gave it. */
  id?: string;
  due?: string | null;
}

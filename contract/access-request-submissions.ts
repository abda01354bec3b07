// Submitting an access request and following it (`POST /v3/access-requests`, `GET /v3/access-request-status`),
// written from the official spec subset (access-requests.v3.json). A submitted request answers 202 and starts its
// approvals in the Approvals service (contract/generic-approvals.ts), where the approver decides it.
import type { AccessRequestType, RequestableObjectType } from './access-requests.ts';

export const ACCESS_REQUESTS_PATH = '/v3/access-requests';
export const ACCESS_REQUEST_STATUS_PATH = '/v3/access-request-status';

export interface AccessRequestItem {
  type: RequestableObjectType;
  id: string;
  /** The requester's justification; required to revoke. */
  comment?: string;
  clientMetadata?: Record<string, string>;
  startDate?: string;
  removeDate?: string;
  assignmentId?: string | null;
  nativeIdentity?: string | null;
}

/** Body of `POST /v3/access-requests`. */
export interface AccessRequest {
  /** Identity ids; exactly one to revoke. */
  requestedFor: string[];
  /** Absent or null: GRANT_ACCESS. */
  requestType?: AccessRequestType | null;
  requestedItems: AccessRequestItem[];
  clientMetadata?: Record<string, string>;
}

/** The spec's limits when entitlements are asked for: 25 entitlements, 10 identities. */
export const MAX_REQUESTED_ENTITLEMENTS = 25;
export const MAX_REQUESTED_FOR_WITH_ENTITLEMENTS = 10;

export interface AccessRequestTracking {
  requestedFor?: string | null;
  requestedItemsDetails?: { type?: RequestableObjectType | null; id?: string | null }[] | null;
  attributesHash?: number | null;
  accessRequestIds?: string[] | null;
}

/** The 202's body: what started, and what was already asked for (not started again). */
export interface AccessRequestResponse {
  newRequests?: AccessRequestTracking[] | null;
  existingRequests?: AccessRequestTracking[] | null;
}

export const REQUESTED_ITEM_STATES = [
  'EXECUTING',
  'REQUEST_COMPLETED',
  'CANCELLED',
  'TERMINATED',
  'PROVISIONING_VERIFICATION_PENDING',
  'REJECTED',
  'PROVISIONING_FAILED',
  'NOT_ALL_ITEMS_PROVISIONED',
  'ERROR',
] as const;
export type RequestedItemState = (typeof REQUESTED_ITEM_STATES)[number];

export interface IdentityReference {
  type?: 'IDENTITY' | null;
  id?: string | null;
  name?: string | null;
}

/** One approval step of a requested item, as the status shows it. */
export interface ApprovalStatusDto {
  approvalId?: string | null;
  forwarded?: boolean | null;
  originalOwner?: { type?: 'GOVERNANCE_GROUP' | 'IDENTITY' | null; id?: string | null; name?: string | null } | null;
  currentOwner?: IdentityReference | null;
  modified?: string | null;
  status?: 'PENDING' | 'APPROVED' | 'REJECTED' | 'EXPIRED' | 'CANCELLED' | 'ARCHIVED' | null;
  scheme?: string | null;
  errorMessages?: { locale?: string | null; localeOrigin?: string | null; text?: string | null }[] | null;
  comment?: string | null;
  removeDate?: string | null;
}

/** One requested item of an access request (`GET /v3/access-request-status`). */
export interface RequestedItemStatus {
  id?: string | null;
  name?: string | null;
  type?: RequestableObjectType | null;
  state?: RequestedItemState | null;
  approvalDetails?: ApprovalStatusDto[] | null;
  approvalIds?: string[] | null;
  accountActivityItemId?: string | null;
  requestType?: AccessRequestType | null;
  modified?: string | null;
  created?: string | null;
  requester?: IdentityReference | null;
  requestedFor?: IdentityReference | null;
  requesterComment?: { comment?: string | null; created?: string | null; author?: IdentityReference | null } | null;
  description?: string | null;
  startDate?: string | null;
  removeDate?: string | null;
  cancelable?: boolean | null;
  accessRequestId?: string | null;
  clientMetadata?: Record<string, string> | null;
  cancelledRequestDetails?: {
    comment?: string | null;
    owner?: IdentityReference | null;
    modified?: string | null;
  } | null;
  errorMessages?: ApprovalStatusDto['errorMessages'][] | null;
  manualWorkItemDetails?: unknown[] | null;
  sodViolationContext?: unknown;
  provisioningDetails?: { orderedSubPhaseReferences?: string | null } | null;
  preApprovalTriggerDetails?: { comment?: string | null; reviewer?: string | null; decision?: string | null } | null;
  /** The phases the request went through, in order (here: its approval). */
  accessRequestPhases?:
    | {
        started?: string | null;
        finished?: string | null;
        name?: string | null;
        state?: 'PENDING' | 'EXECUTING' | 'COMPLETED' | 'CANCELLED' | 'NOT_EXECUTED' | null;
        result?: 'SUCCESSFUL' | 'FAILED' | null;
        phaseReference?: string | null;
      }[]
    | null;
  requestedAccounts?: unknown[] | null;
  privilegeLevel?: string | null;
}

/** `filters` of the status list, as the spec lists them. */
export const ACCESS_REQUEST_STATUS_FILTERS = {
  accessRequestId: ['eq', 'ge', 'gt', 'le', 'lt', 'ne', 'in', 'sw'],
  accountActivityItemId: ['eq', 'in', 'ge', 'gt', 'le', 'ne', 'sw'],
  created: ['eq', 'ge', 'gt', 'le', 'lt', 'ne'],
} as const;
export const ACCESS_REQUEST_STATUS_SORTERS = ['created', 'modified', 'accountActivityItemId', 'name'] as const;

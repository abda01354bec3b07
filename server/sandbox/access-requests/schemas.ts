// Request and response schemas of the access-request approvals routes (TypeBox), written from the spec subset.
// Request schemas validate before a handler runs (a failure is a 400 naming the parameter); response schemas
// type what the handlers return and serialise it. What the sandbox sends is stricter than the shared contract
// (which tolerates a real tenant's nulls and gaps); the assignments at the bottom keep the two in step.
import { Type, type Static, type TSchema } from 'typebox';
import { pagingQuery } from '../../schemas/paging.ts';
import type {
  ApprovalSummary,
  CompletedApproval as CompletedApprovalContract,
  PendingApproval as PendingApprovalContract,
} from '../../../contract/access-requests.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

const IdentityRef = Type.Object({ type: Type.Literal('IDENTITY'), id: Type.String(), name: Type.String() });

const Comment = Type.Object({
  comment: Nullable(Type.String()),
  created: DateTime,
  author: IdentityRef,
});

const RequestedObject = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Optional(Type.String()),
  type: Type.Union([Type.Literal('ACCESS_PROFILE'), Type.Literal('ROLE'), Type.Literal('ENTITLEMENT')]),
});

const ForwardHistory = Type.Object({
  oldApproverName: Type.String(),
  newApproverName: Type.String(),
  comment: Nullable(Type.String()),
  modified: DateTime,
  forwarderName: Nullable(Type.String()),
  reassignmentType: Type.Union([
    Type.Literal('MANUAL_REASSIGNMENT'),
    Type.Literal('AUTOMATIC_REASSIGNMENT'),
    Type.Literal('AUTO_ESCALATION'),
    Type.Literal('SELF_REVIEW_DELEGATION'),
  ]),
});

const Criteria = Type.Object({
  existing: Type.Boolean(),
  type: Type.String(),
  id: Type.String(),
  name: Type.String(),
});
const SodPolicy = Type.Object({ type: Type.Literal('SOD_POLICY'), id: Type.String(), name: Type.String() });

export const SodViolationContextSchema = Nullable(
  Type.Object({
    state: Nullable(Type.Union([Type.Literal('SUCCESS'), Type.Literal('ERROR')])),
    uuid: Nullable(Type.String()),
    violationCheckResult: Type.Object({
      violationContexts: Nullable(
        Type.Array(
          Type.Object({
            policy: SodPolicy,
            conflictingAccessCriteria: Type.Object({
              leftCriteria: Type.Object({ criteriaList: Type.Array(Criteria) }),
              rightCriteria: Type.Object({ criteriaList: Type.Array(Criteria) }),
            }),
          }),
        ),
      ),
      violatedPolicies: Nullable(Type.Array(SodPolicy)),
    }),
  }),
);
export type SodViolationContextBody = Static<typeof SodViolationContextSchema>;

export const RequestedAccountSchema = Type.Object({
  name: Type.String(),
  type: Type.Literal('ACCOUNT'),
  accountUuid: Nullable(Type.String()),
  accountId: Nullable(Type.String()),
  sourceName: Type.String(),
});
export type RequestedAccountBody = Static<typeof RequestedAccountSchema>;

export const CommentSchema = Comment;
export type CommentBody = Static<typeof Comment>;

/** What pending and completed answers share, in the spec's field order. */
const common = {
  id: Type.String(),
  accessRequestId: Type.String(),
  name: Type.String(),
  created: DateTime,
  modified: DateTime,
  requestCreated: DateTime,
  requestType: Type.Union([Type.Literal('GRANT_ACCESS'), Type.Literal('REVOKE_ACCESS'), Type.Literal('MODIFY_ACCESS')]),
  requester: IdentityRef,
  requestedFor: IdentityRef,
  owner: IdentityRef,
  requestedObject: RequestedObject,
  requesterComment: Type.Optional(Comment),
  previousReviewersComments: Type.Array(Comment),
  forwardHistory: Type.Array(ForwardHistory),
  commentRequiredWhenRejected: Type.Boolean(),
  removeDateUpdateRequested: Type.Boolean(),
  startDate: Type.Optional(DateTime),
  sodViolationContext: SodViolationContextSchema,
  clientMetadata: Type.Record(Type.String(), Type.String()),
  requestedAccounts: Nullable(Type.Array(RequestedAccountSchema)),
  privilegeLevel: Nullable(Type.String()),
};

// The pending answer's removeDate is not nullable in the spec (absent when there is none); the completed one's is.
export const PendingApprovalSchema = Type.Object({
  ...common,
  removeDate: Type.Optional(DateTime),
  currentRemoveDate: Type.Optional(DateTime),
});
export type PendingApprovalBody = Static<typeof PendingApprovalSchema>;

export const CompletedApprovalSchema = Type.Object({
  ...common,
  removeDate: Nullable(DateTime),
  currentRemoveDate: Nullable(DateTime),
  reviewedBy: IdentityRef,
  reviewerComment: Nullable(Comment),
  state: Type.Union([Type.Literal('APPROVED'), Type.Literal('REJECTED')]),
  preApprovalTriggerResult: Type.Null(),
});
export type CompletedApprovalBody = Static<typeof CompletedApprovalSchema>;

export const ApprovalSummarySchema = Type.Object({
  pending: Type.Integer(),
  approved: Type.Integer(),
  rejected: Type.Integer(),
});

// ---- requests ----

const ownerId = Type.String({ maxLength: 128 });

/** The spec's standard collection parameters (../../schemas/paging.ts), owner-id, filters and sorters. */
export const ListQuerySchema = Type.Object({
  'owner-id': Type.Optional(ownerId),
  ...pagingQuery(),
  filters: Type.Optional(Type.String({ maxLength: 4000 })),
  sorters: Type.Optional(Type.String({ maxLength: 200 })),
});

export const SummaryQuerySchema = Type.Object({
  'owner-id': Type.Optional(ownerId),
  'from-date': Type.Optional(Type.String({ maxLength: 64 })),
});

export const ApprovalParamsSchema = Type.Object({ approvalId: Type.String({ minLength: 1, maxLength: 128 }) });

/** CommentDto as a request body: `author` and `created` are the server's to fill in, so they are ignored. */
const CommentDtoBody = Type.Object({
  comment: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  created: Type.Optional(Type.String({ maxLength: 64 })),
  author: Type.Optional(Type.Object({})),
});
/** Approve's body is optional (no body, or `null`, is no comment). */
export const ApproveBodySchema = Nullable(CommentDtoBody);
/** Reject's body is required; its comment is required when the approval says so (checked by the store). */
export const RejectBodySchema = CommentDtoBody;

export const ForwardBodySchema = Type.Object({
  newOwnerId: Type.String({ minLength: 1, maxLength: 255 }),
  comment: Type.String({ minLength: 1, maxLength: 255 }),
});

/** The 202's empty object. */
export const AcceptedSchema = Type.Object({}, { additionalProperties: false });

// The sandbox's answers must stay readable through the shared contract (compile-time checks only).
type Assignable<T, U extends T> = U;
export type _PendingFitsContract = Assignable<PendingApprovalContract, PendingApprovalBody>;
export type _CompletedFitsContract = Assignable<CompletedApprovalContract, CompletedApprovalBody>;
export type _SummaryFitsContract = Assignable<ApprovalSummary, Static<typeof ApprovalSummarySchema>>;

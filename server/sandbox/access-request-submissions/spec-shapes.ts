// Test-side checks of the submit and status answers, written by hand from the spec subset (access-requests.v3.json),
// independently of the server's code: every property the spec gives, typed and nullable as it says, nothing else.
import { Type } from 'typebox';
import { closed, nullable, oneOf, str, bool, dateTime } from '../../test/spec-shape-kit.ts';

const stringMap = Type.Record(Type.String(), Type.String());
const itemType = oneOf('ACCESS_PROFILE', 'ROLE', 'ENTITLEMENT');
const requestType = nullable(oneOf('GRANT_ACCESS', 'REVOKE_ACCESS', 'MODIFY_ACCESS'));
const identity = closed({ type: oneOf('IDENTITY'), id: str, name: str });
const errorMessage = closed({ locale: nullable(str), localeOrigin: nullable(oneOf('DEFAULT', 'REQUEST')), text: str });

const tracking = closed({
  requestedFor: str,
  requestedItemsDetails: Type.Array(closed({ type: itemType, id: str })),
  attributesHash: Type.Integer({ minimum: -2147483648, maximum: 2147483647 }),
  accessRequestIds: Type.Array(str),
});
export const accessRequestResponse = closed({
  newRequests: Type.Array(tracking),
  existingRequests: Type.Array(tracking),
});

const approvalStatus = closed({
  approvalId: nullable(str),
  forwarded: bool,
  originalOwner: closed({ type: oneOf('GOVERNANCE_GROUP', 'IDENTITY'), id: str, name: str }),
  currentOwner: nullable(identity),
  modified: nullable(dateTime),
  status: oneOf('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED', 'ARCHIVED'),
  scheme: oneOf(
    'APP_OWNER',
    'SOURCE_OWNER',
    'MANAGER',
    'ROLE_OWNER',
    'ACCESS_PROFILE_OWNER',
    'ENTITLEMENT_OWNER',
    'GOVERNANCE_GROUP',
  ),
  errorMessages: nullable(Type.Array(errorMessage)),
  comment: nullable(str),
  removeDate: nullable(dateTime),
});

export const requestedItemStatus = closed({
  id: str,
  name: nullable(str),
  type: nullable(itemType),
  cancelledRequestDetails: nullable(closed({ comment: str, owner: identity, modified: dateTime })),
  errorMessages: nullable(Type.Array(Type.Array(errorMessage))),
  state: oneOf(
    'EXECUTING',
    'REQUEST_COMPLETED',
    'CANCELLED',
    'TERMINATED',
    'PROVISIONING_VERIFICATION_PENDING',
    'REJECTED',
    'PROVISIONING_FAILED',
    'NOT_ALL_ITEMS_PROVISIONED',
    'ERROR',
  ),
  approvalDetails: Type.Array(approvalStatus),
  approvalIds: nullable(Type.Array(str)),
  manualWorkItemDetails: nullable(Type.Array(Type.Unknown())),
  accountActivityItemId: str,
  requestType,
  modified: nullable(dateTime),
  created: dateTime,
  requester: identity,
  requestedFor: identity,
  requesterComment: nullable(closed({ comment: nullable(str), created: dateTime, author: identity })),
  sodViolationContext: Type.Null(),
  provisioningDetails: nullable(closed({ orderedSubPhaseReferences: str })),
  preApprovalTriggerDetails: nullable(closed({ comment: str, reviewer: str, decision: oneOf('APPROVED', 'REJECTED') })),
  accessRequestPhases: nullable(
    Type.Array(
      closed({
        started: dateTime,
        finished: nullable(dateTime),
        name: str,
        state: oneOf('PENDING', 'EXECUTING', 'COMPLETED', 'CANCELLED', 'NOT_EXECUTED'),
        result: nullable(oneOf('SUCCESSFUL', 'FAILED')),
        phaseReference: nullable(str),
      }),
    ),
  ),
  description: nullable(str),
  startDate: nullable(dateTime),
  removeDate: nullable(dateTime),
  cancelable: bool,
  accessRequestId: str,
  clientMetadata: nullable(stringMap),
  requestedAccounts: nullable(Type.Array(Type.Unknown())),
  privilegeLevel: nullable(str),
});

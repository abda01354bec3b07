// Request schemas of POST /v3/access-requests and GET /v3/access-request-status (TypeBox), from the spec subset.
// Bounded everywhere: at most 10 identities and 25 items a request (the spec's limits when entitlements are asked
// for, applied to every request here so one call cannot start thousands of approvals).
import { Type, type Static } from 'typebox';
import {
  MAX_REQUESTED_ENTITLEMENTS,
  MAX_REQUESTED_FOR_WITH_ENTITLEMENTS,
} from '../../../contract/access-request-submissions.ts';

const id = Type.String({ minLength: 1, maxLength: 128 });
const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const stringMap = Type.Record(Type.String(), Type.String({ maxLength: 1000 }), {
  maxProperties: 20,
  propertyNames: { minLength: 1, maxLength: 128 },
});
const dateTime = Type.String({ format: 'date-time', maxLength: 40 });

const RequestedItemSchema = Type.Object({
  type: oneOf(['ACCESS_PROFILE', 'ROLE', 'ENTITLEMENT']),
  id,
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  clientMetadata: Type.Optional(stringMap),
  startDate: Type.Optional(dateTime),
  removeDate: Type.Optional(dateTime),
  assignmentId: Type.Optional(Type.Union([Type.String({ maxLength: 128 }), Type.Null()])),
  nativeIdentity: Type.Optional(Type.Union([Type.String({ maxLength: 512 }), Type.Null()])),
});
export type RequestedItem = Static<typeof RequestedItemSchema>;

export const AccessRequestBodySchema = Type.Object({
  requestedFor: Type.Array(id, { minItems: 1, maxItems: MAX_REQUESTED_FOR_WITH_ENTITLEMENTS }),
  requestType: Type.Optional(Type.Union([oneOf(['GRANT_ACCESS', 'REVOKE_ACCESS', 'MODIFY_ACCESS']), Type.Null()])),
  requestedItems: Type.Array(RequestedItemSchema, { minItems: 1, maxItems: MAX_REQUESTED_ENTITLEMENTS }),
  clientMetadata: Type.Optional(stringMap),
  requestedForWithRequestedItems: Type.Optional(
    Type.Union([Type.Array(Type.Unknown(), { maxItems: 10 }), Type.Null()]),
  ),
});
export type AccessRequestBody = Static<typeof AccessRequestBodySchema>;

const who = Type.Optional(Type.String({ minLength: 1, maxLength: 128 }));
export const StatusQuerySchema = Type.Object({
  'requested-for': who,
  'requested-by': who,
  'regarding-identity': who,
  'assigned-to': who,
  count: Type.Boolean({ default: false }),
  limit: Type.Integer({ minimum: 0, maximum: 250, default: 250 }),
  offset: Type.Integer({ minimum: 0, maximum: 2_147_483_647, default: 0 }),
  filters: Type.Optional(Type.String({ maxLength: 4000 })),
  sorters: Type.Optional(Type.String({ maxLength: 200 })),
  'request-state': Type.Optional(Type.String({ maxLength: 40 })),
});
export type StatusQuery = Static<typeof StatusQuerySchema>;

// Request schemas of the Approvals service (TypeBox), written from the spec subset: they validate before a
// handler runs, so a failure is a 400 naming the parameter or field. Every string, list and map is bounded.
// The answers are typed by the shared contract (contract/generic-approvals.ts) and serialised as they are.
import { Type, type Static } from 'typebox';
import { ApiProblem } from '../../errors.ts';
import {
  APPROVAL_CONFIG_SCOPES,
  MAX_BULK_APPROVALS,
  MAX_DAYS_UNTIL_TIMEOUT,
  MAX_REMINDERS,
  REQUIRES_COMMENT,
  TIMEOUT_RESULTS,
} from '../../../contract/generic-approvals.ts';

const flag = Type.Boolean({ default: false });
const id = Type.String({ minLength: 1, maxLength: 128 });
const comment = Type.String({ maxLength: 4000 });
const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
/** A map of strings: at most 50 keys of at most 128 characters, values of at most 4000. */
const stringMap = Type.Record(Type.String(), Type.String({ maxLength: 4000 }), {
  maxProperties: 50,
  propertyNames: { minLength: 1, maxLength: 128 },
});

/** `limit` as the spec's standard parameter; `offset` an int32 as the spec's format says. */
export const ListQuerySchema = Type.Object({
  mine: Type.Optional(Type.Boolean()),
  requesterId: Type.Optional(id),
  requesteeId: Type.Optional(id),
  approverId: Type.Optional(id),
  count: flag,
  'count-only': flag,
  'include-comments': flag,
  'include-approvers': flag,
  'include-reassignment-history': flag,
  'include-batch-info': flag,
  filters: Type.Optional(Type.String({ maxLength: 4000 })),
  limit: Type.Integer({ minimum: 0, maximum: 250, default: 250 }),
  offset: Type.Integer({ minimum: 0, maximum: 2_147_483_647, default: 0 }),
});
export type ListQuery = Static<typeof ListQuerySchema>;

/**
 * The bounds of `limit` and `offset` once more: Ajv's coercion turns "1e400" into Infinity and lets it past
 * `maximum` (SQLite then refuses it: a 500). A 400 that names the bound instead.
 */
export function checkPaging(query: { limit: number; offset: number }): void {
  for (const [name, max] of [
    ['limit', 250],
    ['offset', 2_147_483_647],
  ] as const) {
    if (!Number.isSafeInteger(query[name])) {
      throw new ApiProblem(400, `Invalid querystring: querystring.${name} must be <= ${max}`, [
        `querystring.${name} must be <= ${max}`,
      ]);
    }
  }
}

export const IdParamsSchema = Type.Object({ id });

export const ApproveBodySchema = Type.Union([
  Type.Object({
    comment: Type.Optional(comment),
    additionalAttributes: Type.Optional(stringMap),
    overrideApproverID: Type.Optional(id),
  }),
  Type.Null(),
]);
export type ApproveBody = Static<typeof ApproveBodySchema>;

export const RejectBodySchema = Type.Union([
  Type.Object({ comment: Type.Optional(comment), overrideApproverID: Type.Optional(id) }),
  Type.Null(),
]);
export type RejectBody = Static<typeof RejectBodySchema>;

export const ReassignBodySchema = Type.Object({
  reassignTo: id,
  reassignFrom: Type.Optional(Type.String({ maxLength: 128 })),
  comment: Type.Optional(comment),
});
export type ReassignBody = Static<typeof ReassignBodySchema>;

export const CommentBodySchema = Type.Object({ comment });

export const AttributesBodySchema = Type.Object({
  additionalAttributes: Type.Optional(stringMap),
  removeAttributeKeys: Type.Optional(Type.Array(Type.String({ maxLength: 128 }), { maxItems: 50 })),
  comment: Type.Optional(comment),
});
export type AttributesBody = Static<typeof AttributesBodySchema>;

const approvalIds = Type.Array(id, { minItems: 1, maxItems: MAX_BULK_APPROVALS });
export const BulkBodySchema = Type.Object({ approvalIds, comment: Type.Optional(comment) });
export type BulkBody = Static<typeof BulkBodySchema>;
export const BulkApproveBodySchema = Type.Object({
  approvalIds,
  comment: Type.Optional(comment),
  additionalAttributes: Type.Optional(stringMap),
});
export const BulkReassignBodySchema = Type.Object({
  approvalIds,
  comment: Type.Optional(comment),
  reassignFrom: Type.Optional(Type.String({ maxLength: 128 })),
  reassignTo: id,
});
export type BulkReassignBody = Static<typeof BulkReassignBodySchema>;

export const ConfigParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' }),
  scope: oneOf(APPROVAL_CONFIG_SCOPES),
});
export const ConfigIdParamsSchema = Type.Object({ id: ConfigParamsSchema.properties.id });

const days = Type.Integer({ minimum: 0, maximum: 365 });
const cron = Type.String({ maxLength: 100 });
const chainEntry = Type.Object({
  identityId: Type.Optional(Type.String({ maxLength: 128 })),
  identityType: Type.Optional(Type.String({ maxLength: 64, pattern: '^[A-Z_]+$' })),
});
const chain = Type.Array(chainEntry, { maxItems: 10 });
const section = <T extends Record<string, import('typebox').TSchema>>(properties: T) =>
  Type.Optional(Type.Union([Type.Object(properties, { additionalProperties: false }), Type.Null()]));

/** ApprovalConfig as PUT takes it: the spec's sections, their ranges (90 days, 20 reminders), nothing else. */
export const ConfigBodySchema = Type.Object(
  {
    reminderConfig: section({
      enabled: Type.Optional(Type.Boolean()),
      daysUntilFirstReminder: Type.Optional(days),
      reminderCronSchedule: Type.Optional(cron),
      maxReminders: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_REMINDERS })),
    }),
    escalationConfig: section({
      enabled: Type.Optional(Type.Boolean()),
      daysUntilFirstEscalation: Type.Optional(days),
      escalationCronSchedule: Type.Optional(cron),
      escalationChain: Type.Optional(chain),
    }),
    timeoutConfig: section({
      enabled: Type.Optional(Type.Boolean()),
      daysUntilTimeout: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_DAYS_UNTIL_TIMEOUT })),
      timeoutResult: Type.Optional(oneOf(TIMEOUT_RESULTS)),
    }),
    cronTimezone: section({
      location: Type.Optional(Type.String({ maxLength: 64 })),
      offset: Type.Optional(Type.String({ maxLength: 16 })),
    }),
    serialChain: Type.Optional(Type.Union([chain, Type.Null()])),
    requiresComment: Type.Optional(Type.Union([oneOf(REQUIRES_COMMENT), Type.Null()])),
    fallbackApprover: section({
      identityID: Type.Optional(Type.String({ maxLength: 128 })),
      type: Type.Optional(Type.String({ maxLength: 64, pattern: '^[A-Z_]+$' })),
    }),
    machineIdentityManagerAssignment: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    circumventApprovalProcess: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
    autoApprove: Type.Optional(Type.Union([oneOf(['OFF', 'DIRECT', 'INDIRECT']), Type.Null()])),
  },
  { additionalProperties: false },
);

/** The bulk operations' 202 (the spec: `type: object`). */
export const AcceptedSchema = Type.Object({}, { additionalProperties: false });

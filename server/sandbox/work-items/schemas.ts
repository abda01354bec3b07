// The Work Items API's shapes as TypeBox schemas: the request parts Fastify validates (a failure is a 400 naming
// the parameter) and the 200 answers it serialises. Each model's static type must be the contract's type.
import { Type } from 'typebox';
import { COMMENT_MAX_LENGTH } from '../../../contract/limits.ts';
import {
  WORK_ITEM_STATES,
  WORK_ITEM_TYPES,
  type ApprovalItemDetails,
  type FormDetails,
  type ForwardHistoryEntry,
  type RemediationItemDetails,
  type WorkItem,
  type WorkItemForward,
  type WorkItemsCount,
  type WorkItemsSummary,
} from '../../../contract/work-items.ts';
import { pagingQuery } from '../../schemas/paging.ts';
import { Nullable, StringEnum, type Agrees, type StaticSame } from '../../schemas/shapes.ts';

const OptionalString = () => Type.Optional(Type.String());
const OptionalNullableString = () => Type.Optional(Nullable(Type.String()));

const ApprovalItemSchema = Type.Object({
  id: OptionalString(),
  account: OptionalNullableString(),
  application: OptionalString(),
  name: OptionalNullableString(),
  operation: OptionalString(),
  value: OptionalNullableString(),
  state: Type.Optional(Nullable(StringEnum(WORK_ITEM_STATES))),
});

const RemediationItemSchema = Type.Object({
  id: OptionalString(),
  targetId: OptionalString(),
  targetName: OptionalString(),
  targetDisplayName: OptionalString(),
  applicationName: OptionalString(),
  attributeName: OptionalString(),
  attributeOperation: OptionalString(),
  attributeValue: OptionalString(),
  nativeIdentity: OptionalString(),
});

const AllowedValueSchema = Type.Object({ label: OptionalString(), value: Type.String() });

/** A section holds form items, each a field or a section again: a cycle, which TypeBox writes as $defs + $ref. */
const SectionSchema = Type.Cyclic(
  {
    Section: Type.Object({
      name: OptionalString(),
      label: OptionalNullableString(),
      formItems: Type.Optional(Nullable(Type.Array(Type.Ref('FormItem')))),
    }),
    Field: Type.Object({
      name: Type.String(),
      displayName: OptionalNullableString(),
      displayType: OptionalNullableString(),
      required: Type.Optional(Nullable(Type.Boolean())),
      allowedValuesList: Type.Optional(Nullable(Type.Array(AllowedValueSchema))),
      value: Type.Optional(Type.Unknown()),
    }),
    FormItem: Type.Union([Type.Ref('Section'), Type.Ref('Field')]),
  },
  'Section',
);
// As an anyOf, the serialiser would write each item by the first branch it validates against, and every field
// is also a valid section (all of a section's properties are optional): its value would be lost. The same union
// as if/then/else picks by the rule of the contract's isSection: a section is the item with a formItems array.
SectionSchema.$defs.FormItem = Type.Unsafe({
  $id: 'FormItem',
  if: { type: 'object', required: ['formItems'], properties: { formItems: { type: 'array' } } },
  then: { $ref: 'Section' },
  else: { $ref: 'Field' },
}) as unknown as (typeof SectionSchema.$defs)['FormItem'];

const FormSchema = Type.Object({
  id: OptionalNullableString(),
  name: OptionalNullableString(),
  title: OptionalString(),
  subtitle: OptionalString(),
  targetUser: OptionalString(),
  sections: Type.Optional(Nullable(Type.Array(SectionSchema))),
});

const ForwardHistoryEntrySchema = Type.Object({
  fromId: Type.String(),
  fromName: Type.String(),
  toId: Type.String(),
  toName: Type.String(),
  byId: Type.String(),
  byName: Type.String(),
  comment: Type.String(),
  forwarded: Type.String(),
  reassignmentType: Type.Optional(Type.Literal('AUTOMATIC_REASSIGNMENT')),
});

export const WorkItemSchema = Type.Object({
  id: Type.String(),
  requesterId: OptionalNullableString(),
  requesterDisplayName: OptionalNullableString(),
  ownerId: OptionalNullableString(),
  ownerName: OptionalString(),
  created: OptionalString(),
  modified: OptionalNullableString(),
  description: OptionalString(),
  state: Type.Optional(StringEnum(WORK_ITEM_STATES)),
  type: Type.Optional(StringEnum(WORK_ITEM_TYPES)),
  remediationItems: Type.Optional(Nullable(Type.Array(RemediationItemSchema))),
  approvalItems: Type.Optional(Nullable(Type.Array(ApprovalItemSchema))),
  name: OptionalNullableString(),
  completed: OptionalNullableString(),
  numItems: Type.Optional(Nullable(Type.Number())),
  form: Type.Optional(Nullable(FormSchema)),
  errors: Type.Optional(Type.Array(Type.String())),
  /** The sandbox's extension: a real tenant does not send it, the sandbox always does. */
  forwardHistory: Type.Optional(Type.Array(ForwardHistoryEntrySchema)),
});

export const WorkItemListSchema = Type.Array(WorkItemSchema);
export const WorkItemsCountSchema = Type.Object({ count: Type.Integer() });
export const WorkItemsSummarySchema = Type.Object({
  open: Type.Integer(),
  completed: Type.Integer(),
  total: Type.Integer(),
});

// ---- request parts ----

const IDENTITY_ID_MAX = 128;
const OwnerId = () => Type.Optional(Type.String({ maxLength: IDENTITY_ID_MAX }));
const Id = () => Type.String({ minLength: 1, maxLength: IDENTITY_ID_MAX });

/** The spec's standard collection parameters, and whose items (an admin may name someone else). */
export const ListQuerySchema = Type.Object({ ...pagingQuery(), ownerId: OwnerId() });
export const OwnerQuerySchema = Type.Object({ ownerId: OwnerId() });
export const IdParamsSchema = Type.Object({ id: Id() });
export const DecisionParamsSchema = Type.Object({ id: Id(), approvalItemId: Id() });

export const WorkItemForwardSchema = Type.Object({
  targetOwnerId: Type.String({ maxLength: IDENTITY_ID_MAX }),
  comment: Type.String({ maxLength: COMMENT_MAX_LENGTH }),
  sendNotifications: Type.Optional(Type.Boolean()),
});
/** A map keyed on field name; what the names and values may be is the contract's account-selection rule. */
export const AccountSelectionSchema = Type.Record(Type.String(), Type.Unknown());

// ---- the schemas and the contract describe the same shapes (a compile error otherwise) ----

export type SchemasAgreeWithTheContract = [
  Agrees<StaticSame<typeof WorkItemSchema, WorkItem>>,
  Agrees<StaticSame<typeof ApprovalItemSchema, ApprovalItemDetails>>,
  Agrees<StaticSame<typeof RemediationItemSchema, RemediationItemDetails>>,
  Agrees<StaticSame<typeof FormSchema, FormDetails>>,
  Agrees<StaticSame<typeof ForwardHistoryEntrySchema, ForwardHistoryEntry>>,
  Agrees<StaticSame<typeof WorkItemsCountSchema, WorkItemsCount>>,
  Agrees<StaticSame<typeof WorkItemsSummarySchema, WorkItemsSummary>>,
  Agrees<StaticSame<typeof WorkItemForwardSchema, WorkItemForward>>,
];

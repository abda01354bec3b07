// Request schemas of work reassignment (TypeBox), from the spec subset: they validate before a handler runs, so a
// failure is a 400 naming the parameter or field. Every string is bounded. The spec marks no body field required:
// which ones a request needs is the store's rule (a 400 that names the missing one).
import { Type, type Static } from 'typebox';
import {
  CONFIG_TYPES,
  type ReassignmentConfigRequest,
  type ReassignmentTenantConfigRequest,
} from '../../../contract/work-reassignment.ts';
import { Nullable, StringEnum, type Agrees, type StaticSame } from '../../schemas/shapes.ts';

const id = Type.String({ minLength: 1, maxLength: 128 });
const dateTime = Type.String({ format: 'date-time', maxLength: 40 });
const configType = StringEnum(CONFIG_TYPES);

export const IdentityParamsSchema = Type.Object({ identityId: id });
export const TypedParamsSchema = Type.Object({ identityId: id, configType });

/** `exclusionFilters`: the SDK sends the list comma-separated; a repeated parameter arrives as an array. */
export const EvaluateQuerySchema = Type.Object({
  exclusionFilters: Type.Optional(
    Type.Union([Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 10 })]),
  ),
});
export type EvaluateQuery = Static<typeof EvaluateQuerySchema>;

export const ConfigRequestSchema = Type.Object({
  reassignedFromId: Type.Optional(id),
  reassignedToId: Type.Optional(id),
  configType: Type.Optional(configType),
  startDate: Type.Optional(dateTime),
  endDate: Type.Optional(Nullable(dateTime)),
});

export const TenantConfigRequestSchema = Type.Object({
  configDetails: Type.Optional(Nullable(Type.Object({ disabled: Type.Optional(Nullable(Type.Boolean())) }))),
});

// ---- the schemas and the contract describe the same shapes (a compile error otherwise) ----

export type SchemasAgreeWithTheContract = [
  Agrees<StaticSame<typeof ConfigRequestSchema, ReassignmentConfigRequest>>,
  Agrees<StaticSame<typeof TenantConfigRequestSchema, ReassignmentTenantConfigRequest>>,
];

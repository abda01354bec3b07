// GET /v3/public-identities: its query and its answer.
import { Type } from 'typebox';
import { pagingQuery } from '../../schemas/paging.ts';
import type { IdentityReference, PublicIdentity } from '../../../contract/work-items.ts';
import { Nullable, StringEnum, type Agrees, type StaticSame } from '../../schemas/shapes.ts';

const IdentityReferenceSchema = Type.Object({
  type: Type.Optional(Type.String()),
  id: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
});

const PublicIdentitySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  alias: Type.Optional(Type.String()),
  email: Type.Optional(Nullable(Type.String())),
  status: Type.Optional(Nullable(Type.String())),
  identityState: Type.Optional(Nullable(StringEnum(['ACTIVE', 'INACTIVE_SHORT_TERM', 'INACTIVE_LONG_TERM'] as const))),
  manager: Type.Optional(Nullable(IdentityReferenceSchema)),
  attributes: Type.Optional(
    Type.Array(
      Type.Object({
        key: Type.Optional(Type.String()),
        name: Type.Optional(Type.String()),
        value: Type.Optional(Nullable(Type.String())),
      }),
    ),
  ),
});
export const PublicIdentityListSchema = Type.Array(PublicIdentitySchema);

export const PublicIdentitiesQuerySchema = Type.Object({
  ...pagingQuery(),
  filters: Type.Optional(Type.String({ maxLength: 4000 })),
  sorters: Type.Optional(Type.String({ maxLength: 200 })),
  'add-core-filters': Type.Boolean({ default: false }),
});

export type SchemasAgreeWithTheContract = [
  Agrees<StaticSame<typeof PublicIdentitySchema, PublicIdentity>>,
  Agrees<StaticSame<typeof IdentityReferenceSchema, IdentityReference>>,
];

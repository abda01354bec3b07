// The server's own endpoints (/auth, /health): what they accept and answer. The contract's session types are
// what the page reads; these schemas must describe exactly those.
import { Type } from 'typebox';
import type { AuthConfig, DemoIdentity, ServerMode, SessionView } from '../../contract/session.ts';
import { StringEnum, type Agrees, type StaticSame } from './shapes.ts';

const ModeSchema = StringEnum(['sandbox', 'tenant'] as const);

export const SessionViewSchema = Type.Object({
  identityId: Type.String(),
  name: Type.String(),
  isAdmin: Type.Boolean(),
  expiresAt: Type.String(),
  mode: ModeSchema,
});

export const AuthConfigSchema = Type.Object({ mode: ModeSchema, pat: Type.Boolean(), oauth: Type.Boolean() });

const DemoIdentitySchema = Type.Object({ alias: Type.String(), name: Type.String(), isAdmin: Type.Boolean() });
export const DemoIdentityListSchema = Type.Array(DemoIdentitySchema);

export const HealthSchema = Type.Object({ status: Type.Literal('ok'), mode: ModeSchema });

/** POST /auth/session: a personal access token, or (sandbox only) a demo identity's alias; nothing else. */
export const SignInBodySchema = Type.Object(
  {
    identity: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    clientId: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    clientSecret: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false, anyOf: [{ required: ['identity'] }, { required: ['clientId', 'clientSecret'] }] },
);

export type SchemasAgreeWithTheContract = [
  Agrees<StaticSame<typeof ModeSchema, ServerMode>>,
  Agrees<StaticSame<typeof SessionViewSchema, SessionView>>,
  Agrees<StaticSame<typeof AuthConfigSchema, AuthConfig>>,
  Agrees<StaticSame<typeof DemoIdentitySchema, DemoIdentity>>,
];

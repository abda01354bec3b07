// What the sandbox's token endpoint answers.
import { Type, type Static } from 'typebox';

/** RFC 6749 §5.1, with the extra fields ISC's token endpoint adds. */
export const IssuedTokenSchema = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('bearer'),
  expires_in: Type.Integer(),
  scope: Type.String(),
  tenant_id: Type.String(),
  internal: Type.Boolean(),
  pod: Type.String(),
  strong_auth_supported: Type.Boolean(),
  org: Type.String(),
  identity_id: Type.String(),
  user_name: Type.String(),
  strong_auth: Type.Boolean(),
  jti: Type.String(),
});
export type IssuedToken = Static<typeof IssuedTokenSchema>;

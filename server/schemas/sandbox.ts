// The sandbox's own endpoints (not part of ISC's v3 API): the token endpoint's answer and /sandbox/faults.
import { Type, type Static } from 'typebox';
import { MAX_RULES } from '../sandbox/faults/rules.ts';

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

const ruleProperties = {
  method: Type.Optional(Type.String({ maxLength: 10 })),
  path: Type.String({ minLength: 1, maxLength: 500 }),
  // Ranges are checked by checkRule, whose messages say which value is allowed.
  latencyMs: Type.Optional(Type.Integer()),
  status: Type.Optional(Type.Integer()),
  retryAfter: Type.Optional(Type.Integer()),
  drop: Type.Optional(Type.Boolean()),
  probability: Type.Optional(Type.Number()),
  count: Type.Optional(Type.Integer()),
};

/** A fault rule as PUT /sandbox/faults accepts it (the JSON form of one line of the SANDBOX_FAULTS syntax). */
const FaultRuleInputSchema = Type.Object(ruleProperties, { additionalProperties: false });
export type FaultRuleInput = Static<typeof FaultRuleInputSchema>;

export const FaultsBodySchema = Type.Object(
  {
    spec: Type.Optional(Type.String({ maxLength: 20_000 })),
    rules: Type.Optional(Type.Array(FaultRuleInputSchema, { maxItems: MAX_RULES })),
  },
  { additionalProperties: false, oneOf: [{ required: ['spec'] }, { required: ['rules'] }] },
);

/** GET /sandbox/faults: the rules as a spec and one by one, with what is left of each count and its hits. */
export const FaultsListSchema = Type.Object({
  spec: Type.String(),
  rules: Type.Array(Type.Object({ ...ruleProperties, hits: Type.Integer(), remaining: Type.Optional(Type.Integer()) })),
});

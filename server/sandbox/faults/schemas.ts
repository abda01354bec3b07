// What /sandbox/faults accepts and answers.
import { Type, type Static } from 'typebox';
import { MAX_RULES } from './rules.ts';

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

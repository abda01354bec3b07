// Test-side checks of work reassignment's answers, written from the spec subset (work-reassignment.v2025.json) by
// hand, independently of the server's code: every property the spec gives each schema, typed as it says, and nothing
// else (additionalProperties: false), so a field the spec does not know, a wrong type or a bad enum value fails the
// test. The spec marks no property required; a `nullable` one also takes null; the dates it types as date-times
// must be ISO-8601 date-times. One correction: the spec's ReassignmentTypeEnum values carry a stray trailing comma
// ("AUTOMATIC_REASSIGNMENT,") that its own examples and ISC's answers do not; the values are accepted without it.
// ConfigType's names are as the spec has them: `internalName` takes the camel-case values, `internalNameCamel` the
// upper-case ones.
import { Type, type TSchema } from 'typebox';
// ErrorResponseDto is the same in every ISC spec: one shape for all of them.
import { errorResponse } from '../generic-approvals/spec-shapes.ts';
import { closed, nullable, oneOf, str, bool, int, dateTime } from '../../test/spec-shape-kit.ts';
import { Compile } from 'typebox/compile';

/** ConfigTypeEnum. */
const configType = oneOf('ACCESS_REQUESTS', 'CERTIFICATIONS', 'MANUAL_TASKS', 'GENERIC_APPROVALS');
/** ConfigTypeEnumCamel (the spec gives GENERIC_APPROVALS no camel name). */
const configTypeCamel = oneOf('accessRequests', 'certifications', 'manualTasks');
/** ReassignmentTypeEnum, without the spec's stray trailing commas. */
const reassignmentType = oneOf(
  'MANUAL_REASSIGNMENT',
  'AUTOMATIC_REASSIGNMENT',
  'AUTO_ESCALATION',
  'SELF_REVIEW_DELEGATION',
);

/** Identity-2. */
const identity = closed({ id: str, name: str });
const auditDetails = closed({ created: dateTime, createdBy: identity, modified: dateTime, modifiedBy: identity });
const configurationDetails = closed({
  configType,
  targetIdentity: identity,
  startDate: dateTime,
  endDate: dateTime,
  auditDetails,
});

/** ConfigType: an entry of `GET …/types`. */
export const configTypeInfo = closed({
  priority: int,
  internalName: configTypeCamel,
  internalNameCamel: configType,
  displayName: str,
  description: str,
});
/** ConfigurationResponse (list, get one). */
export const configurationResponse = closed({ identity, configDetails: Type.Array(configurationDetails) });
/** ConfigurationItemResponse (create, update): the same properties as ConfigurationResponse. */
export const configurationItemResponse = closed({ identity, configDetails: Type.Array(configurationDetails) });
/** EvaluateResponse. */
export const evaluateResponse = closed({
  reassignToId: str,
  lookupTrail: Type.Array(closed({ reassignedToId: str, reassignedFromId: str, reassignmentType })),
});
/** TenantConfigurationResponse. */
export const tenantConfigurationResponse = closed({
  auditDetails,
  configDetails: closed({ disabled: nullable(bool) }),
});

/** The 401 answer: an object with `error` (the spec does not type it). */
const unauthorized = closed({ error: Type.Unknown() });
/** The 429 answer: an object with `message` (the spec does not type it). */
const tooManyRequests = closed({ message: Type.Unknown() });

const ERRORS = { 400: errorResponse, 401: unauthorized, 403: errorResponse, 429: tooManyRequests, 500: errorResponse };
const WITH_404 = { ...ERRORS, 404: errorResponse };

/** Each operation's answers with a JSON body, by status: `method` and path as the spec writes them. */
const ANSWERS: Record<string, Record<number, TSchema>> = {
  'GET /reassignment-configurations/types': { 200: Type.Array(configTypeInfo), ...ERRORS },
  'GET /reassignment-configurations': { 200: Type.Array(configurationResponse), ...WITH_404 },
  'POST /reassignment-configurations': { 201: configurationItemResponse, ...ERRORS },
  'GET /reassignment-configurations/{identityId}': { 200: configurationResponse, ...WITH_404 },
  'PUT /reassignment-configurations/{identityId}': { 200: configurationItemResponse, ...ERRORS },
  // 204 answers no body.
  'DELETE /reassignment-configurations/{identityId}/{configType}': { ...ERRORS },
  'GET /reassignment-configurations/{identityId}/evaluate/{configType}': {
    200: Type.Array(evaluateResponse),
    ...ERRORS,
  },
  'GET /reassignment-configurations/tenant-config': { 200: tenantConfigurationResponse, ...WITH_404 },
  'PUT /reassignment-configurations/tenant-config': { 200: tenantConfigurationResponse, ...ERRORS },
};

/** Each answer's validator compiled once: compiling per answer cost more than the requests it checks. */
const compiled = new Map<string, ReturnType<typeof Compile>>();

/**
 * The compiled validator of what the spec says `method specPath` answers with `status` (`specPath` as the spec writes
 * it, e.g. '/reassignment-configurations/{identityId}'). Throws for an operation or status the spec gives no body.
 */
export function specAnswer(method: string, specPath: string, status: number) {
  const operation = `${method.toUpperCase()} ${specPath}`;
  const key = `${operation} ${status}`;
  let validator = compiled.get(key);
  if (!validator) {
    const answers = ANSWERS[operation];
    if (!answers) {
      throw new Error(
        `No spec shape for ${operation}: the spec subset's operations are ${Object.keys(ANSWERS).join(', ')}.`,
      );
    }
    const schema = answers[status];
    if (!schema) {
      throw new Error(
        `No spec shape for ${operation} → ${status}: the spec gives it a body for ${Object.keys(answers).join(', ')}.`,
      );
    }
    compiled.set(key, (validator = Compile(schema)));
  }
  return validator;
}

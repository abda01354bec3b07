// Helpers for work reassignment's tests: every answer checked against the official spec subset itself
// (work-reassignment.v2025.json, read at test time from the team's shared spec folder, never copied into the
// project), calls that carry the experimental header, and requests for access that Alice approves.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { Compile } from 'typebox/compile';
import type { TSchema } from 'typebox';
import { EXPERIMENTAL_HEADER, type ReassignmentConfigRequest } from '../../contract/work-reassignment.ts';
import type { AccessRequestResponse } from '../../contract/access-request-submissions.ts';
import type { Call } from './sandbox.ts';

/** The spec subsets' folder: ISC_SPEC_DIR, else `../shared/spec` beside the repository (README, Reliability). */
export const SPEC_DIR = process.env.ISC_SPEC_DIR ?? path.resolve(import.meta.dirname, '../../../shared/spec');
const SPEC_FILE = path.join(SPEC_DIR, 'work-reassignment.v2025.json');

type Json = Record<string, unknown>;
let spec: Json | undefined;
function loadSpec(): Json {
  if (!fs.existsSync(SPEC_FILE)) {
    throw new Error(`The spec subset ${SPEC_FILE} is missing: set ISC_SPEC_DIR to the folder that holds it.`);
  }
  spec ??= JSON.parse(fs.readFileSync(SPEC_FILE, 'utf8')) as Json;
  return spec;
}

/**
 * An OpenAPI 3.0 schema as a strict JSON Schema: $refs inlined, `nullable` as a type list, and every object closed
 * (what the spec does not list must not be answered). One correction: the spec's ReassignmentTypeEnum values carry a
 * stray trailing comma ("AUTOMATIC_REASSIGNMENT,") that its own examples and ISC's answers do not.
 */
function strict(node: unknown, components: Json): unknown {
  if (Array.isArray(node)) return node.map((n) => strict(n, components));
  if (!node || typeof node !== 'object') return node;
  const source = node as Json;
  if (typeof source.$ref === 'string') {
    const name = source.$ref.replace('#/components/schemas/', '');
    return strict(components[name], components);
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'example' || key === 'examples' || key === 'description' || key === 'nullable') continue;
    out[key] = key === 'properties' ? mapValues(value as Json, components) : strict(value, components);
  }
  if (Array.isArray(out.enum))
    out.enum = (out.enum as unknown[]).map((v) => (typeof v === 'string' ? v.replace(/,$/, '') : v));
  if (source.nullable === true && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  if (out.type === 'object' && out.properties) out.additionalProperties = false;
  return out;
}
const mapValues = (props: Json, components: Json) =>
  Object.fromEntries(Object.entries(props).map(([k, v]) => [k, strict(v, components)]));

const compiled = new Map<string, ReturnType<typeof Compile>>();

/** The schema the spec gives an operation's answer (`method` and `path` as the spec writes them). */
function answerValidator(method: string, specPath: string, status: number) {
  const key = `${method} ${specPath} ${status}`;
  let validator = compiled.get(key);
  if (!validator) {
    const document = loadSpec();
    const components = (document.components as Json).schemas as Json;
    const operation = ((document.paths as Json)[specPath] as Json)[method.toLowerCase()] as Json;
    let response = (operation.responses as Json)[String(status)] as Json;
    if (typeof response.$ref === 'string') {
      response = ((document.components as Json).responses as Json)[response.$ref.split('/').pop()!] as Json;
    }
    const schema = ((response.content as Json)['application/json'] as Json).schema;
    validator = Compile(strict(schema, components) as TSchema);
    compiled.set(key, validator);
  }
  return validator;
}

/** Fails with every way `body` departs from what the spec says `method specPath` answers with `status`. */
export function conformsToSpec(method: string, specPath: string, status: number, body: unknown): void {
  const validator = answerValidator(method, specPath, status);
  const problems = validator.Check(body)
    ? []
    : [...validator.Errors(body)].map((e) => `${e.instancePath || '/'}: ${e.message}`);
  expect(problems, `${method} ${specPath} → ${status}: ${JSON.stringify(body).slice(0, 400)}`).toEqual([]);
}

export const V2025 = '/v2025/reassignment-configurations';
export const V2024 = '/v2024/reassignment-configurations';
export const BETA = '/beta/reassignment-configurations';
export const EXPERIMENTAL = { [EXPERIMENTAL_HEADER]: 'true' };

/** A call that sends the experimental header with every request. */
export const experimental =
  (call: Call): Call =>
  (method, url, body, headers = {}) =>
    call(method, url, body, { ...EXPERIMENTAL, ...headers });

/** A date `days` from the clock's now (negative: before). */
export const daysFrom = (now: number, days: number) => new Date(now + days * 86_400_000).toISOString();

/** A delegation request: `fromId` → `toId` for `configType`, from a day ago, until `endDate` (null: permanent). */
export function delegation(
  fromId: string,
  toId: string,
  configType: NonNullable<ReassignmentConfigRequest['configType']>,
  now: number,
  endDate: string | null = daysFrom(now, 7),
): ReassignmentConfigRequest {
  return { reassignedFromId: fromId, reassignedToId: toId, configType, startDate: daysFrom(now, -1), endDate };
}

/**
 * Submits a request for `item` (a ROLE or ENTITLEMENT of the catalogue) for the first of `candidates` it is new for
 * (an identity that already waits for it is reported as an existing request and starts nothing): the access-request
 * id it started.
 */
export async function requestAccess(
  requester: Call,
  candidates: string[],
  item: { id: string; type: string },
  comment = 'work reassignment test',
): Promise<string> {
  for (const requesteeId of candidates) {
    const res = await requester<AccessRequestResponse>('POST', '/v3/access-requests', {
      requestedFor: [requesteeId],
      requestedItems: [{ type: item.type, id: item.id, comment }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = res.body.newRequests?.[0]?.accessRequestIds?.[0];
    if (id) return id;
  }
  throw new Error(`every candidate already waits for ${item.id}`);
}

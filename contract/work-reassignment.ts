// ISC's work reassignment (out-of-office delegation), written from the official spec subset
// (work-reassignment.v2025.json) and shared by the browser app, the server and the tests. Per identity and kind of
// work, a delegate from a start date to an end date (none: permanent); new work of that kind assigned to the
// identity while it is active goes to the delegate instead, followed along the delegate's own delegations up to
// MAX_LOOKUP_DEPTH steps. ISC applies it to work assigned after the start only: what already waits stays where it
// is. A real tenant may leave almost any field missing: read these tolerantly.

/** Every path family that serves every operation, with the same parameters, bodies and answers. */
export const WORK_REASSIGNMENT_PREFIXES = [
  '/v2025/reassignment-configurations',
  '/v2024/reassignment-configurations',
  '/beta/reassignment-configurations',
] as const;
export type WorkReassignmentPrefix = (typeof WORK_REASSIGNMENT_PREFIXES)[number];

/**
 * The API is experimental at v2025 and v2024: each call there carries this header with this value (the official
 * SDKs send it when `configuration.experimental` is true), else a 400. The beta family takes no such header (the
 * beta SDK sends none).
 */
export const EXPERIMENTAL_HEADER = 'X-SailPoint-Experimental';
export const EXPERIMENTAL_VALUE = 'true';
export const EXPERIMENTAL_PREFIXES: readonly WorkReassignmentPrefix[] = [
  '/v2025/reassignment-configurations',
  '/v2024/reassignment-configurations',
];

/** The kinds of work a configuration is for (the spec's ConfigTypeEnum). */
export const CONFIG_TYPES = ['ACCESS_REQUESTS', 'CERTIFICATIONS', 'MANUAL_TASKS', 'GENERIC_APPROVALS'] as const;
export type ConfigTypeEnum = (typeof CONFIG_TYPES)[number];

/** The same kinds in camel case (ConfigTypeEnumCamel): the spec has no value for GENERIC_APPROVALS here. */
export const CONFIG_TYPES_CAMEL = ['accessRequests', 'certifications', 'manualTasks'] as const;
export type ConfigTypeEnumCamel = (typeof CONFIG_TYPES_CAMEL)[number];

/**
 * What each kind covers where this app's data lives: access-request approvals of the Approvals service, its other
 * approval types, and work items (manual tasks). Certifications have no queue here.
 */
export const CONFIG_TYPE_COVERS: Record<ConfigTypeEnum, string> = {
  ACCESS_REQUESTS: 'access-request approvals (Approvals service, type ACCESS_REQUEST_APPROVAL)',
  CERTIFICATIONS: 'certification reviews',
  MANUAL_TASKS: 'work items (manual tasks)',
  GENERIC_APPROVALS: 'the other approvals of the Approvals service',
};

/** Each kind in a few words, for sentences ("Alice's access requests and work items come to you"). */
export const CONFIG_TYPE_NAMES: Record<ConfigTypeEnum, string> = {
  ACCESS_REQUESTS: 'access requests',
  CERTIFICATIONS: 'certifications',
  MANUAL_TASKS: 'work items',
  GENERIC_APPROVALS: 'other approvals',
};

/** An identity as the reassignment service names it (the spec's Identity-2). */
export interface ReassignmentIdentity {
  id?: string | null;
  name?: string | null;
}

export interface ReassignmentAuditDetails {
  created?: string | null;
  createdBy?: ReassignmentIdentity | null;
  modified?: string | null;
  modifiedBy?: ReassignmentIdentity | null;
}

/**
 * One kind of work's delegation (ConfigurationDetailsResponse). A permanent one's `endDate` may come as null, as
 * an empty string or as Go's zero time `0001-01-01T00:00:00Z` (the spec's example; the sandbox sends that): read it
 * with `endsAt`.
 */
export interface ReassignmentConfigDetails {
  configType?: ConfigTypeEnum | null;
  targetIdentity?: ReassignmentIdentity | null;
  startDate?: string | null;
  endDate?: string | null;
  auditDetails?: ReassignmentAuditDetails | null;
}

/** An identity's delegations (ConfigurationResponse, and ConfigurationItemResponse: the same shape). */
export interface ReassignmentConfiguration {
  identity?: ReassignmentIdentity | null;
  configDetails?: ReassignmentConfigDetails[] | null;
}

/**
 * Body of create (`POST …`) and update (`PUT …/{identityId}`), ConfigurationItemRequest. The spec marks nothing
 * required; send all of them (the sandbox requires reassignedFromId on create, reassignedToId, configType and
 * startDate). `endDate` null or absent: permanent.
 */
export interface ReassignmentConfigRequest {
  reassignedFromId?: string;
  reassignedToId?: string;
  configType?: ConfigTypeEnum;
  startDate?: string;
  endDate?: string | null;
}

/** One entry of `GET …/types` (ConfigType): note that the spec's names are crossed (internalName is the camel one). */
export interface ReassignmentConfigTypeInfo {
  priority?: number | null;
  internalName?: ConfigTypeEnumCamel | null;
  internalNameCamel?: ConfigTypeEnum | null;
  displayName?: string | null;
  description?: string | null;
}

/**
 * How a step of an evaluation came about (ReassignmentTypeEnum). The spec's enum carries a stray trailing comma on
 * the first three values ("AUTOMATIC_REASSIGNMENT,"), which its own examples do not: compare with `lookupTypeOf`.
 */
export const LOOKUP_TYPES = [
  'MANUAL_REASSIGNMENT',
  'AUTOMATIC_REASSIGNMENT',
  'AUTO_ESCALATION',
  'SELF_REVIEW_DELEGATION',
] as const;
export type LookupType = (typeof LOOKUP_TYPES)[number];

/** A step's type without the spec's stray comma, or undefined when it is none of LOOKUP_TYPES. */
export function lookupTypeOf(value: string | null | undefined): LookupType | undefined {
  const plain = (value ?? '').trim().replace(/,$/, '');
  return (LOOKUP_TYPES as readonly string[]).includes(plain) ? (plain as LookupType) : undefined;
}

export interface ReassignmentLookupStep {
  reassignedToId?: string | null;
  reassignedFromId?: string | null;
  reassignmentType?: string | null;
}

/**
 * `GET …/{identityId}/evaluate/{configType}` answers an array of these (one here): where new work of that kind for
 * that identity goes now, and the chain that led there (empty: it stays with the identity).
 */
export interface ReassignmentEvaluation {
  reassignToId?: string | null;
  lookupTrail?: ReassignmentLookupStep[] | null;
}

/** The chain is followed at most this many steps; the last step's delegate gets the work. */
export const MAX_LOOKUP_DEPTH = 5;

/** `exclusionFilters` of evaluate: leave out self-review delegations. */
export const EXCLUSION_FILTERS = ['SELF_REVIEW_DELEGATION'] as const;

export interface ReassignmentTenantConfigDetails {
  /** true: work reassignment is off for the whole tenant (no configuration applies). */
  disabled?: boolean | null;
}

/** `GET` / `PUT …/tenant-config` (TenantConfigurationResponse); PUT is for admins. */
export interface ReassignmentTenantConfig {
  auditDetails?: ReassignmentAuditDetails | null;
  configDetails?: ReassignmentTenantConfigDetails | null;
}

export interface ReassignmentTenantConfigRequest {
  configDetails?: ReassignmentTenantConfigDetails | null;
}

/** What the sandbox sends as the end of a permanent delegation (Go's zero time, as the spec's example). */
export const PERMANENT_END_DATE = '0001-01-01T00:00:00Z';

/**
 * When a delegation ends, in ms since the epoch; null when it is permanent (no end date, an empty string, or a
 * date in year 1, which is how ISC writes "none").
 */
export function endsAt(endDate: string | null | undefined): number | null {
  if (!endDate) return null;
  const at = Date.parse(endDate);
  if (Number.isNaN(at) || new Date(at).getUTCFullYear() <= 1) return null;
  return at;
}

/** True while a delegation applies: from its start (inclusive) to its end (exclusive). */
export function isActiveAt(details: Pick<ReassignmentConfigDetails, 'startDate' | 'endDate'>, at: number): boolean {
  const start = details.startDate ? Date.parse(details.startDate) : NaN;
  if (Number.isNaN(start) || start > at) return false;
  const end = endsAt(details.endDate);
  return end === null || at < end;
}

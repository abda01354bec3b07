// Approval configs: how approvals created from now on behave (when they expire and what expiry does, reminders,
// escalation, whether a decision needs a comment). Kept per (id, scope); an approval takes the built-in default,
// overlaid by the tenant's config, its type's (APPROVAL_TYPE) and its requested target's (ROLE, ENTITLEMENT, …),
// each replacing whole top-level sections, and keeps that snapshot for life: a later change does not move the
// due date of an approval already waiting.
import type { Statement } from 'better-sqlite3';
import type { ApprovalConfig, ApprovalConfigScope } from '../../../contract/generic-approvals.ts';
import { ApiProblem } from '../../errors.ts';
import { SANDBOX_TENANT_ID } from '../oauth/tokens.ts';
import type { Db } from '../db.ts';
import { identityById } from '../identities.ts';

/** What a tenant that configured nothing does: approvals expire after 90 days, rejected; no comment required. */
export const BUILT_IN_CONFIG: ApprovalConfig = {
  reminderConfig: { enabled: false, daysUntilFirstReminder: 0, reminderCronSchedule: '@every 24h', maxReminders: 5 },
  escalationConfig: {
    enabled: false,
    daysUntilFirstEscalation: 0,
    escalationCronSchedule: '@every 72h',
    escalationChain: [],
  },
  timeoutConfig: { enabled: true, daysUntilTimeout: 90, timeoutResult: 'EXPIRED' },
  cronTimezone: { location: 'UTC', offset: '' },
  serialChain: [],
  requiresComment: 'OFF',
  machineIdentityManagerAssignment: 'MANAGER_OF_REQUESTER',
  circumventApprovalProcess: false,
  autoApprove: 'OFF',
};

/** The ids the APPROVAL_TYPE scope takes, as the spec lists them. */
export const CONFIGURABLE_APPROVAL_TYPES = [
  'ENTITLEMENT_DESCRIPTIONS',
  'ACCESS_REQUEST_APPROVAL',
  'ACCOUNT_DELETE_APPROVAL_REQUEST',
  'MACHINE_ACCOUNT_CREATE_APPROVAL_REQUEST',
  'MACHINE_ACCOUNT_DELETE_APPROVAL_REQUEST',
  'AGENT_ACTIVATE_APPROVAL',
  'AGENT_DEACTIVATE_APPROVAL',
] as const;

/** Most specific last: a later layer replaces the sections it sets. */
const SCOPE_ORDER: ApprovalConfigScope[] = [
  'TENANT',
  'APPROVAL_TYPE',
  'DOMAIN_OBJECT',
  'ACCOUNT',
  'ACCESS_PROFILE',
  'ENTITLEMENT',
  'ROLE',
];

/** An id the scope can name: 400 naming the rule otherwise. */
function checkId(id: string, scope: ApprovalConfigScope): void {
  if (scope === 'APPROVAL_TYPE' && !(CONFIGURABLE_APPROVAL_TYPES as readonly string[]).includes(id)) {
    throw new ApiProblem(400, `id: "${id.slice(0, 80)}" is not an approval type that can be configured.`, [
      `APPROVAL_TYPE takes one of ${CONFIGURABLE_APPROVAL_TYPES.join(', ')}`,
    ]);
  }
  if (scope === 'TENANT' && id !== SANDBOX_TENANT_ID) {
    throw new ApiProblem(400, `id: the TENANT scope takes this tenant's id (${SANDBOX_TENANT_ID}).`, [
      'TENANT takes the tenant id',
    ]);
  }
}

/** The identities a config names exist (an escalation to nobody would strand approvals). */
function checkIdentities(config: ApprovalConfig): void {
  const named = [
    ...(config.escalationConfig?.escalationChain ?? []).map((e) => [e.identityType, e.identityId] as const),
    ...(config.serialChain ?? []).map((e) => [e.identityType, e.identityId] as const),
    [config.fallbackApprover?.type, config.fallbackApprover?.identityID] as const,
  ];
  for (const [type, id] of named) {
    if (type === 'IDENTITY' && id && !identityById(id)) {
      throw new ApiProblem(400, `No identity ${id.slice(0, 80)} exists (named in the config).`, [
        'identities in a config must exist',
      ]);
    }
  }
}

export class ApprovalConfigs {
  private readonly stmt: Record<'get' | 'byId' | 'put' | 'remove', Statement>;

  constructor(db: Db) {
    this.stmt = {
      get: db.prepare('SELECT config FROM generic_approval_configs WHERE config_id = ? AND scope = ?'),
      byId: db.prepare('SELECT scope, config FROM generic_approval_configs WHERE config_id = ?'),
      put: db.prepare(
        `INSERT INTO generic_approval_configs (config_id, scope, config, modified) VALUES (?, ?, ?, ?)
         ON CONFLICT (config_id, scope) DO UPDATE SET config = excluded.config, modified = excluded.modified`,
      ),
      remove: db.prepare('DELETE FROM generic_approval_configs WHERE config_id = ? AND scope = ?'),
    };
  }

  private stored(id: string, scope: ApprovalConfigScope): ApprovalConfig | undefined {
    const row = this.stmt.get.get(id, scope) as { config: string } | undefined;
    return row ? (JSON.parse(row.config) as ApprovalConfig) : undefined;
  }

  /**
   * The config an approval is created under: the built-in default, then the tenant's, its type's and its targets'
   * (`targets`: [scope, id] pairs such as ['ROLE', roleId]).
   */
  effective(type: string, targets: readonly (readonly [ApprovalConfigScope, string])[] = []): ApprovalConfig {
    const layers: (readonly [ApprovalConfigScope, string])[] = [
      ['TENANT', SANDBOX_TENANT_ID],
      ['APPROVAL_TYPE', type],
      ...[...targets].sort(([a], [b]) => SCOPE_ORDER.indexOf(a) - SCOPE_ORDER.indexOf(b)),
    ];
    let config: ApprovalConfig = { ...BUILT_IN_CONFIG };
    for (const [scope, id] of layers) config = { ...config, ...stripNulls(this.stored(id, scope)) };
    return config;
  }

  /** GET config/{id}: the most specific config kept under that id, else what the tenant's approvals get. */
  read(id: string): ApprovalConfig {
    const rows = this.stmt.byId.all(id) as { scope: ApprovalConfigScope; config: string }[];
    rows.sort((a, b) => SCOPE_ORDER.indexOf(b.scope) - SCOPE_ORDER.indexOf(a.scope));
    if (rows[0]) return { ...this.effective('', []), ...stripNulls(JSON.parse(rows[0].config) as ApprovalConfig) };
    return this.effective((CONFIGURABLE_APPROVAL_TYPES as readonly string[]).includes(id) ? id : '');
  }

  put(id: string, scope: ApprovalConfigScope, config: ApprovalConfig, at: string): ApprovalConfig {
    checkId(id, scope);
    checkIdentities(config);
    const kept = stripNulls(config);
    this.stmt.put.run(id, scope, JSON.stringify(kept), at);
    return kept;
  }

  remove(id: string, scope: ApprovalConfigScope): void {
    checkId(id, scope);
    if (this.stmt.remove.run(id, scope).changes === 0) {
      throw new ApiProblem(404, `No approval config is kept for ${id.slice(0, 80)}/${scope}.`);
    }
  }
}

/** A section set to null is "not configured here": it does not replace the section below. */
function stripNulls(config: ApprovalConfig | undefined): ApprovalConfig {
  if (!config) return {};
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== null && v !== undefined));
}

// Work reassignment over the sandbox database: who may read and change which configurations, the rules a
// configuration must keep, and the answers as the spec shapes them. An identity manages its own configurations, an
// admin (ORG_ADMIN) anyone's. Every change is one IMMEDIATE transaction that checks everything before it writes,
// so a refused request writes nothing; dates are read on the server's clock.
import type { Statement } from 'better-sqlite3';
import {
  CONFIG_TYPES,
  EXCLUSION_FILTERS,
  PERMANENT_END_DATE,
  type ConfigTypeEnum,
  type ReassignmentConfigDetails,
  type ReassignmentConfigRequest,
  type ReassignmentConfiguration,
  type ReassignmentEvaluation,
  type ReassignmentIdentity,
  type ReassignmentTenantConfig,
  type ReassignmentTenantConfigRequest,
} from '../../../contract/work-reassignment.ts';
import type { Clock } from '../../clock.ts';
import { ApiProblem } from '../../errors.ts';
import type { Caller } from '../auth.ts';
import type { Db } from '../db.ts';
import { identityById } from '../identities.ts';
import { DelegationChains } from './delegation.ts';
import { checkedRequest, findLoop, type CheckedRequest } from './rules.ts';
import { WORK_REASSIGNMENT_SCHEMA, type ConfigRow, type TenantConfigRow } from './schema.ts';

const ref = (id: string): ReassignmentIdentity => ({ id, name: identityById(id)?.name ?? id });
const typeOrder = (t: string) => (CONFIG_TYPES as readonly string[]).indexOf(t);

function details(row: ConfigRow): ReassignmentConfigDetails {
  return {
    configType: row.config_type as ConfigTypeEnum,
    targetIdentity: ref(row.target_id),
    startDate: row.start_date,
    endDate: row.end_date ?? PERMANENT_END_DATE,
    auditDetails: {
      created: row.created,
      createdBy: ref(row.created_by),
      modified: row.modified,
      modifiedBy: ref(row.modified_by),
    },
  };
}

/** Rows grouped into one configuration per identity, identities by name, kinds in the spec's order. */
function configurations(rows: ConfigRow[]): ReassignmentConfiguration[] {
  const byIdentity = new Map<string, ConfigRow[]>();
  for (const row of rows) byIdentity.set(row.identity_id, [...(byIdentity.get(row.identity_id) ?? []), row]);
  return [...byIdentity.entries()]
    .map(([identityId, own]) => ({
      identity: ref(identityId),
      configDetails: own.sort((a, b) => typeOrder(a.config_type) - typeOrder(b.config_type)).map(details),
    }))
    .sort((a, b) => a.identity.name!.localeCompare(b.identity.name!) || a.identity.id!.localeCompare(b.identity.id!));
}

export class WorkReassignmentStore {
  readonly chains: DelegationChains;
  private readonly stmt: Record<string, Statement>;

  constructor(
    private readonly db: Db,
    readonly clock: Clock,
  ) {
    db.exec(WORK_REASSIGNMENT_SCHEMA);
    this.chains = new DelegationChains(db);
    const p = db.prepare.bind(db);
    this.stmt = {
      all: p('SELECT * FROM reassignment_configs'),
      mineOrToMe: p('SELECT * FROM reassignment_configs WHERE identity_id = ? OR target_id = ?'),
      of: p('SELECT * FROM reassignment_configs WHERE identity_id = ?'),
      one: p('SELECT * FROM reassignment_configs WHERE identity_id = ? AND config_type = ?'),
      insert: p(
        `INSERT INTO reassignment_configs (identity_id, config_type, target_id, start_date, end_date, created,
           created_by, modified, modified_by)
         VALUES (@identityId, @configType, @targetId, @start, @end, @at, @by, @at, @by)`,
      ),
      update: p(
        `UPDATE reassignment_configs SET target_id = @targetId, start_date = @start, end_date = @end, modified = @at,
           modified_by = @by
         WHERE identity_id = @identityId AND config_type = @configType`,
      ),
      remove: p('DELETE FROM reassignment_configs WHERE identity_id = ? AND config_type = ?'),
      tenant: p('SELECT * FROM reassignment_tenant_config WHERE id = 1'),
      putTenant: p(
        `INSERT INTO reassignment_tenant_config (id, disabled, created, created_by, modified, modified_by)
         VALUES (1, @disabled, @at, @by, @at, @by)
         ON CONFLICT (id) DO UPDATE SET disabled = excluded.disabled, modified = excluded.modified,
           modified_by = excluded.modified_by`,
      ),
    };
  }

  private write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /**
   * 403 unless `caller` may act on `identityId`'s configurations (their own, or any for an admin: asked first, so
   * a non-admin learns nothing about other ids); then 404 for an identity the tenant does not have.
   */
  private manageable(caller: Caller, identityId: string, what: string): void {
    if (!caller.admin && identityId !== caller.id) {
      throw new ApiProblem(
        403,
        `Only the identity itself or an admin (ORG_ADMIN) may ${what} its work reassignment; ${identityId.slice(0, 128)} is not you.`,
      );
    }
    if (!identityById(identityId)) {
      throw new ApiProblem(404, `No identity ${identityId.slice(0, 128)} exists.`);
    }
  }

  private configurationOf(identityId: string): ReassignmentConfiguration {
    const [found] = configurations(this.stmt.of.all(identityId) as ConfigRow[]);
    return found ?? { identity: ref(identityId), configDetails: [] };
  }

  /**
   * Every configuration for an admin; anyone else's list holds their own and the delegations made to them (whose
   * work comes to them, and until when), nothing more.
   */
  list(caller: Caller): ReassignmentConfiguration[] {
    const rows = caller.admin ? this.stmt.all.all() : this.stmt.mineOrToMe.all(caller.id, caller.id);
    return configurations(rows as ConfigRow[]);
  }

  get(caller: Caller, identityId: string): ReassignmentConfiguration {
    this.manageable(caller, identityId, 'read');
    return this.configurationOf(identityId);
  }

  /** The checks every write makes: the request's own rules, then no loop along the delegate's chain. */
  private checked(body: ReassignmentConfigRequest, fromId: string): CheckedRequest {
    const request = checkedRequest(body, fromId, this.clock.now());
    const loop = findLoop(this.db, request);
    if (loop) {
      const names = loop.map((id) => identityById(id)?.name ?? id).join(' → ');
      throw new ApiProblem(
        400,
        `reassignedToId: this delegation would loop (${names}) for ${request.configType}; work would never reach anyone. Pick a delegate whose own delegations do not lead back.`,
        ['the delegation would loop'],
      );
    }
    return request;
  }

  create(caller: Caller, body: ReassignmentConfigRequest): ReassignmentConfiguration {
    if (!body.reassignedFromId) {
      throw new ApiProblem(400, 'reassignedFromId is required: whose work is reassigned.', [
        'reassignedFromId is required',
      ]);
    }
    const fromId = body.reassignedFromId;
    if (!caller.admin && fromId !== caller.id) this.manageable(caller, fromId, 'create');
    if (!identityById(fromId)) {
      throw new ApiProblem(400, `reassignedFromId: no identity ${fromId.slice(0, 128)} exists.`, [
        'reassignedFromId unknown',
      ]);
    }
    return this.write(() => {
      const request = this.checked(body, fromId);
      if (this.stmt.one.get(fromId, request.configType)) {
        throw new ApiProblem(
          400,
          `${identityById(fromId)!.name} already has a ${request.configType} reassignment configuration: update it (PUT …/${fromId}) or delete it first.`,
          ['configuration exists'],
        );
      }
      this.stmt.insert.run({ ...request, at: this.clock.iso(), by: caller.id });
      return this.configurationOf(fromId);
    });
  }

  update(caller: Caller, identityId: string, body: ReassignmentConfigRequest): ReassignmentConfiguration {
    this.manageable(caller, identityId, 'change');
    if (body.reassignedFromId !== undefined && body.reassignedFromId !== identityId) {
      throw new ApiProblem(
        400,
        `reassignedFromId (${body.reassignedFromId.slice(0, 128)}) is not the identity of the path (${identityId}): a configuration cannot move to someone else.`,
        ['reassignedFromId differs from the path'],
      );
    }
    return this.write(() => {
      const request = this.checked(body, identityId);
      if (!this.stmt.one.get(identityId, request.configType)) {
        throw new ApiProblem(
          404,
          `${identityById(identityId)!.name} has no ${request.configType} reassignment configuration to update: create it (POST) first.`,
        );
      }
      this.stmt.update.run({ ...request, at: this.clock.iso(), by: caller.id });
      return this.configurationOf(identityId);
    });
  }

  remove(caller: Caller, identityId: string, configType: ConfigTypeEnum): void {
    this.manageable(caller, identityId, 'delete');
    this.write(() => {
      if (this.stmt.remove.run(identityId, configType).changes === 0) {
        throw new ApiProblem(
          404,
          `${identityById(identityId)!.name} has no ${configType} reassignment configuration to delete.`,
        );
      }
    });
  }

  evaluate(
    caller: Caller,
    identityId: string,
    configType: ConfigTypeEnum,
    exclusionFilters: string | string[] | undefined,
  ): ReassignmentEvaluation[] {
    this.manageable(caller, identityId, 'evaluate');
    const filters = (Array.isArray(exclusionFilters) ? exclusionFilters : [exclusionFilters ?? ''])
      .flatMap((f) => f.split(','))
      .map((f) => f.trim())
      .filter((f) => f !== '');
    const unknown = filters.find((f) => !(EXCLUSION_FILTERS as readonly string[]).includes(f));
    if (unknown !== undefined) {
      throw new ApiProblem(
        400,
        `exclusionFilters: "${unknown.slice(0, 60)}" is not a filter; the one there is: ${EXCLUSION_FILTERS.join(', ')}.`,
        ['unknown exclusion filter'],
      );
    }
    // No work item is in question here, so there is no self-review to exclude: the filter changes nothing.
    const hops = this.chains.trail(identityId, configType, this.clock.now());
    return [
      {
        reassignToId: hops.length ? hops[hops.length - 1]!.toId : identityId,
        lookupTrail: hops.map((h) => ({
          reassignedFromId: h.fromId,
          reassignedToId: h.toId,
          reassignmentType: 'AUTOMATIC_REASSIGNMENT',
        })),
      },
    ];
  }

  tenantConfig(): ReassignmentTenantConfig {
    const row = this.stmt.tenant.get() as TenantConfigRow | undefined;
    if (!row) return { configDetails: { disabled: false } };
    return {
      auditDetails: {
        created: row.created,
        createdBy: ref(row.created_by),
        modified: row.modified,
        modifiedBy: ref(row.modified_by),
      },
      configDetails: { disabled: row.disabled === 1 },
    };
  }

  putTenantConfig(caller: Caller, body: ReassignmentTenantConfigRequest): ReassignmentTenantConfig {
    if (!caller.admin) {
      throw new ApiProblem(403, 'Only an admin (ORG_ADMIN) may change the tenant-wide work reassignment settings.');
    }
    if (!body.configDetails) {
      throw new ApiProblem(400, 'configDetails is required: {"configDetails": {"disabled": true|false}}.', [
        'configDetails is required',
      ]);
    }
    const disabled = body.configDetails.disabled === true ? 1 : 0;
    this.write(() => this.stmt.putTenant.run({ disabled, at: this.clock.iso(), by: caller.id }));
    return this.tenantConfig();
  }
}

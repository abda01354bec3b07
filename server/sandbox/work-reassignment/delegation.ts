// Where new work goes: the chain of delegations from an assignee, as ISC's evaluate describes it (the assignee's
// active configuration for the kind of work names a delegate, whose own active configuration names the next, up to
// MAX_LOOKUP_DEPTH steps; the last delegate gets the work). Read on the server's clock at the moment the work is
// created; what already waits is never moved. The Approvals service and the work items ask `follow` when they
// create work (generic-approvals/store.ts, work-items/store.ts); the evaluate endpoint answers `trail`.
import { MAX_LOOKUP_DEPTH, type ConfigTypeEnum } from '../../../contract/work-reassignment.ts';
import type { Db } from '../db.ts';
import { identityName } from '../identities.ts';

/** One hand-over of new work, with the words that say why (kept as the item's comment or forward comment). */
export interface DelegationStep {
  fromId: string;
  toId: string;
  reason: string;
}

/** What the stores that create work ask. */
export interface Delegations {
  /**
   * The hand-overs new work of `type` for `assigneeId` takes at `at` (none: it stays). `parties` (the requester and
   * whom the work is for) are never delegated to: the chain stops before one (no self-review by delegation).
   */
  follow(assigneeId: string, type: ConfigTypeEnum, at: number, parties?: readonly string[]): DelegationStep[];
}

interface Hop {
  fromId: string;
  toId: string;
  endDate: string | null;
}

const WORK_NAMES: Record<ConfigTypeEnum, string> = {
  ACCESS_REQUESTS: 'access requests',
  CERTIFICATIONS: 'certifications',
  MANUAL_TASKS: 'manual tasks',
  GENERIC_APPROVALS: 'approvals',
};

/** "Delegated by Alice Approver, away until 2026-12-20 (work reassignment: access requests)." */
export function delegationReason(fromId: string, type: ConfigTypeEnum, endDate: string | null): string {
  const who = identityName(fromId) ?? fromId;
  const until = endDate ? `away until ${endDate.slice(0, 10)}` : 'until further notice';
  return `Delegated by ${who}, ${until} (work reassignment: ${WORK_NAMES[type]}).`;
}

export class DelegationChains implements Delegations {
  private readonly active;
  private readonly disabled;

  constructor(db: Db) {
    this.active = db.prepare(
      `SELECT target_id, end_date FROM reassignment_configs
       WHERE identity_id = ? AND config_type = ? AND start_date <= ? AND (end_date IS NULL OR end_date > ?)`,
    );
    this.disabled = db.prepare('SELECT disabled FROM reassignment_tenant_config WHERE id = 1').pluck();
  }

  /** False when an admin has turned work reassignment off for the tenant. */
  enabled(): boolean {
    return this.disabled.get() !== 1;
  }

  /**
   * The chain from `identityId` at `at`: each step an active configuration, at most MAX_LOOKUP_DEPTH of them. It
   * never revisits an identity (a loop cannot be stored, but the walk does not rely on that) and stops before a party.
   */
  trail(identityId: string, type: ConfigTypeEnum, at: number, parties: readonly string[] = []): Hop[] {
    if (!this.enabled()) return [];
    const when = new Date(at).toISOString();
    const hops: Hop[] = [];
    const seen = new Set([identityId]);
    let current = identityId;
    while (hops.length < MAX_LOOKUP_DEPTH) {
      const next = this.active.get(current, type, when, when) as
        { target_id: string; end_date: string | null } | undefined;
      if (!next || seen.has(next.target_id) || parties.includes(next.target_id)) break;
      hops.push({ fromId: current, toId: next.target_id, endDate: next.end_date });
      seen.add(next.target_id);
      current = next.target_id;
    }
    return hops;
  }

  follow(assigneeId: string, type: ConfigTypeEnum, at: number, parties: readonly string[] = []): DelegationStep[] {
    return this.trail(assigneeId, type, at, parties).map((hop) => ({
      fromId: hop.fromId,
      toId: hop.toId,
      reason: delegationReason(hop.fromId, type, hop.endDate),
    }));
  }
}

/** Where work for the chain's first identity ends up: the last delegate, or the identity itself. */
export function finalAssignee(identityId: string, steps: readonly { toId: string }[]): string {
  return steps.length ? steps[steps.length - 1]!.toId : identityId;
}

// Who delegates to whom, read from the configurations: the delegations active now whose work comes to an identity,
// in words ("Delegated by Alice Approver, away until 20 Dec"), and which of them brought a row to its owner.
import { useMemo } from 'react';
import {
  endsAt,
  isActiveAt,
  type ConfigTypeEnum,
  type ReassignmentConfiguration,
} from '../../../contract/work-reassignment.ts';
import type { QueueRow } from '../queue/row.ts';
import { useReassignmentConfigurations } from './list-reassignment-configurations.ts';

/** One person's work coming to someone: from whom, which kinds, until when (null: until they turn it off). */
export interface IncomingDelegation {
  fromId: string;
  fromName: string;
  configTypes: ConfigTypeEnum[];
  until: number | null;
}

const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const DAY_MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "20 Dec" (this year, or within the next months), "20 Dec 2027" further away. */
export function dayOf(at: number, now = Date.now()): string {
  return at - now < 300 * 86_400_000 ? DAY_MONTH.format(at) : DAY_MONTH_YEAR.format(at);
}

/** "away until 20 Dec" / "away until further notice". */
export function awayUntil(until: number | null, now = Date.now()): string {
  return until === null ? 'away until further notice' : `away until ${dayOf(until, now)}`;
}

/** The delegations active at `now` whose work goes to `identityId`, one per person (their latest end). */
export function delegationsTo(
  configurations: readonly ReassignmentConfiguration[],
  identityId: string,
  now: number,
): IncomingDelegation[] {
  const byPerson = new Map<string, IncomingDelegation>();
  for (const configuration of configurations) {
    const fromId = configuration.identity?.id;
    if (!fromId || fromId === identityId) continue;
    for (const details of configuration.configDetails ?? []) {
      if (details?.targetIdentity?.id !== identityId || !details.configType || !isActiveAt(details, now)) continue;
      const until = endsAt(details.endDate);
      const known = byPerson.get(fromId);
      if (known) {
        known.configTypes.push(details.configType);
        known.until = known.until === null || until === null ? null : Math.max(known.until, until);
      } else {
        byPerson.set(fromId, {
          fromId,
          fromName: configuration.identity?.name || fromId,
          configTypes: [details.configType],
          until,
        });
      }
    }
  }
  return [...byPerson.values()].sort((a, b) => a.fromName.localeCompare(b.fromName));
}

/** The delegation that brought `row` to its owner: its last hand-over came from someone delegating to them. */
export function delegationOf(
  row: Pick<QueueRow, 'handedOverBy'>,
  incoming: readonly IncomingDelegation[],
): IncomingDelegation | undefined {
  const from = row.handedOverBy;
  if (!from) return undefined;
  return incoming.find((d) => (from.id ? d.fromId === from.id : d.fromName === from.name));
}

/** "Delegated by Alice Approver, away until 20 Dec". */
export function delegationNote(delegation: IncomingDelegation, now = Date.now()): string {
  return `Delegated by ${delegation.fromName}, ${awayUntil(delegation.until, now)}`;
}

/**
 * The delegations active now whose work comes to `identityId` (undefined: no one asked, nothing fetched), read
 * from the list; empty while it loads or when it cannot be read (a tenant without the API).
 */
export function useIncomingDelegations(identityId: string | undefined): IncomingDelegation[] {
  const query = useReassignmentConfigurations(!!identityId);
  // active as of when the list was read (refetched on focus and when stale)
  const at = query.dataUpdatedAt;
  return useMemo(
    () => (identityId && query.data ? delegationsTo(query.data, identityId, at) : []),
    [identityId, query.data, at],
  );
}

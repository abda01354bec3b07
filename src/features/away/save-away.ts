// Turning Away on, changing it, or off: one delegation per kind of work (create the new ones, update those there,
// delete those no longer wanted), then every reassignment query is stale (chains cross identities).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endsAt, type ConfigTypeEnum, type ReassignmentConfiguration } from '../../../contract/work-reassignment.ts';
import type { ApiError } from '../../lib/http.ts';
import { reassignmentKeys } from '../../lib/reassignment/keys.ts';
import { createReassignmentConfiguration } from './api/create-reassignment-configuration.ts';
import { deleteReassignmentConfiguration } from './api/delete-reassignment-configuration.ts';
import { updateReassignmentConfiguration } from './api/update-reassignment-configuration.ts';

export interface AwaySettings {
  delegateId: string;
  configTypes: readonly ConfigTypeEnum[];
  /** ISO instants; `endDate` null: until it is turned off. */
  startDate: string;
  endDate: string | null;
}

/** The kinds of work `configuration` delegates now (or from a later start). */
export function configuredTypes(configuration: ReassignmentConfiguration | undefined): ConfigTypeEnum[] {
  return (configuration?.configDetails ?? []).flatMap((d) => (d?.configType ? [d.configType] : []));
}

/** The dates of what is configured (the first kind's: the page saves every kind with the same dates). */
export function configuredDates(configuration: ReassignmentConfiguration | undefined) {
  const first = configuration?.configDetails?.find((d) => d?.configType);
  if (!first) return {};
  const start = first.startDate ? Date.parse(first.startDate) : NaN;
  return { startsAt: Number.isNaN(start) ? null : start, endsAt: endsAt(first.endDate) };
}

export function useSaveAway(identityId: string, current: ReassignmentConfiguration | undefined) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, AwaySettings | null>({
    mutationFn: async (settings) => {
      const existing = configuredTypes(current);
      const wanted = settings?.configTypes ?? [];
      // deletions first: a delegate's own delegation back to this identity is checked against what stays
      for (const type of existing.filter((t) => !wanted.includes(t))) {
        await deleteReassignmentConfiguration(identityId, type);
      }
      if (!settings) return;
      for (const configType of wanted) {
        const body = {
          reassignedFromId: identityId,
          reassignedToId: settings.delegateId,
          configType,
          startDate: settings.startDate,
          endDate: settings.endDate,
        };
        if (existing.includes(configType)) await updateReassignmentConfiguration(identityId, body);
        else await createReassignmentConfiguration(body);
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: reassignmentKeys.all }),
  });
}

// listReassignmentConfigurations: GET /v2025/reassignment-configurations — one's own delegations and those made to
// one (an admin: everyone's). Read by the Away page and by the inbox ("Alice's work comes to you until …").
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReassignmentConfiguration } from '../../../contract/work-reassignment.ts';
import { getJson, type ApiError } from '../http.ts';
import { REASSIGNMENT_PATH, reassignmentOptions } from './api.ts';
import { reassignmentKeys } from './keys.ts';

export function listReassignmentConfigurations(signal?: AbortSignal) {
  return getJson<ReassignmentConfiguration[]>(REASSIGNMENT_PATH, undefined, reassignmentOptions(signal));
}

export function reassignmentConfigurationsQueryOptions() {
  return queryOptions<ReassignmentConfiguration[], ApiError>({
    queryKey: reassignmentKeys.list(),
    queryFn: async ({ signal }) => {
      const body = await listReassignmentConfigurations(signal);
      return Array.isArray(body) ? body : [];
    },
    staleTime: 60_000,
  });
}

/** `enabled` false: not asked (nothing shown that needs it). A failure is quiet: the notices are extras. */
export function useReassignmentConfigurations(enabled = true) {
  return useQuery({ ...reassignmentConfigurationsQueryOptions(), enabled, retry: false });
}

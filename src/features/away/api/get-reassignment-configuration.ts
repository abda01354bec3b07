// getReassignmentConfiguration: GET /v2025/reassignment-configurations/{identityId} — one identity's delegations,
// one per kind of work (its own, or anyone's for an admin).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReassignmentConfiguration } from '../../../../contract/work-reassignment.ts';
import { getJson, type ApiError } from '../../../lib/http.ts';
import { REASSIGNMENT_PATH, reassignmentOptions } from '../../../lib/reassignment/api.ts';
import { reassignmentKeys } from '../../../lib/reassignment/keys.ts';

export function getReassignmentConfiguration(identityId: string, signal?: AbortSignal) {
  return getJson<ReassignmentConfiguration>(
    `${REASSIGNMENT_PATH}/${encodeURIComponent(identityId)}`,
    undefined,
    reassignmentOptions(signal),
  );
}

export function reassignmentConfigurationQueryOptions(identityId: string) {
  return queryOptions<ReassignmentConfiguration, ApiError>({
    queryKey: reassignmentKeys.configuration(identityId),
    queryFn: ({ signal }) => getReassignmentConfiguration(identityId, signal),
  });
}

export function useReassignmentConfiguration(identityId: string) {
  return useQuery(reassignmentConfigurationQueryOptions(identityId));
}

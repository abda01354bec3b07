// getEvaluateReassignmentConfiguration: GET /v2025/reassignment-configurations/{identityId}/evaluate/{configType}
// — where new work of that kind goes now, and the chain that led there (empty: it stays).
import { queryOptions, useQueries } from '@tanstack/react-query';
import type { ConfigTypeEnum, ReassignmentEvaluation } from '../../../../contract/work-reassignment.ts';
import { getJson, type ApiError } from '../../../lib/http.ts';
import { REASSIGNMENT_PATH, reassignmentOptions } from '../../../lib/reassignment/api.ts';
import { reassignmentKeys } from '../../../lib/reassignment/keys.ts';

export async function evaluateReassignment(
  identityId: string,
  configType: ConfigTypeEnum,
  signal?: AbortSignal,
): Promise<ReassignmentEvaluation> {
  const body = await getJson<ReassignmentEvaluation[]>(
    `${REASSIGNMENT_PATH}/${encodeURIComponent(identityId)}/evaluate/${encodeURIComponent(configType)}`,
    undefined,
    reassignmentOptions(signal),
  );
  return (Array.isArray(body) ? body[0] : undefined) ?? { reassignToId: identityId, lookupTrail: [] };
}

export function evaluationQueryOptions(identityId: string, configType: ConfigTypeEnum) {
  return queryOptions<ReassignmentEvaluation, ApiError>({
    queryKey: reassignmentKeys.evaluation(identityId, configType),
    queryFn: ({ signal }) => evaluateReassignment(identityId, configType, signal),
  });
}

/** The evaluated chain of each of these kinds of work. */
export function useEvaluations(identityId: string, configTypes: readonly ConfigTypeEnum[]) {
  return useQueries({ queries: configTypes.map((type) => evaluationQueryOptions(identityId, type)) });
}

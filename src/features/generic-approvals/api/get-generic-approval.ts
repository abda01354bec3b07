// getApproval: GET /v2025/generic-approvals/{id} — one approval with its approvers, comments and reassignment
// history (the page's whole story). A 404 or 403 (not one of the caller's, or an unknown id) is "not found".
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Approval } from '../../../../contract/generic-approvals.ts';
import { ApiError, getJson } from '../../../lib/http.ts';
import { genericApprovalKeys } from './keys.ts';
import { APPROVALS_PATH } from './list-generic-approvals.ts';

export type GenericApprovalDetail =
  | { status: 'found'; approval: Approval }
  /** Decided here a moment ago (shown at once, held for Undo or on its way): what was decided. */
  | { status: 'decided'; action: string; approval: Approval }
  | { status: 'not-found' };

export async function getGenericApproval(id: string, signal?: AbortSignal): Promise<GenericApprovalDetail> {
  try {
    const approval = await getJson<Approval>(`${APPROVALS_PATH}/${encodeURIComponent(id)}`, undefined, {
      signal,
      base: 'root',
    });
    return approval && typeof approval.id === 'string' ? { status: 'found', approval } : { status: 'not-found' };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return { status: 'not-found' };
    throw error;
  }
}

export function genericApprovalQueryOptions(id: string) {
  return queryOptions<GenericApprovalDetail, ApiError>({
    queryKey: genericApprovalKeys.detail(id),
    queryFn: ({ signal }) => getGenericApproval(id, signal),
  });
}

export function useGenericApproval(id: string) {
  return useQuery(genericApprovalQueryOptions(id));
}

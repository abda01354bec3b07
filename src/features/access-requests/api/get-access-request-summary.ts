// getApprovalSummary: GET /v3/access-request-approvals/approval-summary?owner-id — pending, approved, rejected.
import { queryOptions } from '@tanstack/react-query';
import type { ApprovalSummary } from '../../../../contract/access-requests.ts';
import { getJson, type ApiError } from '../../../lib/http.ts';
import { accessRequestKeys, type AccessRequestOwnerScope } from './keys.ts';
import { ownerIdParam } from './owner-param.ts';

export function getAccessRequestSummary({ ownerId }: AccessRequestOwnerScope, signal?: AbortSignal) {
  return getJson<ApprovalSummary>(
    'access-request-approvals/approval-summary',
    { 'owner-id': ownerIdParam(ownerId) },
    { signal },
  );
}

export function accessRequestSummaryQueryOptions({ ownerId }: AccessRequestOwnerScope = {}) {
  return queryOptions<ApprovalSummary, ApiError>({
    queryKey: accessRequestKeys.summary({ ownerId }),
    queryFn: ({ signal }) => getAccessRequestSummary({ ownerId }, signal),
  });
}

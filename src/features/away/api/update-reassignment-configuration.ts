// putReassignmentConfig: PUT /v2025/reassignment-configurations/{identityId} — changes the delegation of the kind
// of work the body names (its delegate, dates).
import type { ReassignmentConfigRequest, ReassignmentConfiguration } from '../../../../contract/work-reassignment.ts';
import { sendJson } from '../../../lib/http.ts';
import { REASSIGNMENT_PATH, reassignmentOptions } from '../../../lib/reassignment/api.ts';

export function updateReassignmentConfiguration(identityId: string, body: ReassignmentConfigRequest) {
  return sendJson<ReassignmentConfiguration>(
    'put',
    `${REASSIGNMENT_PATH}/${encodeURIComponent(identityId)}`,
    body,
    reassignmentOptions(),
  );
}

// deleteReassignmentConfiguration: DELETE /v2025/reassignment-configurations/{identityId}/{configType} — ends the
// delegation of one kind of work (204).
import type { ConfigTypeEnum } from '../../../../contract/work-reassignment.ts';
import { sendJson } from '../../../lib/http.ts';
import { REASSIGNMENT_PATH, reassignmentOptions } from '../../../lib/reassignment/api.ts';

export function deleteReassignmentConfiguration(identityId: string, configType: ConfigTypeEnum) {
  return sendJson<void>(
    'delete',
    `${REASSIGNMENT_PATH}/${encodeURIComponent(identityId)}/${encodeURIComponent(configType)}`,
    undefined,
    reassignmentOptions(),
  );
}

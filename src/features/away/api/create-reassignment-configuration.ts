// createReassignmentConfiguration: POST /v2025/reassignment-configurations — a new delegation of one kind of work
// (201 with the identity's configuration).
import type { ReassignmentConfigRequest, ReassignmentConfiguration } from '../../../../contract/work-reassignment.ts';
import { sendJson } from '../../../lib/http.ts';
import { REASSIGNMENT_PATH, reassignmentOptions } from '../../../lib/reassignment/api.ts';

export function createReassignmentConfiguration(body: ReassignmentConfigRequest) {
  return sendJson<ReassignmentConfiguration>('post', REASSIGNMENT_PATH, body, reassignmentOptions());
}

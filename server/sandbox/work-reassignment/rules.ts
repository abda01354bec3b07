// The rules a configuration keeps, each a 400 ErrorResponseDto that names the field and the reason: a kind of work,
// a known, active delegate who is not the identity itself, a start, an end after the start and not already past,
// dates within years 1970..9999; and no loop: following the delegate's own delegations of that kind (those whose
// dates overlap the new one's, all at once) never leads back to the identity, however long the chain.
import type { ConfigTypeEnum, ReassignmentConfigRequest } from '../../../contract/work-reassignment.ts';
import { ApiProblem } from '../../errors.ts';
import type { Db } from '../db.ts';
import { identityById } from '../identities.ts';

/** A request that keeps every rule but the loop, its dates as stored (ISO instants, end null when permanent). */
export interface CheckedRequest {
  identityId: string;
  configType: ConfigTypeEnum;
  targetId: string;
  start: string;
  end: string | null;
}

const refuse = (field: string, text: string, cause: string): never => {
  throw new ApiProblem(400, `${field}: ${text}`, [cause]);
};

/** ISO instants stay one width (and so in time order as text) from year 0 to 9999; the sandbox keeps 1970..9999. */
function instant(field: string, value: string): string {
  const at = Date.parse(value);
  if (Number.isNaN(at)) refuse(field, `"${value.slice(0, 40)}" is not a date-time.`, `${field} is not a date-time`);
  const year = new Date(at).getUTCFullYear();
  if (year < 1970 || year > 9999) {
    refuse(field, `${value.slice(0, 40)} is outside the years 1970 to 9999.`, `${field} out of range`);
  }
  return new Date(at).toISOString();
}

export function checkedRequest(body: ReassignmentConfigRequest, identityId: string, now: number): CheckedRequest {
  const who = identityById(identityId)!;
  if (!body.configType) refuse('configType', `which kind of work is reassigned is required.`, 'configType is required');
  if (!body.reassignedToId) refuse('reassignedToId', 'the delegate is required.', 'reassignedToId is required');
  const target = identityById(body.reassignedToId!);
  if (!target) {
    refuse('reassignedToId', `no identity ${body.reassignedToId!.slice(0, 128)} exists.`, 'reassignedToId unknown');
  }
  if (target!.id === identityId) {
    refuse('reassignedToId', `${who.name} cannot delegate work to themselves.`, 'reassignedToId is the identity');
  }
  if (target!.identityState !== 'ACTIVE') {
    refuse(
      'reassignedToId',
      `${target!.name} is not an active identity (${target!.identityState}) and could never act on the work; delegate to someone active.`,
      'reassignedToId is not active',
    );
  }
  if (!body.startDate) refuse('startDate', 'when the delegation starts is required.', 'startDate is required');
  const start = instant('startDate', body.startDate!);
  const end = body.endDate ? instant('endDate', body.endDate) : null;
  if (end !== null && end <= start) {
    refuse(
      'endDate',
      `${end} is not after startDate ${start}: a delegation ends after it starts.`,
      'endDate before startDate',
    );
  }
  if (end !== null && Date.parse(end) <= now) {
    refuse('endDate', `${end} is already past: the delegation would never apply.`, 'endDate is past');
  }
  return { identityId, configType: body.configType!, targetId: target!.id, start, end };
}

/**
 * The loop `request` would close, as the identities around it (first and last the same), or undefined. Walks the
 * delegate's chain of the same kind of work; each identity has at most one configuration per kind, so the chain is a
 * path. Only configurations that can all be active together with the new one count (their date ranges overlap).
 * The identity's own current configuration of that kind is the one being replaced: it is never on the path, since
 * reaching the identity ends the walk.
 */
export function findLoop(db: Db, request: CheckedRequest): string[] | undefined {
  const next = db.prepare(
    'SELECT target_id, start_date, end_date FROM reassignment_configs WHERE identity_id = ? AND config_type = ?',
  );
  const path = [request.identityId, request.targetId];
  let from = request.start;
  let until = request.end;
  for (let current = request.targetId; ;) {
    const hop = next.get(current, request.configType) as
      { target_id: string; start_date: string; end_date: string | null } | undefined;
    if (!hop) return undefined;
    if (hop.start_date > from) from = hop.start_date;
    if (hop.end_date !== null && (until === null || hop.end_date < until)) until = hop.end_date;
    if (until !== null && from >= until) return undefined;
    path.push(hop.target_id);
    if (hop.target_id === request.identityId) return path;
    // A loop that does not pass through the identity cannot be stored; should one exist, stop rather than spin.
    if (path.indexOf(hop.target_id) < path.length - 1) return undefined;
    current = hop.target_id;
  }
}

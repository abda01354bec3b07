// ISC's self-review rules, for every kind of approval the sandbox serves: the people a request is about — who
// asked for it (the requester) and who it is for (the requested-for, or requestee) — never decide it and never
// receive it by forward, admins included; and nothing is forwarded to an identity that is not active (no one
// would ever act on it). Each refusal is a 400 ErrorResponseDto that says which rule and who. A kind's store calls
// these inside its decision's transaction, after it has checked that the item exists and is the caller's to act on.
import { ApiProblem } from '../errors.ts';
import { identityById, type SandboxIdentity } from './identities.ts';

/** Who a request is about. */
export interface RequestParties {
  requesterId: string | null | undefined;
  /** Whom the access is for (one for an access request; remediation targets for a work item). */
  requestedForIds: readonly string[];
}

const nameOf = (id: string) => identityById(id)?.name ?? id;

/** The party `identityId` is in this request, if any. */
function roleOf(parties: RequestParties, identityId: string): 'requester' | 'requested-for' | undefined {
  if (parties.requesterId === identityId) return 'requester';
  if (parties.requestedForIds.includes(identityId)) return 'requested-for';
  return undefined;
}

/**
 * 400 when `deciderId` requested `what` or is who it is for: no one approves or rejects their own request, not even
 * an admin. `what` names the request in the message ("access request approval 1a2b…").
 */
export function refuseSelfReview(what: string, parties: RequestParties, deciderId: string): void {
  const role = roleOf(parties, deciderId);
  if (!role) return;
  const who = nameOf(deciderId);
  throw new ApiProblem(
    400,
    `Self-review is not allowed: ${who} is the ${role} of ${what}, so ${who} may not approve or reject it (admins included); forward it to someone else.`,
    [`the decider is the request's ${role}`],
  );
}

/** 400 when `target` is a party of `what` (self-review by forward) or is not an active identity. */
export function refuseForwardTarget(
  what: string,
  parties: RequestParties,
  target: SandboxIdentity,
  field: string,
): void {
  const role = roleOf(parties, target.id);
  if (role) {
    throw new ApiProblem(
      400,
      `${field}: ${target.name} is the ${role} of ${what} and may not review it (self-review); forward it to someone else.`,
      [`${field} is the request's ${role}`],
    );
  }
  if (target.identityState !== 'ACTIVE') {
    throw new ApiProblem(
      400,
      `${field}: ${target.name} is not an active identity (${target.identityState}) and could never act on ${what}; forward it to someone active.`,
      [`${field} is not active`],
    );
  }
}

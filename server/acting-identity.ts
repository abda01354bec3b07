// Whose decision a request carries. The page names, on every state-changing request it makes from a session, the
// identity that made the decision (ACTING_IDENTITY_HEADER, contract/session.ts): a decision held for Undo by Alice
// must never go out with the next user's session. Whoever finds the caller calls this before anything runs: the
// session hook for whatever rides on the session cookie (both modes), the sandbox's caller hook for every verified
// caller (bearer tokens too). Absent, nothing is checked (an SDK or curl names no one); named once and someone
// else, a 409 that changes nothing; sent twice, a 400. The tenant proxy never forwards the header (allow-list).
import type { FastifyRequest } from 'fastify';
import { ACTING_IDENTITY_HEADER } from '../contract/session.ts';
import { ApiProblem } from './errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The caller as its session or token says. */
export interface ActingCaller {
  id: string;
  /** For the message; the id when unknown. */
  name?: string;
}

/**
 * The values a header was sent with, however often: repeated lines (which Node would join into one string) and
 * comma-joined values alike. An identity id has no comma.
 */
function valuesOf(request: FastifyRequest, name: string): string[] {
  const raw = request.raw.rawHeaders;
  const values: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() === name) values.push(...raw[i + 1]!.split(',').map((v) => v.trim()));
  }
  return values;
}

/**
 * Refuses a state-changing request whose acting-identity header names someone other than `caller`: 409 when it
 * names another identity, 400 when it is sent more than once or empty. `nameOf` gives a known identity's name for
 * the message (the sandbox knows everyone; a tenant's server knows only its session's).
 */
export function checkActingIdentity(
  request: FastifyRequest,
  caller: ActingCaller,
  nameOf: (id: string) => string | undefined = () => undefined,
): void {
  if (!STATE_CHANGING.has(request.method)) return;
  const values = valuesOf(request, ACTING_IDENTITY_HEADER);
  if (values.length === 0) return;
  if (values.length > 1) {
    throw new ApiProblem(
      400,
      `${ACTING_IDENTITY_HEADER} was sent ${values.length} times: send it once, or not at all.`,
      [`${ACTING_IDENTITY_HEADER} is repeated`],
    );
  }
  const named = values[0]!;
  if (named === '') {
    throw new ApiProblem(400, `${ACTING_IDENTITY_HEADER} is empty: name the identity that made the decision.`, [
      `${ACTING_IDENTITY_HEADER} is empty`,
    ]);
  }
  if (named === caller.id) return;
  const maker = nameOf(named) ?? named;
  const owner = caller.name ?? nameOf(caller.id) ?? caller.id;
  throw new ApiProblem(
    409,
    `This decision was made by ${maker}; the session is ${owner}'s; nothing was changed. Sign in as ${maker} to send it.`,
    [`${ACTING_IDENTITY_HEADER} names ${named}, the caller is ${caller.id}`],
  );
}

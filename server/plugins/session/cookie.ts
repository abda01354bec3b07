// What the encrypted session cookie holds, and reading and writing it.
import type { FastifyRequest } from 'fastify';
import type { SessionView } from '../../../contract/session.ts';
import type { ServerConfig } from '../../config.ts';
import { ApiProblem } from '../../errors.ts';

/** What the cookie holds. Never the client secret. */
export interface StoredSession {
  token: string;
  identityId: string;
  name: string;
  isAdmin: boolean;
  /** Seconds since the epoch, from the token's `exp`. */
  exp: number;
}

declare module '@fastify/secure-session' {
  interface SessionData {
    auth: StoredSession;
  }
}

const SESSION_FIELD = 'auth';

function readSession(request: FastifyRequest): StoredSession | undefined {
  const stored = request.session?.get(SESSION_FIELD) as StoredSession | undefined;
  return stored && typeof stored.token === 'string' ? stored : undefined;
}

/** The live session, or undefined when there is none; an expired one is cleared and answers 401. */
export function liveSession(request: FastifyRequest): StoredSession | undefined {
  const stored = readSession(request);
  if (stored && stored.exp * 1000 <= Date.now()) {
    request.session.delete();
    throw new ApiProblem(401, 'Your session has expired: sign in again.');
  }
  return stored;
}

/** Starts the cookie session (a fresh one: nothing of a previous session or sign-in attempt survives). */
export function startSession(request: FastifyRequest, stored: StoredSession): void {
  request.session.regenerate();
  request.session.set(SESSION_FIELD, stored);
  request.session.options({ maxAge: Math.max(1, stored.exp - Math.floor(Date.now() / 1000)) });
}

export function view(stored: StoredSession, config: Pick<ServerConfig, 'mode'>): SessionView {
  return {
    identityId: stored.identityId,
    name: stored.name,
    isAdmin: stored.isAdmin,
    expiresAt: new Date(stored.exp * 1000).toISOString(),
    mode: config.mode,
  };
}

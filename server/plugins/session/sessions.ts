// Sessions as the routes see them: start one, find the request's, end it. The cookie names the session; the
// store holds it. A cookie whose session has ended (signed out — on any copy when the store is shared —, unused
// for the idle timeout, or past its token's expiry) is a 401, however often it is replayed.
import type { FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import path from 'node:path';
import type { ServerConfig } from '../../config.ts';
import { ApiProblem } from '../../errors.ts';
import { clearSessionCookie, sessionIdOf, setSessionCookie } from './cookie.ts';
import { keyNamespace } from '../../shared/redis.ts';
import { newSessionId, type NewSession, type SessionSeal, type SessionStore, type StoredSession } from './store.ts';
import { redisSessionStore } from './store-redis.ts';
import { sqliteSessionStore } from './store-sqlite.ts';

export interface Sessions {
  /** Starts a fresh session on this deployment (the one this browser had, if any, ends) and sets its cookie. */
  start(request: FastifyRequest, session: NewSession): Promise<void>;
  /**
   * The request's live session; undefined without a session cookie; 401 when the cookie's session has ended or was
   * made on another deployment.
   */
  current(request: FastifyRequest): Promise<StoredSession | undefined>;
  /** Signs out: the session is deleted from the store, the cookie cleared. */
  end(request: FastifyRequest): Promise<void>;
}

/** The session store this server uses, chosen once: Redis when REDIS_URL is set, else its own SQLite file. */
export function openSessionStore(
  config: Pick<ServerConfig, 'dataDir' | 'sessionIdleTimeoutS' | 'deployment'>,
  seal: SessionSeal,
  redis: Redis | undefined,
): SessionStore {
  const idleMs = config.sessionIdleTimeoutS * 1000;
  if (redis) return redisSessionStore(redis, `${keyNamespace(config)}session:`, seal, idleMs);
  return sqliteSessionStore(path.join(config.dataDir, 'sessions.sqlite'), seal, idleMs);
}

/** "30 minutes", "90 seconds": the idle timeout as the 401 says it. */
function duration(seconds: number): string {
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}

export function sessionsOn(
  store: SessionStore,
  config: Pick<ServerConfig, 'sessionIdleTimeoutS' | 'deployment'>,
): Sessions {
  const ended =
    'Your session has expired or ended: sign in again (a session ends when you sign out, after ' +
    `${duration(config.sessionIdleTimeoutS)} without activity, or when its token expires).`;
  return {
    async start(request, session) {
      const previous = sessionIdOf(request);
      if (previous) await store.remove(previous);
      const sid = newSessionId();
      await store.save(sid, { ...session, deployment: config.deployment });
      setSessionCookie(request, sid, session.exp - Math.floor(Date.now() / 1000));
    },
    async current(request) {
      const sid = sessionIdOf(request);
      if (!sid) return undefined;
      const session = await store.read(sid);
      if (!session) {
        clearSessionCookie(request);
        throw new ApiProblem(401, ended);
      }
      if (session.deployment !== config.deployment) {
        // Another deployment's session (the same SESSION_SECRET and store): not ours to end, never ours to use.
        clearSessionCookie(request);
        throw new ApiProblem(401, 'This session was made for another tenant or server mode: sign in here.');
      }
      return session;
    },
    async end(request) {
      const sid = sessionIdOf(request);
      if (sid) await store.remove(sid);
      clearSessionCookie(request);
    },
  };
}

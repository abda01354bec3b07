// The session cookie: an encrypted, authenticated envelope (@fastify/secure-session, libsodium secretbox) around
// the session id and nothing else. The session itself lives in the session store (store.ts).
import type { FastifyRequest } from 'fastify';

declare module '@fastify/secure-session' {
  interface SessionData {
    sid: string;
  }
}

const SESSION_ID = /^[\w-]{43}$/;

/** The session id the request's cookie carries, if it carries a well-formed one. */
export function sessionIdOf(request: FastifyRequest): string | undefined {
  const sid: unknown = request.session?.get('sid');
  return typeof sid === 'string' && SESSION_ID.test(sid) ? sid : undefined;
}

/** A fresh cookie (nothing of a previous session or sign-in attempt survives) carrying `sid` for `maxAgeS`. */
export function setSessionCookie(request: FastifyRequest, sid: string, maxAgeS: number): void {
  request.session.regenerate();
  request.session.set('sid', sid);
  request.session.options({ maxAge: Math.max(1, maxAgeS) });
}

export function clearSessionCookie(request: FastifyRequest): void {
  request.session.delete();
}

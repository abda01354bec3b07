// The backend-for-frontend session. The browser never holds the access token: sign-in exchanges the credentials
// at the tenant's token endpoint (through the tenant gateway), the token goes into the session store (sealed),
// and the browser gets an encrypted, HttpOnly, SameSite=Strict cookie that names the session. Requests to the
// API (/v3, /work-items/v1, /access-request-approvals/v1, and the sandbox's /sandbox/faults) without an
// Authorization header get the session's bearer token attached here; requests with their own Authorization
// (curl, the SDK) pass untouched. What a request is for is decided by the route it matched, not by the raw URL,
// so an encoded path (/%61uth/session) is checked exactly like the plain one.
//
//   key.ts            the cookie's key and the store's key
//   cookie.ts         the cookie: the session id
//   store.ts          the session store's interface and sealing; store-sqlite.ts, store-redis.ts
//   sessions.ts       start, find, end a session
//   csrf.ts           the cross-site request check
//   token-session.ts  a token endpoint's answer → the session to store
//   routes.ts         /auth/session (with the sign-in rate limit)
import secureSession from '@fastify/secure-session';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { ServerConfig } from '../../config.ts';
import type { TenantGateway } from '../../gateway/tenant-gateway.ts';
import { checkActingIdentity } from '../../acting-identity.ts';
import { isApiPath } from '../../request-path.ts';
import { sessionIdOf } from './cookie.ts';
import { checkCsrf, isStateChanging } from './csrf.ts';
import { sessionKey, sessionStoreKey } from './key.ts';
import sessionRoutes from './routes.ts';
import { openSessionStore, sessionsOn, type Sessions } from './sessions.ts';
import { SessionSeal } from './store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: Sessions;
  }
}

export interface SessionOptions {
  config: ServerConfig;
  gateway: TenantGateway;
  /** Set with REDIS_URL: sessions and the sign-in limit are shared by every copy. */
  redis?: Redis;
}

async function session(app: FastifyInstance, opts: SessionOptions) {
  const { config } = opts;
  const secure = (config.publicUrl ?? '').startsWith('https:');
  await app.register(secureSession, {
    key: sessionKey(config),
    // __Host- binds the cookie to this exact origin (Secure, Path=/, no Domain): only possible over https.
    cookieName: secure ? '__Host-wi-session' : 'wi-session',
    // The session's own expiry is the token's; this is only the envelope's upper bound.
    expiry: 7 * 24 * 3600,
    cookie: { path: '/', httpOnly: true, sameSite: 'strict', secure },
  });
  const store = openSessionStore(config, new SessionSeal(sessionStoreKey(config)), opts.redis);
  app.addHook('onClose', () => store.close());
  app.decorate('sessions', sessionsOn(store, config));

  app.addHook('onRequest', async (request) => {
    // The route that matched (undefined: none did, and the not-found handler answers without a session).
    const route = request.routeOptions.url;
    if (route === undefined) return;
    if (route.startsWith('/auth/')) {
      // Sign-in, sign-out and anything else that changes the session: always the custom header (login CSRF too).
      if (isStateChanging(request)) checkCsrf(request, config);
      return;
    }
    // /sandbox/faults (admin-only fault injection) rides on the session like the API, CSRF checks included.
    if (!isApiPath(route) && !route.startsWith('/sandbox/')) return;
    // A caller with its own credentials is not riding on the cookie; pass as it is.
    if (request.headers.authorization !== undefined) return;
    if (!sessionIdOf(request)) return; // no session: the API itself answers 401
    if (isStateChanging(request)) checkCsrf(request, config);
    const stored = await app.sessions.current(request);
    if (!stored) return;
    // A decision held by one identity never goes out with another's session.
    checkActingIdentity(request, { id: stored.identityId, name: stored.name }, opts.gateway.knownName);
    request.headers.authorization = `Bearer ${stored.token}`;
  });

  await app.register(sessionRoutes, opts);
}

export default fp(session, { name: 'session' });

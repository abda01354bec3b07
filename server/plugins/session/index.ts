// The backend-for-frontend session. The browser never holds the access token: sign-in exchanges the credentials
// at the tenant's token endpoint (through the tenant gateway), and the token lives in an encrypted, HttpOnly,
// SameSite=Strict cookie (@fastify/secure-session: libsodium secretbox). Requests to the API (/v3,
// /work-items/v1, and the sandbox's /sandbox/faults) without an Authorization header get the session's bearer
// token attached here; requests with their own Authorization (curl, the SDK) pass untouched.
//
//   key.ts            the cookie's key
//   cookie.ts         what the cookie holds
//   csrf.ts           the cross-site request check
//   token-session.ts  a token endpoint's answer → the session to store
//   routes.ts         /auth/session
import secureSession from '@fastify/secure-session';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ServerConfig } from '../../config.ts';
import type { TenantGateway } from '../../gateway/tenant-gateway.ts';
import { isApiPath, pathOf } from '../../request-path.ts';
import { liveSession } from './cookie.ts';
import { checkCsrf, isStateChanging } from './csrf.ts';
import { sessionKey } from './key.ts';
import sessionRoutes from './routes.ts';

async function session(app: FastifyInstance, opts: { config: ServerConfig; gateway: TenantGateway }) {
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

  app.addHook('onRequest', async (request) => {
    const urlPath = pathOf(request.url);
    if (urlPath.startsWith('/auth/')) {
      // Sign-in, sign-out and anything else that changes the session: always the custom header (login CSRF too).
      if (isStateChanging(request)) checkCsrf(request, config);
      return;
    }
    // /sandbox/faults (admin-only fault injection) rides on the session like the API, CSRF checks included.
    if (!isApiPath(urlPath) && !urlPath.startsWith('/sandbox/')) return;
    // A caller with its own credentials is not riding on the cookie; pass as it is.
    if (request.headers.authorization !== undefined) return;
    const stored = liveSession(request);
    if (!stored) return; // no session: the API itself answers 401
    if (isStateChanging(request)) checkCsrf(request, config);
    request.headers.authorization = `Bearer ${stored.token}`;
  });

  await app.register(sessionRoutes, opts);
}

export default fp(session, { name: 'session' });

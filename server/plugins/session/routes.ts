// The session's own endpoints:
//
//   POST   /auth/session  {clientId, clientSecret} | {identity} (sandbox) → {identityId, name, isAdmin, expiresAt, mode}
//   GET    /auth/session  → the same, or 401 {error}
//   DELETE /auth/session  → 204: the session is deleted from the store, the cookie cleared
//
// Sign-in attempts are limited per client address (sign-in-limit.ts), in both modes and before the tenant is asked.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SessionView } from '../../../contract/session.ts';
import type { ServerConfig } from '../../config.ts';
import { ApiProblem } from '../../errors.ts';
import { keyNamespace } from '../../shared/redis.ts';
import { SessionViewSchema, SignInBodySchema } from '../../schemas/server.ts';
import type { SessionOptions } from './index.ts';
import { registerSignInLimit, signInLimit } from './sign-in-limit.ts';
import type { NewSession } from './store.ts';
import { signInWithCredentials } from './token-session.ts';

function signInBodyError(): ApiProblem {
  return new ApiProblem(
    400,
    'Send {"clientId", "clientSecret"} (a personal access token) or, in the sandbox, {"identity"}.',
  );
}

/** What GET /auth/session answers for a stored session. */
export function sessionView(stored: NewSession, config: Pick<ServerConfig, 'mode'>): SessionView {
  return {
    identityId: stored.identityId,
    name: stored.name,
    isAdmin: stored.isAdmin,
    expiresAt: new Date(stored.exp * 1000).toISOString(),
    mode: config.mode,
  };
}

const sessionRoutes: FastifyPluginAsyncTypebox<SessionOptions> = async (app, { config, gateway, redis }) => {
  const answer = { response: { 200: SessionViewSchema } };

  await registerSignInLimit(app, redis, keyNamespace(config));
  const limit = signInLimit(config);

  app.post(
    '/auth/session',
    // attachValidation: the default "must match a schema in anyOf" says less than signInBodyError()
    { schema: { body: SignInBodySchema, ...answer }, attachValidation: true, config: { rateLimit: limit } },
    async (request) => {
      if (request.validationError) throw signInBodyError();
      const { identity, clientId, clientSecret } = request.body;
      let credentials: { clientId: string; clientSecret: string };
      if (identity !== undefined) {
        if (clientId !== undefined || clientSecret !== undefined) throw signInBodyError();
        credentials = gateway.demoIdentitySignIn(identity);
      } else if (clientId !== undefined && clientSecret !== undefined) {
        credentials = { clientId, clientSecret };
      } else {
        throw signInBodyError();
      }
      const stored = await signInWithCredentials(gateway, credentials, request.ip);
      await app.sessions.start(request, stored);
      return sessionView(stored, config);
    },
  );

  app.get('/auth/session', { schema: answer }, async (request) => {
    const stored = await app.sessions.current(request);
    if (!stored) throw new ApiProblem(401, 'Not signed in.');
    return sessionView(stored, config);
  });

  app.delete('/auth/session', async (request, reply) => {
    await app.sessions.end(request);
    return reply.code(204).send();
  });
};

export default sessionRoutes;

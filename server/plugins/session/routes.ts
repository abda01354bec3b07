// The session's own endpoints:
//
//   POST   /auth/session  {clientId, clientSecret} | {identity} (sandbox) → {identityId, name, isAdmin, expiresAt, mode}
//   GET    /auth/session  → the same, or 401 {error}
//   DELETE /auth/session  → 204, cookie cleared
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ServerConfig } from '../../config.ts';
import { ApiProblem } from '../../errors.ts';
import type { TenantGateway } from '../../gateway/tenant-gateway.ts';
import { SessionViewSchema, SignInBodySchema } from '../../schemas/server.ts';
import { liveSession, startSession, view } from './cookie.ts';
import { signInWithCredentials } from './token-session.ts';

function signInBodyError(): ApiProblem {
  return new ApiProblem(
    400,
    'Send {"clientId", "clientSecret"} (a personal access token) or, in the sandbox, {"identity"}.',
  );
}

const sessionRoutes: FastifyPluginAsyncTypebox<{ config: ServerConfig; gateway: TenantGateway }> = async (
  app,
  { config, gateway },
) => {
  const answer = { response: { 200: SessionViewSchema } };

  app.post(
    '/auth/session',
    // attachValidation: the default "must match a schema in anyOf" says less than signInBodyError()
    { schema: { body: SignInBodySchema, ...answer }, attachValidation: true },
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
      const stored = await signInWithCredentials(gateway, credentials.clientId, credentials.clientSecret);
      startSession(request, stored);
      return view(stored, config);
    },
  );

  app.get('/auth/session', { schema: answer }, async (request) => {
    const stored = liveSession(request);
    if (!stored) throw new ApiProblem(401, 'Not signed in.');
    return view(stored, config);
  });

  app.delete('/auth/session', async (request, reply) => {
    request.session.delete();
    return reply.code(204).send();
  });
};

export default sessionRoutes;

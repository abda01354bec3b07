// The sandbox's one-click sign-in: its demo identities sign in with their personal access tokens (client id =
// alias, the shared sandbox secret), which the sign-in page never has to know.
//
//   GET /auth/identities  → the demo identities for the sign-in page
//   POST /auth/session {identity} is the session plugin's; it asks the tenant gateway, which asks demoSignIn.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiProblem } from '../../errors.ts';
import type { DemoIdentitySignIn } from '../../gateway/tenant-gateway.ts';
import { DemoIdentityListSchema } from '../../schemas/server.ts';
import { LOGIN_IDENTITIES, SANDBOX_CLIENT_SECRET } from '../identities.ts';

export const demoSignIn: DemoIdentitySignIn = (alias) => {
  if (!LOGIN_IDENTITIES.some((i) => i.alias === alias)) {
    throw new ApiProblem(401, `Sign-in failed: "${alias}" is not one of the sandbox's demo identities.`);
  }
  return { clientId: alias, clientSecret: SANDBOX_CLIENT_SECRET };
};

const demoIdentityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/auth/identities', { schema: { response: { 200: DemoIdentityListSchema } } }, async () =>
    LOGIN_IDENTITIES.map((i) => ({ alias: i.alias, name: i.name, isAdmin: i.admin })),
  );
};

export default demoIdentityRoutes;

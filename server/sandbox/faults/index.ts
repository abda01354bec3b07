// The first rule whose method and path match a request decides (a rule whose count is used up no longer
// matches). Faults act in an onRequest hook, before the body is read, the caller authenticated or a handler run:
// a faulted request changes nothing. /sandbox/faults itself is never faulted, so a bad rule can always be undone.
//
//   GET    /sandbox/faults   → 200 {spec, rules}            (rules with their `remaining` count and `hits`)
//   PUT    /sandbox/faults   {spec: "..."} | {rules: [...]}  → 200 {spec, rules}: replaces every rule
//   POST   /sandbox/faults   the same as PUT
//   DELETE /sandbox/faults   → 204: no rules
// Admins only (an ORG_ADMIN bearer token, or the session cookie of an admin with the CSRF header): 401 without
// a valid token, 403 for anyone else, 400 ErrorResponseDto for a rule that does not parse.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { ConfigError } from '../../config.ts';
import { ApiProblem, errorResponse, newTrackingId } from '../../errors.ts';
import { canonicalApiPath, pathOf } from '../../request-path.ts';
import { FaultInjector } from './injector.ts';
import { FAULTS_PATH, FaultSpecError, parseFaults } from './rules.ts';
import { FaultsBodySchema, FaultsListSchema } from './schemas.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The operation a request is for, as a path a rule can match: the route the router matched, with its parameters as
 * the router decoded them (so /%76%33/work-items/count is /v3/work-items/count), in the API's canonical family (so
 * /work-items/v1/count is too). What a rule is written against is the operation, not the bytes of the URL.
 */
function operationPath(request: FastifyRequest): string {
  const route = request.routeOptions.url;
  const params = request.params as Record<string, string | undefined>;
  const path = route === undefined ? pathOf(request.url) : route.replace(/:(\w+)/g, (_, name) => params[name] ?? '');
  return canonicalApiPath(path);
}

async function faults(app: FastifyInstance, opts: { spec: string }) {
  let injector: FaultInjector;
  try {
    injector = new FaultInjector(opts.spec);
  } catch (error) {
    if (error instanceof FaultSpecError) throw new ConfigError(`SANDBOX_FAULTS: ${error.message}`);
    throw error;
  }
  if (injector.active) app.log.warn({ faults: injector.list().spec }, 'sandbox fault injection is on');

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!injector.active) return;
    const path = operationPath(request);
    const rule = injector.pick(request.method, path);
    if (!rule) return;
    const what = `${request.method} ${path}`;
    if (rule.latencyMs) await sleep(rule.latencyMs);
    if (rule.drop) {
      request.log.info({ fault: 'drop' }, `fault injected: connection dropped on ${what}`);
      reply.hijack();
      request.raw.socket?.destroy();
      return reply;
    }
    if (rule.status === undefined) return;
    const status = rule.status;
    request.log.info({ fault: status }, `fault injected: ${status} on ${what}`);
    if (status === 401) throw new ApiProblem(401, 'JWT has expired: request a new token. (injected fault)');
    if (status === 429) {
      throw new ApiProblem(429, 'Rate Limit Exceeded (injected fault)', [], {
        'retry-after': String(rule.retryAfter ?? 1),
      });
    }
    const trackingId = newTrackingId();
    request.log.error({ trackingId, fault: status }, `fault injected: ${status} on ${what}`);
    return reply.code(status).send(errorResponse(status, `Injected fault: ${status} on ${what}.`, { trackingId }));
  });

  // The caller was found by the sandbox's caller hook (../auth.ts), before the body was read.
  const requireAdmin = async (request: FastifyRequest) => {
    if (!request.caller.admin) {
      throw new ApiProblem(403, 'Only an admin (ORG_ADMIN) may read or change the sandbox faults.');
    }
  };
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  const answer = { response: { 200: FaultsListSchema } };

  routes.get(FAULTS_PATH, { preHandler: requireAdmin, schema: answer }, async () => injector.list());

  // Admins only before the body is validated: no one else learns anything about the syntax.
  for (const method of ['PUT', 'POST'] as const) {
    routes.route({
      method,
      url: FAULTS_PATH,
      preValidation: requireAdmin,
      schema: { body: FaultsBodySchema, ...answer },
      handler: async (request) => {
        const { spec, rules } = request.body;
        try {
          injector.replace(rules ?? parseFaults(spec ?? ''));
        } catch (error) {
          if (error instanceof FaultSpecError) throw new ApiProblem(400, error.message, [error.message]);
          throw error;
        }
        request.log.warn({ faults: injector.list().spec }, 'sandbox faults replaced');
        return injector.list();
      },
    });
  }

  routes.delete(FAULTS_PATH, { preHandler: requireAdmin }, async (request, reply) => {
    injector.clear();
    request.log.warn('sandbox faults cleared');
    return reply.code(204).send();
  });
}

export default fp(faults, { name: 'sandbox-faults' });

// ISC's work reassignment (/reassignment-configurations), as the spec subset describes it, under every path family
// that serves it: /v2025, /v2024 and /beta, one implementation. Inside the sandbox plugin, so its caller hook (401
// before anything else, the acting-identity check), fault injection, per-token rate limit, `no-store` and error
// shapes apply here too. At v2025 and v2024 the API is experimental: a request without `X-SailPoint-Experimental:
// true` is a 400 after the caller is known and before its body is read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CONFIG_TYPES_CAMEL,
  EXPERIMENTAL_HEADER,
  EXPERIMENTAL_PREFIXES,
  EXPERIMENTAL_VALUE,
  WORK_REASSIGNMENT_PREFIXES,
  type ReassignmentConfigTypeInfo,
} from '../../../contract/work-reassignment.ts';
import { ApiProblem } from '../../errors.ts';
import { acceptEmptyBodies } from '../lenient-bodies.ts';
import {
  ConfigRequestSchema,
  EvaluateQuerySchema,
  IdentityParamsSchema,
  TenantConfigRequestSchema,
  TypedParamsSchema,
} from './schemas.ts';
import type { WorkReassignmentStore } from './store.ts';

/** `GET …/types`: the kinds of work a configuration can be for (the spec has no camel name for GENERIC_APPROVALS). */
const TYPES: ReassignmentConfigTypeInfo[] = [
  {
    priority: 1,
    internalName: CONFIG_TYPES_CAMEL[0],
    internalNameCamel: 'ACCESS_REQUESTS',
    displayName: 'Access Requests',
    description: 'Reassign Access Request Work Items for an identity',
  },
  {
    priority: 2,
    internalName: CONFIG_TYPES_CAMEL[1],
    internalNameCamel: 'CERTIFICATIONS',
    displayName: 'Certifications',
    description: 'Reassign Certification Work Items for an identity',
  },
  {
    priority: 3,
    internalName: CONFIG_TYPES_CAMEL[2],
    internalNameCamel: 'MANUAL_TASKS',
    displayName: 'Manual Tasks',
    description: 'Reassign Manual Task Work Items for an identity',
  },
  {
    priority: 4,
    internalNameCamel: 'GENERIC_APPROVALS',
    displayName: 'Generic Approvals',
    description: 'Reassign the other approvals of the Approvals service for an identity',
  },
];

const HEADER = EXPERIMENTAL_HEADER.toLowerCase();

/** 400 unless the request carries the experimental header once, with the value `true`. */
function requireExperimental(request: FastifyRequest): void {
  const value = request.headers[HEADER];
  const problem = (what: string) =>
    new ApiProblem(
      400,
      `Experimental Header is missing or invalid: ${what}. This API is experimental here; send "${EXPERIMENTAL_HEADER}: ${EXPERIMENTAL_VALUE}".`,
      [`${EXPERIMENTAL_HEADER} ${what}`],
    );
  if (value === undefined) throw problem('it is missing');
  // Node joins a repeated header of this kind into one value with ", ".
  if (Array.isArray(value) || value.includes(',')) throw problem('it was sent more than once');
  if (value.trim().toLowerCase() !== EXPERIMENTAL_VALUE) throw problem(`"${value.slice(0, 40)}" is not "true"`);
}

const routes: FastifyPluginAsyncTypebox<{ store: WorkReassignmentStore; experimental: boolean }> = async (
  app,
  { store, experimental },
) => {
  acceptEmptyBodies(app);
  // After the sandbox's caller hook (registered on the parent scope, so it runs first): a 401 stays a 401.
  if (experimental) app.addHook('preParsing', async (request) => requireExperimental(request));

  app.get('', async (request) => store.list(request.caller));

  app.post('', { schema: { body: ConfigRequestSchema } }, async (request, reply) =>
    reply.code(201).send(store.create(request.caller, request.body)),
  );

  app.get('/types', async () => TYPES);

  app.get('/tenant-config', async () => store.tenantConfig());

  app.put('/tenant-config', { schema: { body: TenantConfigRequestSchema } }, async (request) =>
    store.putTenantConfig(request.caller, request.body),
  );

  app.get('/:identityId', { schema: { params: IdentityParamsSchema } }, async (request) =>
    store.get(request.caller, request.params.identityId),
  );

  app.put('/:identityId', { schema: { params: IdentityParamsSchema, body: ConfigRequestSchema } }, async (request) =>
    store.update(request.caller, request.params.identityId, request.body),
  );

  app.delete('/:identityId/:configType', { schema: { params: TypedParamsSchema } }, async (request, reply) => {
    store.remove(request.caller, request.params.identityId, request.params.configType);
    return reply.code(204).send();
  });

  app.get(
    '/:identityId/evaluate/:configType',
    { schema: { params: TypedParamsSchema, querystring: EvaluateQuerySchema } },
    async (request) =>
      store.evaluate(
        request.caller,
        request.params.identityId,
        request.params.configType,
        request.query.exclusionFilters,
      ),
  );
};

/** Work reassignment at every path family. */
export default async function workReassignment(app: FastifyInstance, opts: { store: WorkReassignmentStore }) {
  for (const prefix of WORK_REASSIGNMENT_PREFIXES) {
    await app.register(routes, { prefix, store: opts.store, experimental: EXPERIMENTAL_PREFIXES.includes(prefix) });
  }
}

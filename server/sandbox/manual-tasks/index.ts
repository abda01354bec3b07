// A sandbox shortcut that makes new work the way ISC does when a disconnected source needs a change by hand: a
// manual task (a work item) for an identity, so that tests and demos can watch work reassignment's MANUAL_TASKS act
// on new work. Sandbox only: tenant mode never registers it (a real tenant makes its own tasks).
//
//   POST /sandbox/manual-tasks  {ownerId, name, description?}  → 201 and the work item as GET /v3/work-items/{id}
//                                                               answers it (with the owner it ended up with)
// Admins only (an ORG_ADMIN bearer token, or an admin's session cookie with the CSRF header), checked before the
// body is read: 401 without a valid token, 403 for anyone else, 400 ErrorResponseDto for a body out of bounds or an
// identity the tenant does not have.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Clock } from '../../clock.ts';
import { ApiProblem } from '../../errors.ts';
import { identityById } from '../identities.ts';
import type { WorkItemStore } from '../work-items/store.ts';
import type { Delegations } from '../work-reassignment/delegation.ts';

export const MANUAL_TASKS_PATH = '/sandbox/manual-tasks';

const ManualTaskSchema = Type.Object({
  ownerId: Type.String({ minLength: 1, maxLength: 128 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
});

export default async function manualTasks(
  app: FastifyInstance,
  opts: { store: WorkItemStore; delegations: Delegations; clock: Clock },
) {
  // After the sandbox's caller hook (which answers 401 and sets request.caller), before the body is parsed.
  const requireAdmin = async (request: FastifyRequest, _reply: unknown, payload: unknown) => {
    if (!request.caller.admin) throw new ApiProblem(403, 'Only an admin (ORG_ADMIN) may create sandbox manual tasks.');
    return payload;
  };
  app
    .withTypeProvider<TypeBoxTypeProvider>()
    .post(
      MANUAL_TASKS_PATH,
      { preParsing: requireAdmin, schema: { body: ManualTaskSchema } },
      async (request, reply) => {
        const { ownerId, name, description } = request.body;
        if (!identityById(ownerId)) {
          throw new ApiProblem(400, `ownerId: no identity ${ownerId} exists.`, ['ownerId unknown']);
        }
        const task = { ownerId, requesterId: request.caller.id, name, description: description ?? '' };
        return reply.code(201).send(opts.store.createTask(task, opts.delegations, opts.clock.now()));
      },
    );
}

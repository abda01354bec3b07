import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiProblem } from '../../errors.ts';
import type { AccountSelection, WorkItemForward } from '../../../contract/work-items.ts';
import { authenticate } from '../auth.ts';
import { identityById } from '../identities.ts';
import type { Caller, WorkItemStore } from '../store.ts';

export interface WorkItemRoutesOptions {
  key: Uint8Array;
  store: WorkItemStore;
}

// The spec's standard collection parameters; schema failures become a 400 naming the parameter.
const paging = {
  limit: { type: 'integer', minimum: 0, maximum: 250, default: 250 },
  offset: { type: 'integer', minimum: 0, default: 0 },
  count: { type: 'boolean', default: false },
} as const;
const ownerId = { type: 'string', maxLength: 128 } as const;
const idParam = { type: 'string', minLength: 1, maxLength: 128 } as const;

const listSchema = {
  querystring: { type: 'object', properties: { ...paging, ownerId } },
};
const countSchema = { querystring: { type: 'object', properties: { ownerId } } };
const idSchema = { params: { type: 'object', properties: { id: idParam }, required: ['id'] } };

interface ListQuery {
  limit: number;
  offset: number;
  count: boolean;
  ownerId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
  }
}

export default async function workItemRoutes(app: FastifyInstance, opts: WorkItemRoutesOptions) {
  const { store } = opts;

  // The official SDK sends `Content-Type: application/json` with an empty body on completeWorkItem (its body
  // is optional): accept that as "no body" instead of refusing it; everything else goes to Fastify's own
  // parser, which guards against prototype poisoning.
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    json(request, text, done);
  });
  // The SDK's body-less calls (approve, reject, bulk) declare `application/x-www-form-urlencoded` with an
  // empty body: empty is fine whatever the type; a real body must be JSON.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    if (body.length === 0) return done(null, undefined);
    done(
      new ApiProblem(
        400,
        `Unsupported content type "${String(request.headers['content-type'] ?? '')}": send application/json.`,
      ),
    );
  });

  app.decorateRequest('caller', null as unknown as Caller);
  app.addHook('preHandler', async (request) => {
    request.caller = await authenticate(opts.key, request);
  });

  /** Whose items a list/count/summary call is about: someone else's only for an admin. */
  function owner(request: FastifyRequest, requested: string | undefined): string {
    const { caller } = request;
    if (requested === undefined || requested === '' || requested === caller.id) return caller.id;
    if (!caller.admin) {
      throw new ApiProblem(403, 'ownerId names another identity: only an admin (ORG_ADMIN) may list their work items.');
    }
    if (!identityById(requested)) throw new ApiProblem(404, `ownerId: identity ${requested} was not found.`);
    return requested;
  }

  // Lists are newest first: pending by created (then id) descending, completed by completed descending.
  app.get('/v3/work-items', { schema: listSchema }, async (request, reply) => {
    const q = request.query as ListQuery;
    const who = owner(request, q.ownerId);
    if (q.count) reply.header('x-total-count', String(store.countPending(who)));
    return store.listPending(who, q.limit, q.offset);
  });

  app.get('/v3/work-items/completed', { schema: listSchema }, async (request, reply) => {
    const q = request.query as ListQuery;
    const who = owner(request, q.ownerId);
    if (q.count) reply.header('x-total-count', String(store.countCompleted(who)));
    return store.listCompleted(who, q.limit, q.offset);
  });

  app.get('/v3/work-items/count', { schema: countSchema }, async (request) => {
    const who = owner(request, (request.query as { ownerId?: string }).ownerId);
    return { count: store.countPending(who) };
  });

  app.get('/v3/work-items/completed/count', { schema: countSchema }, async (request) => {
    const who = owner(request, (request.query as { ownerId?: string }).ownerId);
    return { count: store.countCompleted(who) };
  });

  app.get('/v3/work-items/summary', { schema: countSchema }, async (request) => {
    const who = owner(request, (request.query as { ownerId?: string }).ownerId);
    return store.summary(who);
  });

  app.get('/v3/work-items/:id', { schema: idSchema }, async (request) => {
    return store.get(request.caller, (request.params as { id: string }).id);
  });

  app.post('/v3/work-items/:id', { schema: idSchema }, async (request) => {
    return store.complete(request.caller, (request.params as { id: string }).id);
  });

  const decisionSchema = {
    params: {
      type: 'object',
      properties: { id: idParam, approvalItemId: idParam },
      required: ['id', 'approvalItemId'],
    },
  };
  app.post('/v3/work-items/:id/approve/:approvalItemId', { schema: decisionSchema }, async (request) => {
    const p = request.params as { id: string; approvalItemId: string };
    return store.decide(request.caller, p.id, p.approvalItemId, true);
  });
  app.post('/v3/work-items/:id/reject/:approvalItemId', { schema: decisionSchema }, async (request) => {
    const p = request.params as { id: string; approvalItemId: string };
    return store.decide(request.caller, p.id, p.approvalItemId, false);
  });

  app.post('/v3/work-items/bulk-approve/:id', { schema: idSchema }, async (request) => {
    return store.decideAll(request.caller, (request.params as { id: string }).id, true);
  });
  app.post('/v3/work-items/bulk-reject/:id', { schema: idSchema }, async (request) => {
    return store.decideAll(request.caller, (request.params as { id: string }).id, false);
  });

  app.post(
    '/v3/work-items/:id/submit-account-selection',
    { schema: { ...idSchema, body: { type: 'object', additionalProperties: true } } },
    async (request) => {
      const body = request.body as AccountSelection | undefined;
      if (!body) throw new ApiProblem(400, 'The request body must be a JSON object keyed on field name.');
      return store.submitAccountSelection(request.caller, (request.params as { id: string }).id, body);
    },
  );

  app.post(
    '/v3/work-items/:id/forward',
    {
      schema: {
        ...idSchema,
        body: {
          type: 'object',
          properties: {
            targetOwnerId: { type: 'string', maxLength: 128 },
            comment: { type: 'string', maxLength: 4000 },
            sendNotifications: { type: 'boolean' },
          },
          required: ['targetOwnerId', 'comment'],
        },
      },
    },
    async (request, reply) => {
      const body = request.body as WorkItemForward | undefined;
      if (!body) throw new ApiProblem(400, 'The request body must be a WorkItemForward object.');
      const comment = body.comment.trim();
      if (!comment)
        throw new ApiProblem(400, 'comment: a comment is required when forwarding.', ['comment is required']);
      const target = identityById(body.targetOwnerId);
      if (!target) {
        throw new ApiProblem(400, `targetOwnerId: no identity ${body.targetOwnerId} exists.`, [
          'targetOwnerId is not a known identity',
        ]);
      }
      store.forward(request.caller, (request.params as { id: string }).id, target, comment);
      // The spec: "Success, but no data is returned." A real tenant answers with an empty 200, so the sandbox
      // does too and no client comes to rely on a body that tenant mode would not deliver.
      return reply.code(200).send();
    },
  );
}

// The 13 operations of the Work Items API, served once per prefix (/v3/work-items and /work-items/v1: see
// request-path.ts). Schemas come from schemas.ts: the request parts are validated there (a failure is a 400
// naming the parameter) and typed here, and every 200 JSON answer but the list pages' is written from its response
// schema (the list pages are JSON that SQLite writes: page-json.ts). The caller is found by the sandbox's caller
// hook (../auth.ts) before the body is read.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hasCommentText } from '../../../contract/comments.ts';
import type { WorkItem } from '../../../contract/work-items.ts';
import { ApiProblem } from '../../errors.ts';
import {
  AccountSelectionSchema,
  DecisionParamsSchema,
  IdParamsSchema,
  ListQuerySchema,
  OwnerQuerySchema,
  WorkItemForwardSchema,
  WorkItemSchema,
  WorkItemsCountSchema,
  WorkItemsSummarySchema,
} from './schemas.ts';
import { acceptEmptyBodies } from '../lenient-bodies.ts';
import { identityById } from '../identities.ts';
import type { JsonPage } from './queries.ts';
import type { WorkItemStore } from './store.ts';

export interface WorkItemRoutesOptions {
  store: WorkItemStore;
}

const one = { 200: WorkItemSchema };
// The list pages are written by SQLite as JSON (page-json.ts) and sent as those bytes: no response schema writes
// them. page-json.test.ts holds them equal to what WorkItemListSchema writes of the same items.
const list = { querystring: ListQuerySchema };
const byId = { params: IdParamsSchema, response: one };
const decision = { params: DecisionParamsSchema, response: one };

const workItemRoutes: FastifyPluginAsyncTypebox<WorkItemRoutesOptions> = async (app, opts) => {
  const { store } = opts;

  acceptEmptyBodies(app);

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

  /**
   * An item as the single-item routes write it, which is how the list's schema wrote each of its items (compiled once
   * per route: Fastify keeps it by the schema object).
   */
  const writeItem = (reply: FastifyReply) => {
    const write = reply.compileSerializationSchema(WorkItemSchema as unknown as Record<string, unknown>);
    return (item: WorkItem) => write(item as unknown as Record<string, unknown>);
  };

  /** The page's JSON as it is, not written again: no response schema applies to bytes with a JSON content type. */
  function sendPage(reply: FastifyReply, page: JsonPage, count: boolean | undefined) {
    if (count) reply.header('x-total-count', String(page.total));
    return reply.type('application/json; charset=utf-8').send(page.body);
  }

  app.get('', { schema: list }, async (request, reply) => {
    const { limit, offset, count, ownerId } = request.query;
    return sendPage(reply, store.pendingPageJson(owner(request, ownerId), limit, offset, writeItem(reply)), count);
  });

  app.get('/completed', { schema: list }, async (request, reply) => {
    const { limit, offset, count, ownerId } = request.query;
    return sendPage(reply, store.completedPageJson(owner(request, ownerId), limit, offset, writeItem(reply)), count);
  });

  const counted = { querystring: OwnerQuerySchema, response: { 200: WorkItemsCountSchema } };
  app.get('/count', { schema: counted }, async (request) => ({
    count: store.countPending(owner(request, request.query.ownerId)),
  }));
  app.get('/completed/count', { schema: counted }, async (request) => ({
    count: store.countCompleted(owner(request, request.query.ownerId)),
  }));

  app.get(
    '/summary',
    { schema: { querystring: OwnerQuerySchema, response: { 200: WorkItemsSummarySchema } } },
    async (request) => store.summary(owner(request, request.query.ownerId)),
  );

  app.get('/:id', { schema: byId }, async (request) => store.get(request.caller, request.params.id));

  app.post('/:id', { schema: byId }, async (request) => store.complete(request.caller, request.params.id));

  app.post('/:id/approve/:approvalItemId', { schema: decision }, async (request) =>
    store.decide(request.caller, request.params.id, request.params.approvalItemId, true),
  );
  app.post('/:id/reject/:approvalItemId', { schema: decision }, async (request) =>
    store.decide(request.caller, request.params.id, request.params.approvalItemId, false),
  );

  app.post('/bulk-approve/:id', { schema: byId }, async (request) =>
    store.decideAll(request.caller, request.params.id, true),
  );
  app.post('/bulk-reject/:id', { schema: byId }, async (request) =>
    store.decideAll(request.caller, request.params.id, false),
  );

  app.post('/:id/submit-account-selection', { schema: { ...byId, body: AccountSelectionSchema } }, async (request) =>
    store.submitAccountSelection(request.caller, request.params.id, request.body),
  );

  app.post(
    '/:id/forward',
    { schema: { params: IdParamsSchema, body: WorkItemForwardSchema } },
    async (request, reply) => {
      const { targetOwnerId } = request.body;
      if (!hasCommentText(request.body.comment)) {
        throw new ApiProblem(400, 'comment: a comment is required when forwarding.', ['comment is required']);
      }
      const comment = request.body.comment.trim();
      const target = identityById(targetOwnerId);
      if (!target) {
        throw new ApiProblem(400, `targetOwnerId: no identity ${targetOwnerId} exists.`, [
          'targetOwnerId is not a known identity',
        ]);
      }
      store.forward(request.caller, request.params.id, target, comment);
      // The spec: "Success, but no data is returned." A real tenant answers with an empty 200, so the sandbox
      // does too and no client comes to rely on a body that tenant mode would not deliver.
      return reply.code(200).send();
    },
  );
};

export default workItemRoutes;

// The six operations of ISC's Access Request Approvals API, as the spec subset describes them. One plugin,
// registered under both path families (/v3/access-request-approvals and /access-request-approvals/v1).
// Registered inside the sandbox plugin, so its caller hook, fault injection, per-token rate limit, `no-store` and
// error shapes apply here as they do to the work items.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ACCESS_REQUEST_APPROVALS_PREFIXES, OWNER_ME } from '../../../contract/access-requests.ts';
import { hasCommentText } from '../../../contract/comments.ts';
import { ApiProblem } from '../../errors.ts';
import { toInstant } from '../collection-sql.ts';
import type { Db } from '../db.ts';
import { identityById } from '../identities.ts';
import { acceptEmptyBodies } from '../lenient-bodies.ts';
import type { Caller } from '../auth.ts';
import {
  AcceptedSchema,
  ApprovalParamsSchema,
  ApprovalSummarySchema,
  ApproveBodySchema,
  CompletedApprovalSchema,
  ForwardBodySchema,
  ListQuerySchema,
  PendingApprovalSchema,
  RejectBodySchema,
  SummaryQuerySchema,
} from './schemas.ts';
import { ensureAccessRequestsSeeded } from './seed.ts';
import { AccessRequestStore } from './store.ts';

interface RoutesOptions {
  store: AccessRequestStore;
}

/**
 * Whose approvals a list or summary is about. The spec: an admin may name anyone or omit `owner-id` for the
 * whole org; anyone else may name only `me` or themselves. It does not say what omitting it means for a
 * non-admin: here, their own (the only answer they could be given).
 */
function ownerScope(caller: Caller, requested: string | undefined): string | null {
  if (requested === undefined || requested === '') return caller.admin ? null : caller.id;
  if (requested === OWNER_ME || requested === caller.id) return caller.id;
  if (!caller.admin) {
    throw new ApiProblem(
      403,
      `owner-id names another identity: only an admin (ORG_ADMIN) may see the approvals of others; use "${OWNER_ME}" or your own id.`,
    );
  }
  if (!identityById(requested)) throw new ApiProblem(404, `owner-id: identity ${requested} was not found.`);
  return requested;
}

/** A comment's text, trimmed; absent, or nothing a reader can see (contract/comments.ts), is no comment. */
const commentText = (comment: string | null | undefined) => (hasCommentText(comment) ? comment!.trim() : null);

const accessRequestRoutes: FastifyPluginAsyncTypebox<RoutesOptions> = async (app, { store }) => {
  acceptEmptyBodies(app);

  const list = { querystring: ListQuerySchema };
  app.get(
    '/pending',
    { schema: { ...list, response: { 200: Type.Array(PendingApprovalSchema) } } },
    async (request, reply) => {
      const q = request.query;
      const { items, total } = store.listPending({
        ...q,
        owner: ownerScope(request.caller, q['owner-id']),
      });
      if (total !== undefined) reply.header('x-total-count', String(total));
      return items;
    },
  );

  app.get(
    '/completed',
    { schema: { ...list, response: { 200: Type.Array(CompletedApprovalSchema) } } },
    async (request, reply) => {
      const q = request.query;
      const { items, total } = store.listCompleted({
        ...q,
        owner: ownerScope(request.caller, q['owner-id']),
      });
      if (total !== undefined) reply.header('x-total-count', String(total));
      return items;
    },
  );

  app.get(
    '/approval-summary',
    { schema: { querystring: SummaryQuerySchema, response: { 200: ApprovalSummarySchema } } },
    async (request) => {
      const q = request.query;
      const owner = ownerScope(request.caller, q['owner-id']);
      let from = '';
      if (q['from-date'] !== undefined && q['from-date'] !== '') {
        const at = toInstant(q['from-date']);
        if (at === undefined) {
          throw new ApiProblem(400, `from-date: "${q['from-date']}" is not an ISO-8601 date-time.`, [
            'from-date must be ISO-8601, e.g. 2024-05-01T00:00:00Z',
          ]);
        }
        from = at;
      }
      return store.summary(owner, from);
    },
  );

  const accepted = { 202: AcceptedSchema };
  app.post(
    '/:approvalId/approve',
    { schema: { params: ApprovalParamsSchema, body: ApproveBodySchema, response: accepted } },
    async (request, reply) => {
      const comment = commentText(request.body?.comment);
      store.decide(request.caller, request.params.approvalId, true, comment);
      return reply.code(202).send({});
    },
  );

  app.post(
    '/:approvalId/reject',
    { schema: { params: ApprovalParamsSchema, body: RejectBodySchema, response: accepted } },
    async (request, reply) => {
      const comment = commentText(request.body.comment);
      store.decide(request.caller, request.params.approvalId, false, comment);
      return reply.code(202).send({});
    },
  );

  app.post(
    '/:approvalId/forward',
    { schema: { params: ApprovalParamsSchema, body: ForwardBodySchema, response: accepted } },
    async (request, reply) => {
      const { newOwnerId } = request.body;
      const comment = commentText(request.body.comment);
      if (comment === null) {
        throw new ApiProblem(400, 'comment: a comment is required when forwarding.', ['comment is required']);
      }
      const target = identityById(newOwnerId);
      if (!target) {
        throw new ApiProblem(400, `newOwnerId: no identity ${newOwnerId} exists.`, [
          'newOwnerId is not a known identity',
        ]);
      }
      store.forward(request.caller, request.params.approvalId, target, comment);
      return reply.code(202).send({});
    },
  );
};

/** The access-request approvals API at both of its path families, over the sandbox database. */
export default async function accessRequestApprovals(app: import('fastify').FastifyInstance, opts: { db: Db }) {
  // A database seeded before access requests existed gets them once.
  ensureAccessRequestsSeeded(opts.db);
  const store = new AccessRequestStore(opts.db);
  for (const prefix of ACCESS_REQUEST_APPROVALS_PREFIXES) {
    await app.register(accessRequestRoutes, { prefix, store });
  }
}

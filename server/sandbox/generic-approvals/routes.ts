// ISC's Approvals service, as the spec subset describes it, registered under every path family that serves it:
// all operations at /v2025/generic-approvals, /generic-approvals/v1 and /beta/generic-approvals; list and get at
// /v2024/generic-approvals (what the official SDK's ApprovalsV2024Api calls). Inside the sandbox plugin, so its
// fault injection, per-token rate limit, `no-store` and error shapes apply here too. The caller is authenticated
// before anything else (onRequest): an anonymous caller learns nothing about parameters or bodies.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  GENERIC_APPROVALS_PREFIXES,
  GENERIC_APPROVALS_READ_ONLY_PREFIXES,
} from '../../../contract/generic-approvals.ts';
import type { Clock } from '../../clock.ts';
import { authenticate, type Caller } from '../auth.ts';
import type { Db } from '../db.ts';
import { acceptEmptyBodies } from '../lenient-bodies.ts';
import { ApprovalActions } from './actions.ts';
import { acceptedLocales } from './answers.ts';
import { GENERIC_APPROVALS_SCHEMA } from './schema.ts';
import {
  AcceptedSchema,
  ApproveBodySchema,
  AttributesBodySchema,
  BulkApproveBodySchema,
  BulkBodySchema,
  BulkReassignBodySchema,
  checkPaging,
  CommentBodySchema,
  ConfigBodySchema,
  ConfigIdParamsSchema,
  ConfigParamsSchema,
  IdParamsSchema,
  ListQuerySchema,
  ReassignBodySchema,
  RejectBodySchema,
} from './schemas.ts';
import { ensureGenericApprovalsSeeded } from './seed.ts';
import { GenericApprovalStore } from './store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    approvalsCaller: Caller;
  }
}

interface RoutesOptions {
  key: Uint8Array;
  store: GenericApprovalStore;
  actions: ApprovalActions;
  /** v2024: list and get only. */
  readOnly: boolean;
}

const locales = (request: FastifyRequest) => acceptedLocales(request.headers['accept-language']);

const approvalRoutes: FastifyPluginAsyncTypebox<RoutesOptions> = async (app, { key, store, actions, readOnly }) => {
  acceptEmptyBodies(app);
  app.decorateRequest('approvalsCaller', null as unknown as Caller);
  app.addHook('onRequest', async (request) => {
    request.approvalsCaller = await authenticate(key, request);
  });

  app.get('', { schema: { querystring: ListQuerySchema } }, async (request, reply) => {
    checkPaging(request.query);
    const { items, total } = store.list(request.approvalsCaller, request.query, locales(request));
    if (total !== undefined) reply.header('x-total-count', String(total));
    return items;
  });

  app.get('/:id', { schema: { params: IdParamsSchema } }, async (request) =>
    store.get(request.approvalsCaller, request.params.id, locales(request)),
  );
  if (readOnly) return;

  const byId = { params: IdParamsSchema };
  app.post('/:id/approve', { schema: { ...byId, body: ApproveBodySchema } }, async (request) =>
    actions.approve(request.approvalsCaller, request.params.id, request.body ?? null, locales(request)),
  );

  app.post('/:id/reject', { schema: { ...byId, body: RejectBodySchema } }, async (request, reply) => {
    actions.reject(request.approvalsCaller, request.params.id, request.body ?? null);
    return reply.code(204).send();
  });

  app.post('/:id/reassign', { schema: { ...byId, body: ReassignBodySchema } }, async (request, reply) => {
    actions.reassign(request.approvalsCaller, request.params.id, request.body);
    return reply.code(204).send();
  });

  app.post('/:id/comments', { schema: { ...byId, body: CommentBodySchema } }, async (request) =>
    actions.comment(request.approvalsCaller, request.params.id, request.body.comment, locales(request)),
  );

  app.post('/:id/attributes', { schema: { ...byId, body: AttributesBodySchema } }, async (request) =>
    actions.attributes(request.approvalsCaller, request.params.id, request.body, locales(request)),
  );

  const accepted = { response: { 202: AcceptedSchema } };
  app.post('/bulk-approve', { schema: { body: BulkApproveBodySchema, ...accepted } }, async (request, reply) => {
    actions.bulkDecide(request.approvalsCaller, request.body.approvalIds, 'APPROVED', request.body.comment);
    return reply.code(202).send({});
  });
  app.post('/bulk-reject', { schema: { body: BulkBodySchema, ...accepted } }, async (request, reply) => {
    actions.bulkDecide(request.approvalsCaller, request.body.approvalIds, 'REJECTED', request.body.comment);
    return reply.code(202).send({});
  });
  app.post('/bulk-cancel', { schema: { body: BulkBodySchema, ...accepted } }, async (request, reply) => {
    actions.bulkCancel(request.approvalsCaller, request.body.approvalIds, request.body.comment);
    return reply.code(202).send({});
  });
  app.post('/bulk-reassign', { schema: { body: BulkReassignBodySchema, ...accepted } }, async (request, reply) => {
    actions.bulkReassign(request.approvalsCaller, request.body);
    return reply.code(202).send({});
  });

  app.get('/config/:id', { schema: { params: ConfigIdParamsSchema } }, async (request) =>
    store.configs.read(request.params.id),
  );
  app.put('/config/:id/:scope', { schema: { params: ConfigParamsSchema, body: ConfigBodySchema } }, async (request) =>
    actions.putConfig(request.approvalsCaller, request.params.id, request.params.scope, request.body),
  );
  app.delete('/config/:id/:scope', { schema: { params: ConfigParamsSchema } }, async (request, reply) => {
    actions.deleteConfig(request.approvalsCaller, request.params.id, request.params.scope);
    return reply.code(204).send();
  });
};

/** Opens the Approvals service's tables (seeding them once) and its store, on the server's clock. */
export function openGenericApprovals(db: Db, clock: Clock, seedScale: number): GenericApprovalStore {
  db.exec(GENERIC_APPROVALS_SCHEMA);
  const store = new GenericApprovalStore(db, clock);
  ensureGenericApprovalsSeeded(store, seedScale);
  return store;
}

/** The Approvals service at every path family. */
export default async function genericApprovals(
  app: FastifyInstance,
  opts: { key: Uint8Array; store: GenericApprovalStore },
) {
  const { key, store } = opts;
  const actions = new ApprovalActions(store);
  for (const prefix of GENERIC_APPROVALS_PREFIXES) {
    await app.register(approvalRoutes, { prefix, key, store, actions, readOnly: false });
  }
  for (const prefix of GENERIC_APPROVALS_READ_ONLY_PREFIXES) {
    await app.register(approvalRoutes, { prefix, key, store, actions, readOnly: true });
  }
}

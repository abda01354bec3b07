// ISC's Approvals service, as the spec subset describes it, registered under every path family that serves it:
// all operations at /v2025/generic-approvals, /generic-approvals/v1 and /beta/generic-approvals; list and get at
// /v2024/generic-approvals (what the official SDK's ApprovalsV2024Api calls). Inside the sandbox plugin, so its
// fault injection, per-token rate limit, `no-store` and error shapes apply here too. The caller is authenticated
// by the sandbox's one caller hook (../auth.ts), before any body is read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  GENERIC_APPROVALS_PREFIXES,
  GENERIC_APPROVALS_READ_ONLY_PREFIXES,
} from '../../../contract/generic-approvals.ts';
import type { Clock } from '../../clock.ts';
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

interface RoutesOptions {
  store: GenericApprovalStore;
  actions: ApprovalActions;
  /** v2024: list and get only. */
  readOnly: boolean;
}

const locales = (request: FastifyRequest) => acceptedLocales(request.headers['accept-language']);

const approvalRoutes: FastifyPluginAsyncTypebox<RoutesOptions> = async (app, { store, actions, readOnly }) => {
  acceptEmptyBodies(app);

  app.get('', { schema: { querystring: ListQuerySchema } }, async (request, reply) => {
    checkPaging(request.query);
    const { items, total } = store.list(request.caller, request.query, locales(request));
    if (total !== undefined) reply.header('x-total-count', String(total));
    return items;
  });

  app.get('/:id', { schema: { params: IdParamsSchema } }, async (request) =>
    store.get(request.caller, request.params.id, locales(request)),
  );
  if (readOnly) return;

  const byId = { params: IdParamsSchema };
  app.post('/:id/approve', { schema: { ...byId, body: ApproveBodySchema } }, async (request) =>
    actions.approve(request.caller, request.params.id, request.body ?? null, locales(request)),
  );

  app.post('/:id/reject', { schema: { ...byId, body: RejectBodySchema } }, async (request, reply) => {
    actions.reject(request.caller, request.params.id, request.body ?? null);
    return reply.code(204).send();
  });

  app.post('/:id/reassign', { schema: { ...byId, body: ReassignBodySchema } }, async (request, reply) => {
    actions.reassign(request.caller, request.params.id, request.body);
    return reply.code(204).send();
  });

  app.post('/:id/comments', { schema: { ...byId, body: CommentBodySchema } }, async (request) =>
    actions.comment(request.caller, request.params.id, request.body.comment, locales(request)),
  );

  app.post('/:id/attributes', { schema: { ...byId, body: AttributesBodySchema } }, async (request) =>
    actions.attributes(request.caller, request.params.id, request.body, locales(request)),
  );

  const accepted = { response: { 202: AcceptedSchema } };
  app.post('/bulk-approve', { schema: { body: BulkApproveBodySchema, ...accepted } }, async (request, reply) => {
    actions.bulkDecide(request.caller, request.body.approvalIds, 'APPROVED', request.body.comment);
    return reply.code(202).send({});
  });
  app.post('/bulk-reject', { schema: { body: BulkBodySchema, ...accepted } }, async (request, reply) => {
    actions.bulkDecide(request.caller, request.body.approvalIds, 'REJECTED', request.body.comment);
    return reply.code(202).send({});
  });
  app.post('/bulk-cancel', { schema: { body: BulkBodySchema, ...accepted } }, async (request, reply) => {
    actions.bulkCancel(request.caller, request.body.approvalIds, request.body.comment);
    return reply.code(202).send({});
  });
  app.post('/bulk-reassign', { schema: { body: BulkReassignBodySchema, ...accepted } }, async (request, reply) => {
    actions.bulkReassign(request.caller, request.body);
    return reply.code(202).send({});
  });

  app.get('/config/:id', { schema: { params: ConfigIdParamsSchema } }, async (request) =>
    store.configs.read(request.params.id),
  );
  app.put('/config/:id/:scope', { schema: { params: ConfigParamsSchema, body: ConfigBodySchema } }, async (request) =>
    actions.putConfig(request.caller, request.params.id, request.params.scope, request.body),
  );
  app.delete('/config/:id/:scope', { schema: { params: ConfigParamsSchema } }, async (request, reply) => {
    actions.deleteConfig(request.caller, request.params.id, request.params.scope);
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
export default async function genericApprovals(app: FastifyInstance, opts: { store: GenericApprovalStore }) {
  const { store } = opts;
  const actions = new ApprovalActions(store);
  for (const prefix of GENERIC_APPROVALS_PREFIXES) {
    await app.register(approvalRoutes, { prefix, store, actions, readOnly: false });
  }
  for (const prefix of GENERIC_APPROVALS_READ_ONLY_PREFIXES) {
    await app.register(approvalRoutes, { prefix, store, actions, readOnly: true });
  }
}

// POST /v3/access-requests (submit: 202 and the approvals start in the Approvals service) and
// GET /v3/access-request-status, as the spec subset describes them. Inside the sandbox plugin (faults, rate limit,
// `no-store`, error shapes); the caller is authenticated before anything else.
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS_REQUESTS_PATH, ACCESS_REQUEST_STATUS_PATH } from '../../../contract/access-request-submissions.ts';
import type { Db } from '../db.ts';
import { checkPaging } from '../generic-approvals/schemas.ts';
import { acceptEmptyBodies } from '../lenient-bodies.ts';
import type { GenericApprovalStore } from '../generic-approvals/store.ts';
import { ACCESS_REQUEST_SUBMISSIONS_SCHEMA } from './schema.ts';
import { AccessRequestBodySchema, StatusQuerySchema } from './schemas.ts';
import { SubmissionStatus } from './status.ts';
import { SubmissionStore } from './store.ts';

const routes: FastifyPluginAsyncTypebox<{ store: SubmissionStore; status: SubmissionStatus }> = async (
  app,
  { store, status },
) => {
  acceptEmptyBodies(app);

  app.post(ACCESS_REQUESTS_PATH, { schema: { body: AccessRequestBodySchema } }, async (request, reply) =>
    reply.code(202).send(store.submit(request.caller, request.body)),
  );

  app.get(ACCESS_REQUEST_STATUS_PATH, { schema: { querystring: StatusQuerySchema } }, async (request, reply) => {
    checkPaging(request.query);
    const { items, total } = status.list(request.caller, request.query);
    if (total !== undefined) reply.header('x-total-count', String(total));
    return items;
  });
};

/** Submitting access requests and following them, over the sandbox database and its Approvals service. */
export default async function accessRequestSubmissions(
  app: FastifyInstance,
  opts: { db: Db; approvals: GenericApprovalStore },
) {
  opts.db.exec(ACCESS_REQUEST_SUBMISSIONS_SCHEMA);
  await app.register(routes, {
    store: new SubmissionStore(opts.db, opts.approvals),
    status: new SubmissionStatus(opts.db, opts.approvals),
  });
}

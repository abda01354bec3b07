// Tenant mode (SAIL_BASE_URL set): the page's API calls go to the real ISC tenant through this proxy, with the
// session's bearer token (attached by the session plugin from the session store). Exactly these operations are
// forwarded, and the upstream is always SAIL_BASE_URL, never anything taken from the request:
//
//   the Work Items API          /v3/work-items…  and  /work-items/v1…   (13 operations; upstream: SAIL_WORK_ITEMS_API)
//   public identities           GET /v3/public-identities
//   access-request approvals    /v3/access-request-approvals…  and  /access-request-approvals/v1…  (6 operations)
//   the Approvals service       /v2025/generic-approvals…, /generic-approvals/v1…, /beta/generic-approvals…
//                               (14 operations) and /v2024/generic-approvals… (list and get)
//   access requests             POST /v3/access-requests, GET /v3/access-request-status
//   work reassignment           /v2025/reassignment-configurations…, /v2024/… and /beta/… (9 operations)
//
// Everything else (other paths or methods, dot segments, percent-encoded characters) is a 404 ErrorResponseDto.
// Which Work Items family the tenant is asked at is a setting (v3 by default, or v1), so an operator can move
// the upstream to /work-items/v1 without a release while the page keeps calling /v3/work-items.
//
// Headers cross in both directions by allow-list: up go what an API call needs (no cookies, no forwarding or
// method-override headers, nothing a client could use to steer the tenant; X-SailPoint-Experimental as the client
// sent it, never added here); back come the answer's own headers
// (no Server or X-Powered-By, no Set-Cookie, no Location or Refresh pointing at the tenant's origin — none of the
// forwarded operations redirects — and no policies that would replace this server's). Built on
// @fastify/reply-from (undici), the engine of @fastify/http-proxy: our own routes keep the allow-list explicit.
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import replyFrom from '@fastify/reply-from';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ACCESS_REQUEST_STATUS_PATH, ACCESS_REQUESTS_PATH } from '../../contract/access-request-submissions.ts';
import { ACCESS_REQUEST_APPROVALS_PREFIXES } from '../../contract/access-requests.ts';
import { GENERIC_APPROVALS_PREFIXES, GENERIC_APPROVALS_READ_ONLY_PREFIXES } from '../../contract/generic-approvals.ts';
import { EXPERIMENTAL_HEADER, WORK_REASSIGNMENT_PREFIXES } from '../../contract/work-reassignment.ts';
import type { ServerConfig } from '../config.ts';
import { ApiProblem, errorResponse } from '../errors.ts';
import { FairShare, shareKey } from './fair-share.ts';
import { WORK_ITEMS, WORK_ITEMS_PREFIXES, pathOf, type Method } from '../request-path.ts';

type Operations = readonly (readonly [Method, string])[];

const ACCESS_REQUEST_APPROVALS: Operations = [
  ['GET', '/pending'],
  ['GET', '/completed'],
  ['GET', '/approval-summary'],
  ['POST', '/:approvalId/approve'],
  ['POST', '/:approvalId/reject'],
  ['POST', '/:approvalId/forward'],
];

/** The Approvals service; v2024 has the two reads only. */
const GENERIC_APPROVALS_READ: Operations = [
  ['GET', ''],
  ['GET', '/:id'],
];
const GENERIC_APPROVALS: Operations = [
  ...GENERIC_APPROVALS_READ,
  ['POST', '/:id/approve'],
  ['POST', '/:id/reject'],
  ['POST', '/:id/reassign'],
  ['POST', '/:id/comments'],
  ['POST', '/:id/attributes'],
  ['POST', '/bulk-approve'],
  ['POST', '/bulk-reject'],
  ['POST', '/bulk-cancel'],
  ['POST', '/bulk-reassign'],
  ['GET', '/config/:id'],
  ['PUT', '/config/:id/:scope'],
  ['DELETE', '/config/:id/:scope'],
];

/** Work reassignment: every operation at every family (the static paths before the identity's). */
const WORK_REASSIGNMENT: Operations = [
  ['GET', ''],
  ['POST', ''],
  ['GET', '/types'],
  ['GET', '/tenant-config'],
  ['PUT', '/tenant-config'],
  ['GET', '/:identityId'],
  ['PUT', '/:identityId'],
  ['DELETE', '/:identityId/:configType'],
  ['GET', '/:identityId/evaluate/:configType'],
];

/** Where the tenant serves each Work Items family setting. */
const WORK_ITEMS_UPSTREAM = { v3: '/v3/work-items', v1: '/work-items/v1' } as const;

/** One path segment: an id or a word such as bulk-approve. No dot segments, no percent-encoding, no backslash. */
const SEGMENT = '[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,199}';

interface Family {
  /** The prefixes the page (or a client) may call. */
  prefixes: readonly string[];
  operations: Operations;
  /** The prefix the tenant is asked at; undefined: the one that was called. */
  upstream?: string;
}

interface Route {
  method: Method;
  /** The Fastify route pattern, e.g. /v3/work-items/:id/approve/:approvalItemId. */
  url: string;
  /** Matches the raw request path (no query) when every segment is plain. */
  pattern: RegExp;
  prefix: string;
  upstream: string;
}

function routesOf(families: Family[]): Route[] {
  return families.flatMap((family) =>
    family.prefixes.flatMap((prefix) =>
      family.operations.map(([method, path]) => ({
        method,
        url: `${prefix}${path}`,
        pattern: new RegExp(`^${prefix}${path.replace(/:\w+/g, SEGMENT)}$`),
        prefix,
        upstream: family.upstream ?? prefix,
      })),
    ),
  );
}

/** Every forwarded operation, with the Work Items family's upstream as configured. */
export function proxyRoutes(workItemsApi: ServerConfig['workItemsApi'] = 'v3'): Route[] {
  return routesOf([
    { prefixes: WORK_ITEMS_PREFIXES, operations: WORK_ITEMS, upstream: WORK_ITEMS_UPSTREAM[workItemsApi] },
    { prefixes: ['/v3/public-identities'], operations: [['GET', '']] },
    { prefixes: ACCESS_REQUEST_APPROVALS_PREFIXES, operations: ACCESS_REQUEST_APPROVALS },
    { prefixes: GENERIC_APPROVALS_PREFIXES, operations: GENERIC_APPROVALS },
    { prefixes: GENERIC_APPROVALS_READ_ONLY_PREFIXES, operations: GENERIC_APPROVALS_READ },
    { prefixes: [ACCESS_REQUESTS_PATH], operations: [['POST', '']] },
    { prefixes: [ACCESS_REQUEST_STATUS_PATH], operations: [['GET', '']] },
    { prefixes: WORK_REASSIGNMENT_PREFIXES, operations: WORK_REASSIGNMENT },
  ]);
}

/** True for a path (without query) some forwarded operation has, with plain segments only. */
export function isForwardablePath(urlPath: string): boolean {
  return proxyRoutes().some((route) => route.pattern.test(urlPath));
}

/**
 * Request headers that go up; everything else stays here. The one ISC-specific header is the experimental API's
 * switch, which the page sends to work reassignment (and the SDKs to every experimental API): as sent, never added.
 */
const REQUEST_HEADERS = [
  'accept',
  'accept-encoding',
  'accept-language',
  'authorization',
  'content-type',
  'user-agent',
  EXPERIMENTAL_HEADER.toLowerCase(),
];
/** Response headers that come back. */
const RESPONSE_HEADERS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'date',
  'etag',
  'last-modified',
  'vary',
  'retry-after',
  'x-total-count',
]);

/**
 * The request body, byte for byte (the '*' parser below keeps it a Buffer, within the 1 MB bodyLimit; a gzip or
 * brotli body arrives here already decompressed by @fastify/compress and goes up as what it now is). Passed
 * explicitly: reply-from would otherwise JSON-encode a parsed body of an application/json request.
 */
function bodyOf(request: FastifyRequest): { body?: Buffer | null; contentType?: string } {
  if (request.method === 'GET' || request.method === 'HEAD') return {};
  const raw = Buffer.isBuffer(request.body) ? request.body : undefined;
  const contentType = request.headers['content-type'];
  if (!raw || raw.length === 0) return contentType ? { body: Buffer.alloc(0), contentType } : { body: null };
  return { body: raw, contentType: contentType ?? 'application/octet-stream' };
}

/** The allow-listed headers, and the Host and Content-Length reply-from set for the upstream request. */
function requestHeaders(method: string, headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = { host: headers.host };
  for (const name of REQUEST_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  if (method !== 'GET' && headers['content-length'] !== undefined) out['content-length'] = headers['content-length'];
  return out;
}

function responseHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (RESPONSE_HEADERS.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

/** Plain tenant answers of known length up to this size are read whole before they go out (see `answer` below). */
const READ_WHOLE_MAX = 1024 * 1024;

export default async function tenantProxy(app: FastifyInstance, opts: { config: ServerConfig }) {
  const { config } = opts;
  const base = config.sailBaseUrl;
  if (!base) throw new Error('tenant proxy registered without SAIL_BASE_URL');
  const timeout = config.proxyTimeoutMs;

  await app.register(replyFrom, {
    base,
    undici: {
      connections: 128,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      connect: { timeout: Math.min(timeout, 10_000) },
    },
    // The tenant's status is the answer: no silent retries (a 503 or a reset POST is passed on, not repeated).
    retryMethods: [],
    disableRequestLogging: true,
  });

  // Bodies go upstream byte for byte (≤ the server's 1 MB bodyLimit): no JSON re-encoding, any content type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  /**
   * The tenant did not answer in time → 504; could not be reached (refused, reset, unknown host) → 502. The answer
   * does not name the tenant's address (the log does, with the trackingId): a client learns nothing of the setup.
   */
  const failure = (error: Error) => {
    const { statusCode, code } = error as Error & { statusCode?: number; code?: string };
    if (statusCode === 504) {
      const body = errorResponse(504, `The tenant did not answer within ${timeout} ms; try again later.`);
      app.log.warn({ code, tenant: base, trackingId: body.trackingId }, 'tenant did not answer in time');
      return { status: 504, body };
    }
    const body = errorResponse(502, 'The tenant could not be reached; try again later.');
    app.log.warn({ err: error, tenant: base, trackingId: body.trackingId }, 'tenant unreachable');
    return { status: 502, body };
  };

  const fail = (reply: FastifyReply, error: Error) => {
    const { status, body } = failure(error);
    void reply.code(status).header('cache-control', 'no-store').send(body);
  };

  /**
   * The tenant's answer goes out as it came. One the tenant encoded passes through as a stream. A plain one of
   * known length is read whole first, so @fastify/compress treats it as it treats the sandbox's own answers: under
   * its threshold left alone, above it compressed in one call. Streamed, every answer (a 16-byte count too) got a
   * brotli stream of its own, run through zlib's thread pool.
   */
  const answer = (reply: FastifyReply, upstream: Readable) => {
    // The tenant's headers are on the reply by now (reply-from copied them).
    const length = Number(reply.getHeader('content-length'));
    if (reply.getHeader('content-encoding') !== undefined || !(length <= READ_WHOLE_MAX)) {
      return void reply.send(upstream);
    }
    // Chunks by hand: node:stream/consumers' buffer() goes through a Blob, which showed in the profile.
    const chunks: Buffer[] = [];
    upstream.on('data', (chunk: Buffer) => chunks.push(chunk));
    upstream.once('end', () => void reply.send(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    upstream.once('error', (error) => {
      reply.removeHeader('content-length');
      fail(reply.type('application/json; charset=utf-8'), error);
    });
  };

  // Each session's (or token's) share of the connections to the tenant: see fair-share.ts.
  const share = new FairShare({ ...config.proxyShare, waitMs: timeout });

  const forwardTo = (route: Route) => async (request: FastifyRequest, reply: FastifyReply) => {
    // The router matched the decoded path; what goes up is the raw one, plain as it stands (admit checked it).
    const urlPath = pathOf(request.url);
    const response = reply.raw;
    // Settles when the answer has gone out (or the client has gone): until then the request holds its slot.
    const forward = () =>
      new Promise<void>((resolve) => {
        // Destroyed: the client went while it waited ('close' has been or is about to be emitted).
        if (response.destroyed) return resolve();
        response.once('close', resolve);
        void reply.from(route.upstream + urlPath.slice(route.prefix.length), {
          ...bodyOf(request),
          rewriteRequestHeaders: (_req, headers) => requestHeaders(request.method, headers),
          rewriteHeaders: (headers) => responseHeaders(headers),
          onResponse: (_request, proxied, res) => answer(proxied as FastifyReply, res.stream),
          onError: (failedReply, { error }) => fail(failedReply as FastifyReply, error),
        });
      });
    await share.run(shareKey(request), forward, response);
    return reply;
  };

  /**
   * Before the body is read: a target that is not plain as it stands is no operation (404), and a request with no
   * credentials at all (no live session put a token on it, it brought none) gets the tenant's own 401 here, without
   * a call to the tenant: an anonymous flood costs neither the tenant's limits nor the connections to it.
   */
  const admit = (route: Route) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (!route.pattern.test(pathOf(request.url))) return reply.callNotFound();
    if (request.headers.authorization === undefined) {
      throw new ApiProblem(401, 'JWT is required: sign in, or send an "Authorization: Bearer <token>" header.');
    }
  };

  for (const route of proxyRoutes(config.workItemsApi)) {
    // No HEAD twin of a GET route: HEAD is not an operation of these APIs, so it is not forwarded (a 404 here).
    app.route({
      method: route.method,
      url: route.url,
      exposeHeadRoute: false,
      onRequest: admit(route),
      handler: forwardTo(route),
    });
  }
}

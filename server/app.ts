import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import compress from '@fastify/compress';
import { constants as zlib } from 'node:zlib';
import { createServerClock, type ClockHand } from './clock.ts';
import type { ServerConfig } from './config.ts';
import { capConnectionsPerAddress } from './connection-cap.ts';
import errors from './plugins/errors.ts';
import { clientErrorHandler, errorResponse } from './errors.ts';
import { maskUrl } from './log-masking.ts';
import { inProcessTransport } from './gateway/in-process-transport.ts';
import { httpTransport, noDemoIdentities } from './gateway/remote-tenant.ts';
import { tenantGateway, type TenantGateway } from './gateway/tenant-gateway.ts';
import health from './plugins/health.ts';
import jsonBodies from './plugins/json-bodies.ts';
import staticFiles from './plugins/static.ts';
import session from './plugins/session/index.ts';
import oauthLogin from './plugins/oauth-login.ts';
import requestTarget from './plugins/request-target.ts';
import securityHeaders from './plugins/security-headers.ts';
import tenantProxy from './plugins/tenant-proxy.ts';
import sandbox from './sandbox/index.ts';
import { identityName } from './sandbox/identities.ts';
import { demoSignIn } from './sandbox/oauth/demo-sign-in.ts';
import { connectRedis } from './shared/redis.ts';
import { finiteNumbers } from './schemas/paging.ts';

export const BODY_LIMIT = 1024 * 1024;

interface Tenant {
  /** What serves the tenant's API on this server: the embedded sandbox, or the proxy to the real tenant. */
  plugin: typeof sandbox | typeof tenantProxy;
  /** How the session and sign-in code reach the tenant. */
  gateway: TenantGateway;
  /** Only the sandbox may move the server's clock; tenant mode has no hand to move it with. */
  clockHand?: ClockHand;
}

/**
 * Which mode the server is in is decided here, once, from SAIL_BASE_URL (config.ts sets `mode`). Sandbox: the
 * embedded ISC tenant is mounted, and the gateway calls it in-process. Tenant: the allow-listed proxy to
 * SAIL_BASE_URL is mounted, and the gateway calls the tenant over HTTP within PROXY_TIMEOUT_MS. Nothing else
 * asks which mode it is in.
 */
function tenantOf(app: FastifyInstance, config: ServerConfig, clockHand: ClockHand): Tenant {
  if (config.mode === 'sandbox') {
    return {
      plugin: sandbox,
      gateway: tenantGateway(inProcessTransport(app), demoSignIn, app.log, identityName),
      clockHand,
    };
  }
  return { plugin: tenantProxy, gateway: tenantGateway(httpTransport(config), noDemoIdentities, app.log) };
}

/** The one HTTP server: every concern is a plugin registered here, in this order. */
export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
  const { limits } = config;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Tokens, cookies and secrets never reach the log.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      serializers: {
        // The method and the URL only (no headers); query parameters whose names look secret are masked.
        req: (req: { method: string; url: string }) => ({ method: req.method, url: maskUrl(req.url) }),
      },
    },
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    // Slow clients are cut (408 ErrorResponseDto): the whole request within REQUEST_TIMEOUT_MS, its headers
    // within HEADERS_TIMEOUT_MS, checked every second; a connection silent for CONNECTION_TIMEOUT_MS and an idle
    // keep-alive one after KEEP_ALIVE_TIMEOUT_MS are closed (README, Deployment).
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.connectionTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    // One line per request only when asked for (LOG_LEVEL=debug): at info level the log stays readable.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' }),
    // ids, paths and query strings are checked by route schemas; keep unknown/ugly input a 4xx, never a crash
    routerOptions: { maxParamLength: 500 },
    // Coerce scalars (query strings arrive as text) but never unwrap arrays: `{"comment": ["x"]}` is a 400,
    // not a comment "x" (Fastify's default 'array' coercion would accept it).
    ajv: { customOptions: { coerceTypes: true }, plugins: [finiteNumbers] },
    // Failures before routing (a path segment over maxParamLength, a malformed content type) get the
    // spec's ErrorResponseDto like every other 4xx, not Fastify's own body.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      reply.code(400).send(errorResponse(400, error.message));
    },
    // Bytes that are not HTTP at all: an ErrorResponseDto as well, then the connection closes.
    clientErrorHandler,
  });

  // Connections over MAX_CONNECTIONS are closed as they arrive, and so are an address's over its share.
  app.server.maxConnections = limits.maxConnections;
  capConnectionsPerAddress(app.server, limits.maxConnectionsPerAddress, config.trustProxy);
  // One Redis connection for the sessions and the rate limits of every copy, when REDIS_URL is set.
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, app.log) : undefined;
  if (redis) app.addHook('onClose', () => redis.quit().then(undefined, () => redis.disconnect()));

  await app.register(errors);
  await app.register(jsonBodies);
  await app.register(requestTarget);
  await app.register(securityHeaders, { config });
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    // On-the-fly compression of JSON (static assets are pre-compressed at build time), chosen by the benchmark's
    // compression figures for a 250-item page: brotli quality 1 takes a third of quality 4's time for 10 % more
    // bytes, and gzip level 1 is the cheapest gzip. Compressed in one call up to 1 MB: streaming a body through
    // zlib's thread pool took longer than compressing it.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
    syncThreshold: 1024 * 1024,
    threshold: 1024,
  });
  await app.register(health, { config });
  const { clock, hand } = createServerClock();
  app.decorate('clock', clock);
  const tenant = tenantOf(app, config, hand);
  await app.register(session, { config, gateway: tenant.gateway, redis });
  await app.register(oauthLogin, { config, gateway: tenant.gateway, redis });
  await app.register(tenant.plugin, { config, redis, clockHand: tenant.clockHand });
  await app.register(staticFiles, { distDir: config.distDir, config });
  return app;
}

// Several copies of the server behind a load balancer share their sessions and rate limits through one Redis
// (REDIS_URL): a sign-out on one copy holds on every copy, and a limit counts every copy's requests. When Redis
// does not answer, whatever needs it is refused with a 503 at once: no copy falls back to what it alone
// remembers (that would let a session revoked elsewhere back in), and no request waits long for it. ioredis
// keeps reconnecting in the background, so a copy recovers by itself when Redis is back.
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { FastifyRateLimitStore, RateLimitPluginOptions } from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import { Redis } from 'ioredis';
import { ConfigError, type ServerConfig } from '../config.ts';
import { ApiProblem } from '../errors.ts';

/** A command that gets no answer within this is failed (→ 503), not waited for. */
const COMMAND_TIMEOUT_MS = 2000;
/** How long a start waits for Redis before giving up with a configuration error. */
const START_TIMEOUT_MS = 10_000;

/**
 * The prefix of every key this deployment keeps in Redis (sessions, rate limits): copies of one deployment share
 * them; a sandbox and a tenant-mode server, or two tenants, sharing one Redis never read each other's.
 */
export function keyNamespace(config: Pick<ServerConfig, 'deployment'>): string {
  return `wi:${createHash('sha256').update(config.deployment).digest('hex').slice(0, 16)}:`;
}

/** What a request that needs Redis gets while it is down. */
export function sharedStateUnavailable(): ApiProblem {
  return new ApiProblem(
    503,
    'The session store (Redis) is not answering, so sessions and sign-in are unavailable for the moment: try again shortly.',
  );
}

/** The URL as it may be logged: without a password. */
function shown(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Connects to REDIS_URL; a server that cannot reach it at start does not start (a configuration error). */
export async function connectRedis(url: string, log: FastifyBaseLogger): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    // while disconnected a command fails at once (→ 503) rather than queueing until Redis returns
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
  let healthy = true;
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => {
    lastError = error;
    if (healthy) log.error({ err: error }, `Redis at ${shown(url)} is not answering: sessions and sign-in answer 503`);
    healthy = false;
  });
  redis.on('ready', () => {
    if (!healthy) log.info(`Redis at ${shown(url)} is answering again`);
    healthy = true;
  });
  const timeout = new Promise<never>((_resolve, reject) => {
    setTimeout(() => reject(new Error(`no answer within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS).unref();
  });
  try {
    await Promise.race([redis.connect(), timeout]);
  } catch (error) {
    redis.disconnect();
    const why = (lastError ?? (error as Error)).message;
    throw new ConfigError(`REDIS_URL: cannot reach Redis at ${shown(url)} (${why}).`);
  }
  return redis;
}

/**
 * What a limit does while Redis does not answer: `refuse` (503, for limits in front of what needs Redis anyway:
 * sign-in), or `count-here` (this copy counts on its own until Redis is back: the sandbox API, whose bearer-token
 * callers need nothing else from Redis and so go on, still limited, only per copy).
 */
export type WhenRedisIsDown = 'refuse' | 'count-here';

/**
 * @fastify/rate-limit options that keep the counters in Redis under `namespace` (every copy counts into the same
 * ones), or nothing (each copy counts in its own memory) without Redis.
 */
export function rateLimitStore(
  redis: Redis | undefined,
  namespace: string,
  whenDown: WhenRedisIsDown = 'refuse',
): Pick<RateLimitPluginOptions, 'store'> {
  if (!redis) return {};
  class SharedRateLimitStore implements FastifyRateLimitStore {
    private readonly inner: FastifyRateLimitStore;
    private readonly here: FastifyRateLimitStore;
    constructor(options: RateLimitPluginOptions, inner?: FastifyRateLimitStore, here?: FastifyRateLimitStore) {
      const continueExceeding = !!options.continueExceeding;
      const backoff = !!options.exponentialBackoff;
      this.inner = inner ?? new RedisStore(continueExceeding, backoff, redis!, namespace);
      this.here = here ?? new LocalStore(continueExceeding, backoff);
    }
    incr(...[key, callback, timeWindow, max]: Parameters<FastifyRateLimitStore['incr']>): void {
      this.inner.incr(
        key,
        (error, result) => {
          if (!error) return callback(null, result);
          if (whenDown === 'count-here') return this.here.incr(key, callback, timeWindow, max);
          callback(sharedStateUnavailable(), result);
        },
        timeWindow,
        max,
      );
    }
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      return new SharedRateLimitStore({}, this.inner.child(routeOptions), this.here.child(routeOptions));
    }
  }
  return { store: SharedRateLimitStore };
}

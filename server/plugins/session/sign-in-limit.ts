// The sign-in limit: attempts per client address (SIGN_IN_RATE_LIMIT; TRUST_PROXY decides which address counts)
// on every route that can cost a call to the tenant's token endpoint before a session exists — POST /auth/session
// (a personal access token), GET /auth/login and GET /auth/callback ("Sign in with SailPoint") — in both modes,
// before the tenant is asked. The tenant counts its own limits by this server's address: without this, anyone
// could spend them and lock every user out. With REDIS_URL every copy counts into one budget (per route).
import rateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { ServerConfig } from '../../config.ts';
import { ApiProblem } from '../../errors.ts';
import { rateLimitStore } from '../../shared/redis.ts';

/** Makes `config: { rateLimit: signInLimit(config) }` work in this (encapsulated) scope. */
export async function registerSignInLimit(app: FastifyInstance, redis: Redis | undefined, namespace: string) {
  await app.register(rateLimit, {
    global: false,
    ...rateLimitStore(redis, `${namespace}rl:sign-in:`),
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new ApiProblem(429, `Too many sign-in attempts from this address: wait ${seconds} s.`, [], {
        'retry-after': String(seconds),
      });
    },
  });
}

/** The route option of a sign-in route. */
export function signInLimit(config: Pick<ServerConfig, 'signInRateLimit'>): RateLimitOptions {
  return {
    max: config.signInRateLimit.max,
    timeWindow: config.signInRateLimit.windowMs,
    keyGenerator: (request) => request.ip,
  };
}

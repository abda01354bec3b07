import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import type { ClockHand } from '../clock.ts';
import type { ServerConfig } from '../config.ts';
import { ApiProblem } from '../errors.ts';
import { WORK_ITEMS_PREFIXES } from '../request-path.ts';
import { keyNamespace, rateLimitStore } from '../shared/redis.ts';
import accessRequestSubmissions from './access-request-submissions/routes.ts';
import accessRequestApprovals from './access-requests/routes.ts';
import { findCaller, rateLimitKey } from './auth.ts';
import { getMeta, openDb, type Db } from './db.ts';
import clockControl from './clock/index.ts';
import faults from './faults/index.ts';
import genericApprovals, { openGenericApprovals } from './generic-approvals/routes.ts';
import manualTasks from './manual-tasks/index.ts';
import demoIdentityRoutes from './oauth/demo-sign-in.ts';
import oauthRoutes from './oauth/routes.ts';
import { signingKey } from './oauth/tokens.ts';
import publicIdentityRoutes from './public-identities/routes.ts';
import { seed } from './seed.ts';
import workItemRoutes from './work-items/routes.ts';
import { WorkItemStore } from './work-items/store.ts';
import workReassignment from './work-reassignment/routes.ts';
import { WorkReassignmentStore } from './work-reassignment/store.ts';

/** Opens the sandbox database, seeding it the first time (a file that was never seeded counts as new). */
export function openSandboxDb(config: Pick<ServerConfig, 'sandboxDb' | 'seedScale' | 'sandboxBigItemSize'>): Db {
  const db = openDb(config.sandboxDb);
  if (!getMeta(db, 'seeded_at')) {
    seed(db, { scale: config.seedScale, bigItemSize: config.sandboxBigItemSize });
  }
  return db;
}

/** Deletes the database files (WAL and shared-memory included) so the next open starts afresh. */
export function removeSandboxDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/**
 * The embedded ISC tenant, a folder per resource: oauth/ (the token endpoint: PAT and authorization code + PKCE;
 * the sign-in page's demo identities), work-items/ (the 13 operations under /v3/work-items and /work-items/v1),
 * access-requests/, public-identities/ and faults/, over one SQLite database. Encapsulated (not fastify-plugin) so
 * its body parsers, caller hook and rate limit stay on its own routes.
 */
export default async function sandbox(
  app: FastifyInstance,
  opts: { config: ServerConfig; redis?: Redis; clockHand?: ClockHand },
) {
  const { config } = opts;
  const db = openSandboxDb(config);
  app.addHook('onClose', async () => {
    db.close();
  });
  const key = signingKey(db);
  const store = new WorkItemStore(db);

  // The sign-in page's list is part of this server's own /auth, not of the tenant's API: no faults, no rate limit.
  await app.register(demoIdentityRoutes);

  await app.register(async function tenantApi(api) {
    // Before the rate limit and every route: a faulted request is answered (or dropped) before anything runs.
    await api.register(faults, { spec: config.sandboxFaults });
    // Then who is calling, for every route registered below (and the fault endpoint): before any body is read.
    findCaller(api, key);

    await api.register(rateLimit, {
      global: true,
      max: config.sandboxRateLimit.max,
      timeWindow: config.sandboxRateLimit.windowMs,
      // with REDIS_URL every copy counts into the same budgets; while Redis is down, each copy on its own
      ...rateLimitStore(opts.redis, `${keyNamespace(config)}rl:sandbox:`, 'count-here'),
      // Per token as ISC does, so one noisy client does not starve the others, but only for a token the caller
      // hook has verified: anything else counts per client address. The token endpoint has its own key (per address
      // + client_id: oauth/routes.ts).
      keyGenerator: rateLimitKey,
      errorResponseBuilder: (_request, context) =>
        new ApiProblem(429, 'Rate Limit Exceeded', [], {
          'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))),
        }),
    });

    // API answers are per-user and change with every decision: never cached by the browser or a proxy.
    api.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cache-control', 'no-store');
      return payload;
    });

    await api.register(oauthRoutes, { key, tokenTtl: config.tokenTtl, publicUrl: config.publicUrl });
    for (const prefix of WORK_ITEMS_PREFIXES) await api.register(workItemRoutes, { prefix, store });
    await api.register(publicIdentityRoutes);
    await api.register(accessRequestApprovals, { db });
    if (!opts.clockHand) throw new Error("the sandbox needs the server clock's hand");
    const { clock } = opts.clockHand;
    const approvals = openGenericApprovals(db, clock, config.seedScale);
    // New work (approvals, manual tasks) goes where work reassignment sends it.
    const reassignment = new WorkReassignmentStore(db, clock);
    approvals.delegateWith(reassignment.chains);
    await api.register(genericApprovals, { store: approvals });
    await api.register(accessRequestSubmissions, { db, approvals });
    await api.register(workReassignment, { store: reassignment });
    await api.register(manualTasks, { store, delegations: reassignment.chains, clock });
    await api.register(clockControl, { hand: opts.clockHand });
  });
}

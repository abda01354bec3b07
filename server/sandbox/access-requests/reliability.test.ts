// Access-request approvals under stress, as the work items are: two server processes on one database racing
// to decide the same approvals (exactly one decision wins each), injected faults on these paths, and the
// per-token rate limit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletedApproval, PendingApproval } from '../../../contract/access-requests.ts';
import { startChildServer, type ChildServer } from '../../test/child-server.ts';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { ADA, ALICE } from '../identities.ts';
import { openSandboxDb } from '../index.ts';
import { client, dumpDb, tokenFor, type Call } from '../../test/sandbox.ts';
import { errorResponse } from './spec-shapes.ts';
import { V1, V3, conforms, whole } from '../../test/access-requests.ts';

describe('two processes racing on the same approvals', () => {
  let dir: string;
  let servers: ChildServer[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-ar-race-'));
    const dbFile = path.join(dir, 'sandbox.sqlite');
    openSandboxDb({ sandboxDb: dbFile, seedScale: 200, sandboxBigItemSize: 0 }).close();
    // Both in processes of their own (not this one, which would answer only when the test yields).
    const env = { DATA_DIR: dir, SANDBOX_DB: dbFile };
    servers = await Promise.all([startChildServer(env), startChildServer(env)]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('eight deciders per approval (owner and admin, approve and reject, on both servers): exactly one 202', async () => {
    const [a, b] = servers.map((s) => s.url);
    // The signing key lives in the database: both processes accept the same tokens.
    const [aliceA, adaA, aliceB, adaB] = [
      client(a, await tokenFor(a, 'alice.approver')),
      client(a, await tokenFor(a, 'ada.admin')),
      client(b, await tokenFor(a, 'alice.approver')),
      client(b, await tokenFor(a, 'ada.admin')),
    ];
    const targets = (await whole<PendingApproval>(aliceA, `${V3}/pending`)).slice(0, 40);
    // Both processes warmed up alike, so neither is systematically first.
    await Promise.all([aliceA, aliceB, adaA, adaB].map((call) => whole(call, `${V1}/pending`)));
    // Eight deciders per approval: alice and ada, approving and rejecting, at both path families, on both processes.
    const racers: [Call, 'A' | 'B', string, 'approve' | 'reject', string][] = [];
    for (const [call, process, who] of [
      [aliceA, 'A', ALICE.id],
      [aliceB, 'B', ALICE.id],
      [adaA, 'A', ADA.id],
      [adaB, 'B', ADA.id],
    ] as const) {
      racers.push([call, process, who, 'approve', V3], [call, process, who, 'reject', V1]);
    }
    const results = await Promise.all(
      targets.flatMap((t, i) =>
        // Every other approval, the racers start in the opposite order.
        (i % 2 ? [...racers].reverse() : racers).map(async ([call, process, who, op, prefix]) => {
          const res = await call('POST', `${prefix}/${t.id}/${op}`, { comment: `${op} by ${who}` });
          return { id: t.id, process, who, op, status: res.status, body: res.body };
        }),
      ),
    );
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    // Which process wins depends on timing (the split is logged, not asserted: under load one process can
    // win nearly all); with deferred instead of IMMEDIATE transactions this race gives SQLITE_BUSY 500s.
    const won = results.filter((r) => r.status === 202);
    console.log(
      `race: ${results.length} decisions on ${targets.length} approvals; wins: ` +
        `A ${won.filter((r) => r.process === 'A').length}, B ${won.filter((r) => r.process === 'B').length}`,
    );
    const completed = await whole<CompletedApproval>(adaA, `${V3}/completed`, `&owner-id=${ALICE.id}`);
    for (const t of targets) {
      const mine = results.filter((r) => r.id === t.id);
      const winners = mine.filter((r) => r.status === 202);
      expect(winners.length, JSON.stringify(mine)).toBe(1);
      for (const loser of mine.filter((r) => r.status !== 202)) {
        expect(loser.status).toBe(400);
        conforms(errorResponse, loser.body);
      }
      // The stored decision is the winner's, whole.
      const done = completed.find((c) => c.id === t.id)!;
      expect(done).toMatchObject({
        state: winners[0].op === 'approve' ? 'APPROVED' : 'REJECTED',
        reviewedBy: { id: winners[0].who },
        reviewerComment: { comment: `${winners[0].op} by ${winners[0].who}` },
      });
    }
  });
});

describe('faults and rate limit on these paths', () => {
  let server: TestServer;
  let alice: Call;
  let ada: Call;

  beforeAll(async () => {
    server = await startTestServer({ SANDBOX_RATE_LIMIT: '40/10s' });
    alice = client(server.url, await tokenFor(server.url, 'alice.approver'));
    ada = client(server.url, await tokenFor(server.url, 'ada.admin'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('an injected 500 on approve answers an ErrorResponseDto before the handler runs: nothing changes', async () => {
    // A rule written for either family faults the operation at both (the list read below is not faulted).
    const spec = `POST ${V3}/*/approve=status:500,count:1; GET ${V1}/approval-summary=status:503,count:1`;
    expect((await ada('PUT', '/sandbox/faults', { spec })).status).toBe(200);
    const [a] = (await alice<PendingApproval[]>('GET', `${V3}/pending?limit=1`)).body;
    const before = dumpDb(server.config.sandboxDb);
    const failed = await alice('POST', `${V3}/${a.id}/approve`, { comment: 'x' });
    expect(failed.status).toBe(500);
    conforms(errorResponse, failed.body);
    expect(dumpDb(server.config.sandboxDb)).toBe(before);
    const unavailable = await alice('GET', `${V1}/approval-summary`);
    expect(unavailable.status).toBe(503);
    conforms(errorResponse, unavailable.body);
    // count:1 — the next calls go through.
    expect((await alice('POST', `${V3}/${a.id}/approve`, { comment: 'x' })).status).toBe(202);
    expect((await alice('GET', `${V1}/approval-summary`)).status).toBe(200);
    expect((await ada('DELETE', '/sandbox/faults')).status).toBe(204);
  });

  it('over the per-token limit: 429 {message} with Retry-After; another token is not affected', async () => {
    let limited: Awaited<ReturnType<Call>> | undefined;
    for (let i = 0; i < 45 && !limited; i++) {
      const res = await alice('GET', `${V3}/pending?limit=1`);
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited, 'the limit was reached').toBeDefined();
    expect(limited!.body).toEqual({ message: expect.any(String) });
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await alice('POST', `${V1}/${'0'.repeat(32)}/approve`)).status).toBe(429);
    expect((await ada('GET', `${V1}/pending?limit=1`)).status).toBe(200);
  });
});

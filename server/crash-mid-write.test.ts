// Crash mid-write: the real server as a child process, a bulk approval of 5,000 approval items, and
// `kill -9` while that request is in flight. After a restart on the same database the work item is either fully
// decided or untouched, the server answers for it consistently, and SQLite's integrity check passes.
// Each attempt kills at a different moment: the instant the write-ahead log starts to grow (the commit being
// written) or a few milliseconds after the request was sent. The database holds one 5,000-item work item per
// attempt, so the server restarted after one kill is the one the next attempt kills. CI runs 3 attempts; SOAK=1 12.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItem } from '../contract/work-items.ts';
import { ALICE } from './sandbox/identities.ts';
import { openSandboxDb } from './sandbox/index.ts';
import { seedBigItem } from './sandbox/seed.ts';
import { tokenFor } from './sandbox/testing.ts';
import { spawnServer, type ServerProcess } from './test-server.ts';

const SOAK = process.env.SOAK === '1';
const SIZE = 5_000;
/** 'wal' = the moment the WAL grows; a number = that many ms after the request was written. */
const MOMENTS: ('wal' | number)[] = SOAK ? ['wal', 0, 1, 2, 4, 6, 8, 12, 16, 24, 'wal', 3] : ['wal', 0, 5];

let root: string;
let dataDir: string;
let dbFile: string;
const bigItemIds: string[] = [];

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-crash-'));
  dataDir = path.join(root, 'data');
  dbFile = path.join(dataDir, 'sandbox.sqlite');
  const db = openSandboxDb({ sandboxDb: dbFile, seedScale: 0, sandboxBigItemSize: 0 });
  for (let i = 0; i < MOMENTS.length; i++) bigItemIds.push(seedBigItem(db, SIZE, ALICE, 5000 + i));
  db.close();
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** Sends the bulk approval and SIGKILLs the server at `moment`; tells whether an answer came first. */
async function approveAndKill(child: ServerProcess, bigItemId: string, moment: 'wal' | number, token: string) {
  const wal = `${dbFile}-wal`;
  const walSize = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
  const before = walSize();
  let answered = false;
  const { port } = new URL(child.url);
  await new Promise<void>((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/v3/work-items/bulk-approve/${bigItemId}`,
        headers: { authorization: `Bearer ${token}` },
        agent: false,
      },
      (res) => {
        answered = true;
        res.resume();
      },
    );
    req.on('error', () => undefined); // the connection dies with the server
    req.end(() => {
      const kill = () => {
        child.process.kill('SIGKILL');
        resolve();
      };
      if (moment === 'wal') {
        const deadline = Date.now() + 30_000;
        const watch = () => (walSize() !== before || Date.now() > deadline ? kill() : setImmediate(watch));
        watch();
      } else {
        setTimeout(kill, moment);
      }
    });
  });
  await exited(child.process);
  return { answered };
}

/** What the database file says about the big item, read directly (SQLite recovers the WAL on open). */
function inspect(bigItemId: string) {
  const db = new Database(dbFile);
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const states = db
      .prepare('SELECT state, count(*) AS n FROM approval_items WHERE work_item_id = ? GROUP BY state')
      .all(bigItemId) as { state: string; n: number }[];
    const item = db.prepare('SELECT state, completed FROM work_items WHERE id = ?').get(bigItemId) as {
      state: string;
      completed: string | null;
    };
    return { integrity, states: Object.fromEntries(states.map((s) => [s.state, s.n])), item };
  } finally {
    db.close();
  }
}

describe('crash mid-write', () => {
  it(`kill -9 during a bulk approval of ${SIZE} items: all or nothing after restart, integrity ok (${MOMENTS.length} attempts)`, async () => {
    const outcomes: string[] = [];
    let inFlight = 0;
    let server = await spawnServer(dataDir);
    for (const [attempt, moment] of MOMENTS.entries()) {
      const bigItemId = bigItemIds[attempt];
      const { answered } = await approveAndKill(
        server,
        bigItemId,
        moment,
        await tokenFor(server.url, 'alice.approver'),
      );
      if (!answered) inFlight++;

      // Restart on the same database: the server opens it (recovering the WAL) and answers for the item.
      server = await spawnServer(dataDir);
      const res = await fetch(`${server.url}/v3/work-items/${bigItemId}`, {
        headers: { authorization: `Bearer ${await tokenFor(server.url, 'alice.approver')}` },
      });
      expect(res.status).toBe(200);
      const served = (await res.json()) as WorkItem;

      const { integrity, states, item } = inspect(bigItemId);
      expect(integrity).toBe('ok');
      const decided = states.Finished === SIZE && item.state === 'Finished' && item.completed !== null;
      const untouched = states.Pending === SIZE && item.state === 'Pending' && item.completed === null;
      expect(decided || untouched, `attempt ${attempt}: ${JSON.stringify({ states, item })}`).toBe(true);
      expect(Object.keys(states)).toHaveLength(1);
      // What the restarted server answers agrees with the file.
      expect(served.state).toBe(item.state);
      expect(served.approvalItems!.filter((a) => a.state === (decided ? 'Finished' : 'Pending'))).toHaveLength(SIZE);
      outcomes.push(
        `${moment === 'wal' ? 'at WAL growth' : `+${moment} ms`}: ${decided ? 'decided' : 'untouched'}${answered ? ' (answered first)' : ''}`,
      );
    }
    server.process.kill('SIGTERM');
    await exited(server.process);
    // After a clean stop: still consistent, and every earlier attempt's item still all-or-nothing.
    for (const id of bigItemIds) {
      const { integrity, states } = inspect(id);
      expect(integrity).toBe('ok');
      expect(Object.keys(states)).toHaveLength(1);
    }
    console.log(
      `crash: ${MOMENTS.length} kill -9 during a ${SIZE}-item bulk approval, ${inFlight} with the request in flight; ` +
        `every restart all-or-nothing, integrity ok — ${outcomes.join('; ')}`,
    );
    // The kill really landed while the request was being handled at least once.
    expect(inFlight).toBeGreaterThan(0);
  }, 600_000);
});

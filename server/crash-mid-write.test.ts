// Crash mid-write: the real server as a child process, `kill -9` while a decision is being written, then a restart
// on the same database. Two kinds of decision are crashed:
//   - a bulk approval of 5,000 approval items: afterwards the work item is fully decided or untouched;
//   - a single approval that completes its work item (the last pending one of 5,000): two UPDATEs, the approval item
//     and the work item, and afterwards either both changed or neither.
// The restarted server answers for the item as the file says, and SQLite's integrity check passes.
// Each attempt kills at a chosen moment: 'wal' = the instant the write-ahead log changes (the handler has started
// writing its commit), or a number of ms after the request was sent (possibly before the handler ran). A kill
// counts as "in flight" only when the WAL had changed before it and no answer ever came: the write had begun and
// had not been answered. Every 'wal' attempt must see the WAL change (it fails if the write never starts). The
// database holds one item per attempt, so the server restarted after one kill is the one the next attempt kills.
// Sizes (server/soak-size.ts): `npm test` 3 bulk + 3 single attempts, SOAK=ci 6 + 4, SOAK=1 12 + 6.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkItem } from '../contract/work-items.ts';
import { startChildServer, type ChildServer } from './test/child-server.ts';
import { ALICE } from './sandbox/identities.ts';
import { openSandboxDb } from './sandbox/index.ts';
import { seedBigItem } from './sandbox/work-items/seed.ts';
import { tokenFor } from './test/sandbox.ts';
import { bySize } from './soak-size.ts';

const SIZE = 5_000;
type Moment = 'wal' | number;
const BULK_MOMENTS: Moment[] = bySize({
  test: ['wal', 5, 'wal'],
  ci: ['wal', 0, 20, 50, 'wal', 100],
  full: ['wal', 0, 5, 10, 20, 30, 40, 60, 80, 'wal', 120, 'wal'],
});
const SINGLE_MOMENTS: Moment[] = bySize({
  test: ['wal', 'wal', 'wal'],
  ci: ['wal', 0, 'wal', 'wal'],
  full: ['wal', 0, 'wal', 1, 'wal', 'wal'],
});
/** How long a 'wal' attempt waits for the write to start before it fails. */
const WAL_DEADLINE_MS = 20_000;

let root: string;
let dataDir: string;
let dbFile: string;
const bulkItems: string[] = [];
/** [work item, its one pending approval item]: approving it completes the work item. */
const singleItems: [string, string][] = [];

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-crash-'));
  dataDir = path.join(root, 'data');
  dbFile = path.join(dataDir, 'sandbox.sqlite');
  const db = openSandboxDb({ sandboxDb: dbFile, seedScale: 0, sandboxBigItemSize: 0 });
  for (let i = 0; i < BULK_MOMENTS.length; i++) bulkItems.push(seedBigItem(db, SIZE, ALICE, 5000 + i));
  for (let i = 0; i < SINGLE_MOMENTS.length; i++) {
    const id = seedBigItem(db, SIZE, ALICE, 7000 + i);
    const last = db
      .prepare('SELECT id FROM approval_items WHERE work_item_id = ? ORDER BY position DESC LIMIT 1')
      .get(id) as { id: string };
    db.prepare(`UPDATE approval_items SET state = 'Finished' WHERE work_item_id = ? AND id != ?`).run(id, last.id);
    singleItems.push([id, last.id]);
  }
  db.close();
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const startServer = () => startChildServer({ DATA_DIR: dataDir, SANDBOX_DB: dbFile });

/** Size and modification time of the WAL: any write to it changes one of them (a restarted WAL keeps its size). */
function walState(): string {
  try {
    const stat = fs.statSync(`${dbFile}-wal`, { bigint: true });
    return `${stat.size}:${stat.mtimeNs}`;
  } catch {
    return 'none';
  }
}

interface Kill {
  /** The WAL had changed when the kill was sent: the handler had started writing. */
  writeStarted: boolean;
  /** An answer reached the client (before the kill, or on the wire when it came). */
  answered: boolean;
}

/** POSTs `urlPath` and SIGKILLs the server at `moment`. */
async function postAndKill(server: ChildServer, urlPath: string, moment: Moment, token: string): Promise<Kill> {
  const before = walState();
  let answered = false;
  const { port } = new URL(server.url);
  const writeStarted = await new Promise<boolean>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: urlPath,
        // as a browser asks: the answer (the whole 5,000-item work item) is compressed after the commit, which
        // leaves the watcher a few more milliseconds between the write and the answer
        headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br' },
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
        const started = walState() !== before;
        server.process.kill('SIGKILL');
        resolve(started);
      };
      if (moment !== 'wal') {
        setTimeout(kill, moment);
        return;
      }
      const deadline = Date.now() + WAL_DEADLINE_MS;
      const watch = () => {
        if (walState() !== before) return kill();
        if (Date.now() > deadline) {
          server.process.kill('SIGKILL');
          return reject(
            new Error(
              `the WAL did not change within ${WAL_DEADLINE_MS} ms of POST ${urlPath}: the write never started`,
            ),
          );
        }
        setImmediate(watch);
      };
      watch();
    });
  });
  await server.exited;
  return { writeStarted, answered };
}

/** What the database file says about a work item, read directly (SQLite recovers the WAL on open). */
function inspect(workItemId: string, approvalItemId?: string) {
  const db = new Database(dbFile);
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const states = db
      .prepare('SELECT state, count(*) AS n FROM approval_items WHERE work_item_id = ? GROUP BY state')
      .all(workItemId) as { state: string; n: number }[];
    const approval = approvalItemId
      ? (db.prepare('SELECT state FROM approval_items WHERE id = ?').get(approvalItemId) as { state: string }).state
      : undefined;
    const item = db.prepare('SELECT state, completed FROM work_items WHERE id = ?').get(workItemId) as {
      state: string;
      completed: string | null;
    };
    return { integrity, states: Object.fromEntries(states.map((s) => [s.state, s.n])), item, approval };
  } finally {
    db.close();
  }
}

/** The restarted server's answer for the item. */
async function served(server: ChildServer, workItemId: string): Promise<WorkItem> {
  const res = await fetch(`${server.url}/v3/work-items/${workItemId}`, {
    headers: { authorization: `Bearer ${await tokenFor(server.url, 'alice.approver')}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as WorkItem;
}

const momentName = (m: Moment) => (m === 'wal' ? 'at WAL change' : `+${m} ms`);

describe('crash mid-write', () => {
  it(
    `kill -9 during a ${SIZE}-item bulk approval (${BULK_MOMENTS.length} attempts) and during a completing single ` +
      `approval (${SINGLE_MOMENTS.length}): all or nothing after restart, integrity ok`,
    async () => {
      const outcomes: string[] = [];
      let inFlight = 0;
      let server = await startServer();
      const attempts = [
        ...BULK_MOMENTS.map((moment, i) => ({
          kind: 'bulk' as const,
          moment,
          workItemId: bulkItems[i]!,
          approvalItemId: '',
        })),
        ...SINGLE_MOMENTS.map((moment, i) => ({
          kind: 'single' as const,
          moment,
          workItemId: singleItems[i]![0],
          approvalItemId: singleItems[i]![1],
        })),
      ];
      for (const [n, { kind, moment, workItemId, approvalItemId }] of attempts.entries()) {
        const urlPath =
          kind === 'bulk'
            ? `/v3/work-items/bulk-approve/${workItemId}`
            : `/v3/work-items/${workItemId}/approve/${approvalItemId}`;
        const kill = await postAndKill(server, urlPath, moment, await tokenFor(server.url, 'alice.approver'));
        if (kill.writeStarted && !kill.answered) inFlight++;

        // Restart on the same database: the server opens it (recovering the WAL) and answers for the item.
        server = await startServer();
        const answer = await served(server, workItemId);
        const { integrity, states, item, approval } = inspect(workItemId, approvalItemId || undefined);
        expect(integrity).toBe('ok');
        const what = `attempt ${n} (${kind}, ${momentName(moment)}): ${JSON.stringify({ states, item })}`;
        let decided: boolean;
        if (kind === 'bulk') {
          decided = states.Finished === SIZE && item.state === 'Finished' && item.completed !== null;
          const untouched = states.Pending === SIZE && item.state === 'Pending' && item.completed === null;
          expect(decided || untouched, what).toBe(true);
          expect(Object.keys(states), what).toHaveLength(1);
        } else {
          // Both UPDATEs or neither: the approval item and the work item agree.
          const last = approval;
          decided = last === 'Finished' && item.state === 'Finished' && item.completed !== null;
          const untouched = last === 'Pending' && item.state === 'Pending' && item.completed === null;
          expect(decided || untouched, `${what}, last approval item ${last}`).toBe(true);
          expect(states, what).toEqual(decided ? { Finished: SIZE } : { Finished: SIZE - 1, Pending: 1 });
        }
        // What the restarted server answers agrees with the file.
        expect(answer.state).toBe(item.state);
        expect(answer.approvalItems!.filter((a) => a.state === 'Finished')).toHaveLength(states.Finished ?? 0);
        outcomes.push(
          `${kind} ${momentName(moment)}: ${decided ? 'decided' : 'untouched'}` +
            (kill.writeStarted
              ? kill.answered
                ? ' (write started, answered first)'
                : ' (in flight)'
              : ' (before the write)'),
        );
      }
      await server.stop();
      // After a clean stop: still consistent, and every earlier attempt's item still all-or-nothing.
      for (const { workItemId, kind } of attempts) {
        const { integrity, states } = inspect(workItemId);
        expect(integrity).toBe('ok');
        if (kind === 'bulk') expect(Object.keys(states)).toHaveLength(1);
      }
      console.log(
        `crash: ${attempts.length} kill -9 (${BULK_MOMENTS.length} during a ${SIZE}-item bulk approval, ` +
          `${SINGLE_MOMENTS.length} during a completing single approval), ${inFlight} in flight (the WAL had changed, ` +
          `no answer); every restart all-or-nothing, integrity ok — ${outcomes.join('; ')}`,
      );
      // The kill really landed while a write was under way at least once.
      expect(inFlight).toBeGreaterThan(0);
    },
    900_000,
  );
});

// A real unexpected error, not an injected one: a second SQLite connection renames a table the work-item
// handlers read, so the store itself throws. The server (a child process, its log captured) must answer a 500
// ErrorResponseDto with exactly the spec's keys and nothing of the failure in it, log the failure under the same
// trackingId, roll back a decision that failed half-way, and answer normally once the table is back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponseDto, WorkItem } from '../contract/work-items.ts';
import { startChildServer, type ChildServer } from './test/child-server.ts';
import { allPending, client, dumpDb, tokenFor, type Call } from './test/sandbox.ts';

let dir: string;
let dbFile: string;
let server: ChildServer;
let alice: Call;
let token: string;
let item: WorkItem;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-unexpected-'));
  dbFile = path.join(dir, 'sandbox.sqlite');
  server = await startChildServer({ DATA_DIR: dir, SANDBOX_DB: dbFile, LOG_LEVEL: 'info' });
  token = await tokenFor(server.url, 'alice.approver');
  alice = client(server.url, token);
  item = (await allPending(alice)).find((w) => w.type === 'Approval' && (w.approvalItems?.length ?? 0) >= 2)!;
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Renames a table behind the server's back (another connection to the same file), runs `during`, renames it back. */
async function withoutTable<T>(table: string, during: () => Promise<T>): Promise<T> {
  const other = new Database(dbFile);
  try {
    other.exec(`ALTER TABLE ${table} RENAME TO ${table}_gone`);
    return await during();
  } finally {
    other.exec(`ALTER TABLE ${table}_gone RENAME TO ${table}`);
    other.close();
  }
}

/** Alice's request with the answer's exact text (to search it for leaks) as well as its parsed body. */
async function rawAnswer(method: string, urlPath: string) {
  const response = await fetch(`${server.url}${urlPath}`, { method, headers: { authorization: `Bearer ${token}` } });
  const raw = await response.text();
  return { status: response.status, headers: response.headers, raw, body: JSON.parse(raw) as unknown };
}

const DTO_KEYS = ['causes', 'detailCode', 'messages', 'trackingId'];

/** Exactly the ErrorResponseDto of a 500, and nothing that describes the failure. */
function expectBareInternalFault(answer: Awaited<ReturnType<typeof rawAnswer>>) {
  const { raw } = answer;
  expect(answer.status, raw).toBe(500);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  const body = answer.body as ErrorResponseDto;
  expect(Object.keys(body).sort()).toEqual(DTO_KEYS);
  expect(body.detailCode).toBe('500.0 Internal Fault');
  expect(body.trackingId).toMatch(/^[0-9a-f]{32}$/);
  expect(body.causes).toEqual([]);
  expect(body.messages).toEqual([{ locale: 'en-US', localeOrigin: 'DEFAULT', text: 'An internal fault occurred.' }]);
  for (const leak of [
    /forward_history|approval_items|work_items/i,
    /no such table/i,
    /sqlite/i,
    /\bat \S+ \(/,
    /\.ts\b/,
  ]) {
    expect(raw, `the 500 body gives away ${leak}`).not.toMatch(leak);
  }
  return body.trackingId!;
}

/** The error line the server logged for this trackingId: level error, with the real cause (for the operator). */
async function loggedFailure(trackingId: string) {
  const line = await server.waitForLog((l) => l.trackingId === trackingId);
  expect(line.level).toBe(50);
  expect(line.msg).toBe('unexpected error');
  expect(JSON.stringify(line.err)).toMatch(/no such table/);
  return line;
}

describe('an unexpected error in the store', () => {
  it('a read answers 500 with exactly the ErrorResponseDto keys, the trackingId in the log, no stack or SQL', async () => {
    const answer = await withoutTable('forward_history', () => rawAnswer('GET', `/v3/work-items/${item.id}`));
    const trackingId = expectBareInternalFault(answer);
    await loggedFailure(trackingId);
    // Every other line of the log is about something else: the id names this one failure only.
    expect(server.logLines().filter((l) => JSON.stringify(l).includes(trackingId))).toHaveLength(1);
    // The table is back: the same request answers normally.
    expect((await alice<WorkItem>('GET', `/v3/work-items/${item.id}`)).status).toBe(200);
  });

  it('a decision that fails after its UPDATEs is rolled back: 500, nothing stored, the server keeps answering', async () => {
    const before = dumpDb(dbFile);
    const approvalItemId = item.approvalItems![0]!.id!;
    // decide() writes the approval item and the work item, then reads forward_history for its answer: that read
    // throws inside the transaction.
    const answer = await withoutTable('forward_history', () =>
      rawAnswer('POST', `/v3/work-items/${item.id}/approve/${approvalItemId}`),
    );
    await loggedFailure(expectBareInternalFault(answer));
    expect(dumpDb(dbFile)).toBe(before);
    const after = await alice<WorkItem>('GET', `/v3/work-items/${item.id}`);
    expect(after.body.approvalItems!.find((a) => a.id === approvalItemId)!.state).toBe('Pending');
    expect((await alice('POST', `/v3/work-items/${item.id}/approve/${approvalItemId}`)).status).toBe(200);
  });

  it('a list with a missing table answers the same bare 500 (the error handler, not the route, shapes it)', async () => {
    const answer = await withoutTable('approval_items', () => rawAnswer('GET', '/v3/work-items?limit=5'));
    await loggedFailure(expectBareInternalFault(answer));
  });
});

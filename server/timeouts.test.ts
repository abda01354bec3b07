// Slow and greedy clients against the real server over real sockets, with the limits shortened: a body dribbled
// a byte at a time, headers dribbled a byte at a time, idle keep-alive connections, and more connections than
// the cap. Each is cut by the server within its limit (plus Node's once-a-second check), never left open.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test/server.ts';
import { dribble, hostOf, rawRequest } from './test/http.ts';

const REQUEST_TIMEOUT_MS = 2000;
const HEADERS_TIMEOUT_MS = 1000;
const KEEP_ALIVE_TIMEOUT_MS = 1000;
/** Node checks for expired requests once a second: the cut comes within a check of the limit (plus a loaded machine). */
const CHECK_SLACK_MS = 2500;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
    MAX_CONNECTIONS: '4',
  });
});
afterAll(() => server?.close());

const bytes = (text: string) => [...text];

describe('timeouts', () => {
  it('a body dribbled a byte every 400 ms is cut at the request timeout with a 408 ErrorResponseDto', async () => {
    const head =
      `POST /auth/session HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nContent-Type: application/json\r\n` +
      'X-Requested-With: XMLHttpRequest\r\nContent-Length: 200\r\n\r\n';
    // every byte arrives well inside any idle timeout: only a limit on the whole request can end this
    const answer = await dribble(server.url, [head, ...bytes('{"identity":"alice.approver"'.padEnd(200))], 400, 12_000);
    expect(answer.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + CHECK_SLACK_MS);
    expect(answer.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body).detailCode).toBe('408 Request Timeout');
    // and the server is fine
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('headers dribbled a byte every 250 ms are cut at the headers timeout', async () => {
    const head = `GET /health HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nX-Slow: ${'s'.repeat(40)}\r\n\r\n`;
    const answer = await dribble(server.url, bytes(head), 250, 12_000);
    expect(answer.closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + CHECK_SLACK_MS);
    expect(answer.status).toBe(408);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const head = `GET /health HTTP/1.1\r\nHost: ${hostOf(server.url)}\r\nConnection: keep-alive\r\n\r\n`;
    const answer = await dribble(server.url, [head], 0, 8000);
    expect(answer.status).toBe(200);
    expect(answer.headers['keep-alive']).toBe(`timeout=${Math.floor(KEEP_ALIVE_TIMEOUT_MS / 1000)}`);
    // Node closes it a second after the advertised timeout (its buffer against a client's reuse race)
    expect(answer.closedAfterMs).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS + 1500);
  });
});

describe('connection cap', () => {
  it('refuses connections over MAX_CONNECTIONS, and serves again once one closes', async () => {
    const { hostname, port } = new URL(server.url);
    const open = (): Promise<net.Socket> =>
      new Promise((resolve, reject) => {
        const socket = net.connect(Number(port), hostname, () => resolve(socket));
        socket.on('error', reject);
      });
    const held = await Promise.all([open(), open(), open(), open()]);
    try {
      // give the server a moment to count them
      await new Promise((r) => setTimeout(r, 100));
      const over = await rawRequest(server.url, `GET /health HTTP/1.1\r\nHost: ${hostOf(server.url)}`);
      expect(over.status).toBe(0); // closed without an answer
      held.pop()!.destroy();
      await new Promise((r) => setTimeout(r, 100));
      const again = await rawRequest(server.url, `GET /health HTTP/1.1\r\nHost: ${hostOf(server.url)}`);
      expect(again.status).toBe(200);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});

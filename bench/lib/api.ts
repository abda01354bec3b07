import autocannon, { type Result } from 'autocannon';
import { quantile } from './stats.ts';
import type { BenchServer } from './servers.ts';

const LIST = '/v3/work-items?limit=250&count=true';

/** Sequential requests (one at a time, keep-alive, from this process), each timed with hrtime. */
export async function listLatency(
  server: BenchServer,
  token: string,
  offset: number,
  requests: number,
  acceptEncoding = 'gzip, deflate, br',
) {
  const url = `${server.url}${LIST}&offset=${offset}`;
  const headers = { authorization: `Bearer ${token}`, 'accept-encoding': acceptEncoding };
  const times: number[] = [];
  let rows = 0;
  let encoding: string | null = null;
  for (let i = 0; i < requests + 3; i++) {
    const t0 = process.hrtime.bigint();
    const response = await fetch(url, { headers });
    const body = (await response.json()) as unknown[];
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (!response.ok) throw new Error(`list at offset ${offset}: HTTP ${response.status}`);
    rows = body.length;
    encoding = response.headers.get('content-encoding');
    if (i >= 3) times.push(ms); // 3 warm-up requests (statement cache, JIT) are not counted
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), rows, samples: times.length, encoding };
}

export async function totalPending(server: BenchServer, token: string): Promise<number> {
  const response = await fetch(`${server.url}/v3/work-items?limit=1&count=true`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return Number(response.headers.get('x-total-count'));
}

export interface LoadResult {
  rps: number;
  p99: number;
  p50: number;
  errors: number;
  non2xx: number;
  total: number;
}

function toLoad(r: Result): LoadResult {
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    p50: r.latency.p50,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r.requests.total,
  };
}

/** autocannon against one URL (GET). */
export async function throughput(url: string, connections: number, duration: number, headers = {}) {
  return toLoad(await autocannon({ url, connections, duration, headers }));
}

/** autocannon against the list endpoint (250 items a page, with count), bearer token. */
export function listThroughput(server: BenchServer, token: string, connections: number, duration: number) {
  return throughput(`${server.url}${LIST}&offset=0`, connections, duration, { authorization: `Bearer ${token}` });
}

/** The list page's body as the throughput load receives it (no Accept-Encoding: uncompressed). */
export async function listBody(server: BenchServer, token: string): Promise<string> {
  const response = await fetch(`${server.url}${LIST}&offset=0`, {
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' },
  });
  if (!response.ok) throw new Error(`list: HTTP ${response.status}`);
  return response.text();
}

export interface ApprovalPair {
  workItemId: string;
  approvalItemId: string;
}

export const approvePath = (pair: ApprovalPair) => `/v3/work-items/${pair.workItemId}/approve/${pair.approvalItemId}`;

/** Pending (work item, approval item) pairs to decide in the mixed run, read from the list endpoint. */
export async function approvalPairs(server: BenchServer, token: string, want: number, startOffset = 0) {
  const pairs: ApprovalPair[] = [];
  for (let offset = startOffset; pairs.length < want && offset < startOffset + 250 * 400; offset += 250) {
    const response = await fetch(`${server.url}/v3/work-items?limit=250&offset=${offset}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const items = (await response.json()) as {
      id: string;
      approvalItems?: { id?: string; state?: string | null }[] | null;
    }[];
    if (!items.length) break;
    for (const item of items)
      for (const a of item.approvalItems ?? [])
        if (a?.id && (!a.state || a.state === 'Pending')) pairs.push({ workItemId: item.id, approvalItemId: a.id });
  }
  return pairs.slice(0, want);
}

/**
 * The mixed run: every connection alternates a list page and an approve of a fresh pending approval item (each
 * pair used once; when the pool runs dry, further "decisions" become list reads and are counted as such).
 */
export async function mixedThroughput(
  server: BenchServer,
  token: string,
  pairs: ApprovalPair[],
  connections: number,
  duration: number,
) {
  let next = 0;
  let decisions = 0;
  const auth = { authorization: `Bearer ${token}` };
  const result = await autocannon({
    url: server.url,
    connections,
    duration,
    requests: [
      { method: 'GET', path: `${LIST}&offset=0`, headers: auth },
      {
        method: 'POST',
        headers: auth,
        setupRequest: (request) => {
          const pair = pairs[next++];
          if (!pair) return { ...request, method: 'GET', path: `${LIST}&offset=0` };
          decisions++;
          return { ...request, method: 'POST', path: approvePath(pair) };
        },
      },
    ],
  });
  return { ...toLoad(result), decisions, poolSize: pairs.length };
}

/** autocannon approving each pair once (as many requests as pairs), bearer token. */
export async function approveThroughput(url: string, token: string, pairs: ApprovalPair[], connections: number) {
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    amount: pairs.length,
    requests: [
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        setupRequest: (request) => ({ ...request, path: approvePath(pairs[next++ % pairs.length]) }),
      },
    ],
  });
  // A fixed number of requests, often done in under a second: requests/s over the run's own duration.
  return { ...toLoad(result), rps: result.requests.total / result.duration };
}

/** `requests` sequential calls (3 more first to warm up, not counted), each timed to the end of its body. */
export async function sequentialLatency(requests: number, call: (i: number) => Promise<Response>) {
  const times: number[] = [];
  for (let i = 0; i < requests + 3; i++) {
    const t0 = process.hrtime.bigint();
    const response = await call(i);
    await response.arrayBuffer();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
    if (i >= 3) times.push(ms);
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

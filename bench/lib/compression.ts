// §3's compression figures: the same 250-item JSON page sent by one small server per candidate setting
// (compression-server.ts, a child process so the timing client and the compressing server do not share a thread),
// each timed from this process to its last byte over loopback, and its bytes on the wire counted.
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { CANDIDATES } from './compression-candidates.ts';
import { quantile } from './stats.ts';

export interface CandidateRun {
  label: string;
  p50: number;
  p95: number;
  /** Bytes of the body as sent (compressed), without headers. */
  bytes: number;
}

/** One GET over a keep-alive socket: milliseconds from sending to the last byte, and the raw body's size. */
function timeToLastByte(agent: http.Agent, port: number, acceptEncoding: string) {
  return new Promise<{ ms: number; bytes: number }>((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    let bytes = 0;
    http
      .get({ host: '127.0.0.1', port, path: '/', agent, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, bytes }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The candidates' servers, started in one child process on the page in `bodyFile`. */
export async function startCandidates(bodyFile: string) {
  const child = spawn(
    process.execPath,
    [path.resolve('node_modules/tsx/dist/cli.mjs'), 'bench/lib/compression-server.ts', bodyFile],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ports = await new Promise<Record<string, number>>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += String(chunk);
      if (out.includes('\n')) resolve(JSON.parse(out) as Record<string, number>);
    });
    child.once('exit', (code) => reject(new Error(`compression candidates exited (${code}) before listening`)));
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    /** `requests` sequential GETs per candidate, taken in turn (3 more each to warm up, not counted). */
    async measure(requests: number): Promise<CandidateRun[]> {
      const times = new Map<string, number[]>(CANDIDATES.map((c) => [c.label, []]));
      const bytes = new Map<string, number>();
      for (let i = 0; i < requests + 3; i++) {
        for (const candidate of CANDIDATES) {
          const r = await timeToLastByte(agent, ports[candidate.label], candidate.acceptEncoding);
          if (i >= 3) times.get(candidate.label)!.push(r.ms);
          bytes.set(candidate.label, r.bytes);
        }
      }
      return CANDIDATES.map(({ label }) => ({
        label,
        p50: quantile(times.get(label)!, 0.5),
        p95: quantile(times.get(label)!, 0.95),
        bytes: bytes.get(label)!,
      }));
    },
    stop() {
      agent.destroy();
      child.kill();
    },
  };
}

// The real `npm start` entry point as a child process, for tests that need what an in-process server cannot
// give: its own process to kill -9 or SIGTERM, its stdout log, or several servers on one database.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** A port free now (another process may take it before it is bound: for what cannot be given PORT=0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildServer {
  process: ChildProcess;
  url: string;
  /** stdout and stderr so far. */
  output: () => string;
  /** The JSON log lines so far (the start-up banner and other plain text left out). */
  logLines: () => Record<string, unknown>[];
  /** Resolves with the first log line that matches; fails after `timeoutMs` with the output so far. */
  waitForLog: (
    matches: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ) => Promise<Record<string, unknown>>;
  /** Resolves once the process has exited and its output is fully read. */
  exited: Promise<Exit>;
  /** Sends `signal` (SIGTERM by default) and waits for the exit. */
  stop: (signal?: NodeJS.Signals) => Promise<Exit>;
}

/** The start-up line that names the address the server listens on (server/start.ts). */
const RUNNING_AT = /Work Items Inbox is running at (http:\/\/\S+)/;

/**
 * Starts the server on a port the system picks (PORT=0) with `env` on top of a quiet test setup (no build, no
 * dist, warn-level log, no rate limit worth the name) and waits until it says where it listens and /health answers
 * there. A port probed free beforehand could be taken by another test's server before this one binds it, and the
 * test would then talk to that server. Run as one process (tsx as a loader): the tsx CLI would run the server in a
 * grandchild that a kill -9 of the wrapper leaves running.
 */
export async function startChildServer(env: Record<string, string>, readyTimeoutMs = 60_000): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      SKIP_BUILD: '1',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SANDBOX_RATE_LIMIT: '100000/1s',
      SIGN_IN_RATE_LIMIT: '100000/1s',
      // every test client is 127.0.0.1: one address's share would be the whole server's
      MAX_CONNECTIONS_PER_ADDRESS: '1000',
      SANDBOX_FAULTS: '',
      ...env,
      DIST_DIR: env.DIST_DIR ?? path.join(env.DATA_DIR ?? '/nonexistent', 'no-dist'),
      PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<Exit>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal: signal as NodeJS.Signals | null })),
  );
  const logLines = () =>
    output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const server: Omit<ChildServer, 'url'> = {
    process: child,
    output: () => output,
    logLines,
    async waitForLog(matches, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = logLines().find(matches);
        if (line) return line;
        if (Date.now() > deadline) throw new Error(`no such log line within ${timeoutMs} ms; output:\n${output}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${output}`);
    const url = RUNNING_AT.exec(output)?.[1];
    try {
      if (url && (await fetch(`${url}/health`)).ok) return { ...server, url };
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within ${readyTimeoutMs} ms: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

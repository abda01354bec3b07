import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A server of ours (`server/start.ts`, the production build) running as a child process on a loopback port. */
export interface BenchServer {
  name: string;
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: tsx and the node process it starts
  } catch {
    /* already gone */
  }
}

/** Stops every server still running (on exit, on Ctrl-C, after a crash). */
export function stopAllSync() {
  for (const child of running) killGroup(child, 'SIGKILL');
  running.clear();
}

const usedPorts = new Set<number>();

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host: '127.0.0.1', port }, () => probe.close(() => resolve(true)));
  });
}

/** A free port in 8800–8899 (the range this harness may use), else an ephemeral one. */
export async function freePort(): Promise<number> {
  for (let port = 8800; port <= 8899; port++) {
    if (usedPorts.has(port)) continue;
    if (await portIsFree(port)) {
      usedPorts.add(port);
      return port;
    }
  }
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ host: '127.0.0.1', port: 0 }, () => {
      const port = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  name: string;
  distDir: string;
  tmpDir: string;
  env?: Record<string, string>;
  port?: number;
  /** Seeding 100,000 rows takes ~10 s on an idle machine; allow for a busy one. */
  timeoutMs?: number;
}

export async function startServer(options: StartOptions): Promise<BenchServer> {
  const port = options.port ?? (await freePort());
  const dataDir = fs.mkdtempSync(path.join(options.tmpDir, `data-${options.name}-`));
  const logFile = path.join(options.tmpDir, `server-${options.name}-${port}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'server/start.ts'], {
    cwd: process.cwd(),
    detached: true, // its own process group, so stop() ends tsx and its child together
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      DIST_DIR: options.distDir,
      SKIP_BUILD: '1',
      LOG_LEVEL: 'warn',
      SANDBOX_RATE_LIMIT: '1000000/1s',
      SIGN_IN_RATE_LIMIT: '1000000/1s',
      SANDBOX_FAULTS: '',
      SAIL_BASE_URL: '',
      ...options.env,
    },
  });
  running.add(child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let exited = false;
  child.once('exit', () => {
    exited = true;
    running.delete(child);
  });
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    if (exited) break;
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fs.closeSync(log);
  if (exited || Date.now() >= deadline) {
    killGroup(child, 'SIGKILL');
    throw new Error(`server ${options.name} did not start; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8')}`);
  }
  return {
    name: options.name,
    url,
    port,
    dataDir,
    async stop() {
      if (exited) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
      await done;
      clearTimeout(timer);
      usedPorts.delete(port);
    },
  };
}

/** A bearer token for alice (the sandbox's PAT exchange). */
export async function bearerToken(server: BenchServer, clientId = 'alice.approver'): Promise<string> {
  const response = await fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: 'sandbox-secret',
    }),
  });
  if (!response.ok) throw new Error(`token: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

// A real Redis for the tests: Debian's redis-server on a free loopback port, in a throw-away directory, with an
// append-only file fsynced on every write so a restart after kill -9 finds what was written. Without
// redis-server installed the Redis tests say so loudly and skip — except in CI (CI=true), where `.ci/run`
// installs it, and a missing one fails the run instead.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server.ts';

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/** True when the Redis tests can run here; false (after a loud warning) when they must be skipped. */
export function redisServerAvailable(): boolean {
  if (fs.existsSync(REDIS_SERVER)) return true;
  const message = `${REDIS_SERVER} is not installed: the Redis tests (sessions and rate limits shared by several copies) cannot run.`;
  if (process.env.CI) throw new Error(`${message} CI must run them: .ci/run installs redis-server.`);
  console.warn(
    `\n${'!'.repeat(100)}\n!! SKIPPED: ${message}\n!! Install it (apt-get install redis-server) to run them.\n${'!'.repeat(100)}\n`,
  );
  return false;
}

export interface TestRedis {
  url: string;
  /** kill -9: Redis disappears mid-flight, as in a crash. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory (the append-only file brings back what was written). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-redis-'));
  let child: ChildProcess | undefined;
  let output = '';

  const launch = async () => {
    child = spawn(
      REDIS_SERVER,
      [
        ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''],
        ...['--appendonly', 'yes', '--appendfsync', 'always', '--daemonize', 'no', '--loglevel', 'warning'],
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 10_000;
    while (!(await answersPing(port))) {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${output}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const end = async (signal: NodeJS.Signals) => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    kill: () => end('SIGKILL'),
    restart: launch,
    stop: async () => {
      await end('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

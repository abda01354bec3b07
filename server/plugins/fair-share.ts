// Each caller's share of the connections to the tenant. The proxy's pool is one for everybody: without a share,
// one session firing hundreds of requests at a slow tenant held every connection, and everyone else's requests
// waited behind its queue. Here each caller (a session, or a client with its own token: the Authorization the
// request goes up with) has at most `inFlight` requests at the tenant; the next `queued` wait their turn in order,
// each at most `waitMs`; beyond that, or after that, it is a 429 with Retry-After, as the tenant itself would answer
// an over-eager client. p-queue keeps each caller's line.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import PQueue from 'p-queue';
import { ApiProblem } from '../errors.ts';

export interface ShareLimits {
  /** Requests of one caller at the tenant at once. */
  inFlight: number;
  /** Requests of one caller waiting for a free slot; one more is refused at once. */
  queued: number;
  /** How long a request may wait for its slot. */
  waitMs: number;
}

const RETRY_AFTER_S = 1;

function overShare(why: string): ApiProblem {
  return new ApiProblem(429, `Too many requests at once from this session (${why}): wait ${RETRY_AFTER_S} s.`, [], {
    'retry-after': String(RETRY_AFTER_S),
  });
}

/** Whose share a request counts against: its credentials (hashed: never kept as they are), else its address. */
export function shareKey(request: FastifyRequest): string {
  const credentials = request.headers.authorization;
  if (typeof credentials !== 'string') return `ip:${request.ip}`;
  return `auth:${createHash('sha256').update(credentials).digest('base64url')}`;
}

export class FairShare {
  private readonly lines = new Map<string, PQueue>();

  constructor(private readonly limits: ShareLimits) {}

  /**
   * Runs `forward` (which settles once the answer has gone out or the client has gone) within `key`'s share.
   * Throws the 429 when the share is used up; `gone` aborts a wait when the client hangs up meanwhile.
   */
  async run(key: string, forward: () => Promise<void>, gone: AbortSignal): Promise<void> {
    let line = this.lines.get(key);
    if (!line) {
      line = new PQueue({ concurrency: this.limits.inFlight });
      this.lines.set(key, line);
      const own = line;
      own.on('idle', () => {
        if (own.size === 0 && own.pending === 0 && this.lines.get(key) === own) this.lines.delete(key);
      });
    }
    if (line.pending >= this.limits.inFlight && line.size >= this.limits.queued) {
      throw overShare(`${this.limits.inFlight} at the tenant and ${this.limits.queued} waiting`);
    }
    // Only a wait is ever aborted: a request that has started runs to its own end (the tenant's answer or
    // PROXY_TIMEOUT_MS), holding its slot until then.
    const waiting = new AbortController();
    const timer = setTimeout(() => waiting.abort(overShare(`waited ${this.limits.waitMs} ms`)), this.limits.waitMs);
    const hungUp = () => waiting.abort(new Error('the client hung up'));
    gone.addEventListener('abort', hungUp, { once: true });
    try {
      await line.add(
        () => {
          clearTimeout(timer);
          gone.removeEventListener('abort', hungUp);
          return forward();
        },
        { signal: waiting.signal },
      );
    } catch (error) {
      // The client hung up while waiting: there is no one to answer.
      if (gone.aborted && !(error instanceof ApiProblem)) return;
      throw error;
    } finally {
      clearTimeout(timer);
      gone.removeEventListener('abort', hungUp);
    }
  }

  /** How many callers have requests at the tenant or waiting (for tests and the log). */
  get callers(): number {
    return this.lines.size;
  }
}

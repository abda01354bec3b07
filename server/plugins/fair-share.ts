// Each caller's share of the connections to the tenant. The proxy's pool is one for everybody: without a share,
// one session firing hundreds of requests at a slow tenant held every connection, and everyone else's requests
// waited behind its queue. Here each caller (a session, or a client with its own token: the Authorization the
// request goes up with) has at most `inFlight` requests at the tenant; the next `queued` wait their turn in order,
// each at most `waitMs`; beyond that, or after that, it is a 429 with Retry-After, as the tenant itself would answer
// an over-eager client.
//
// Every proxied call passes through here, and almost every one finds a free slot: that path is a counter and
// nothing else. A timer, a hang-up listener and a place in the line are paid only by a request that has to wait
// (with p-queue, a timer and two AbortControllers per request, and the abort's DOMException on every answer, a
// profile of proxied approvals put ~0.1 ms of CPU a call here).
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyRequest } from 'fastify';
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

/**
 * How the share learns that the client has gone: an AbortSignal (aborted), or the request's own response (gone once
 * destroyed; its 'close'), so that the proxy need not make a signal for every request that never waits.
 */
export type ClientGone = AbortSignal | ServerResponse;

function hasGone(gone: ClientGone): boolean {
  return gone instanceof AbortSignal ? gone.aborted : gone.destroyed;
}

/** Calls `listener` once when the client goes; returns what stops listening. */
function onGone(gone: ClientGone, listener: () => void): () => void {
  if (gone instanceof AbortSignal) {
    gone.addEventListener('abort', listener, { once: true });
    return () => gone.removeEventListener('abort', listener);
  }
  gone.once('close', listener);
  return () => void gone.off('close', listener);
}

/** One caller's requests: how many are at the tenant, and who waits for a slot, in order. */
interface Line {
  running: number;
  waiting: Set<() => void>;
}

export class FairShare {
  private readonly lines = new Map<string, Line>();

  constructor(private readonly limits: ShareLimits) {}

  /**
   * Runs `forward` (which settles once the answer has gone out or the client has gone) within `key`'s share.
   * Rejects with the 429 when the share is used up; settles without forwarding when the client goes while it waits
   * (there is no one to answer).
   */
  async run(key: string, forward: () => Promise<void>, gone: ClientGone): Promise<void> {
    let line = this.lines.get(key);
    if (!line) {
      line = { running: 0, waiting: new Set() };
      this.lines.set(key, line);
    }
    // Nobody waits while a slot is free: a finishing request hands its slot to the first in line (release).
    if (line.running < this.limits.inFlight) {
      line.running += 1;
      return this.holding(key, line, forward, gone);
    }
    if (line.waiting.size >= this.limits.queued) {
      throw overShare(`${this.limits.inFlight} at the tenant and ${this.limits.queued} waiting`);
    }
    // Only a wait is ever cut short: a request that has started runs to its own end (the tenant's answer or
    // PROXY_TIMEOUT_MS), holding its slot until then.
    const own = line;
    const handedOver = await new Promise<boolean>((resolve, reject) => {
      const stop = () => {
        own.waiting.delete(turn);
        clearTimeout(timer);
        stopListening();
      };
      const turn = () => {
        stop();
        resolve(true);
      };
      const timer = setTimeout(() => {
        stop();
        this.forgetIfIdle(key, own);
        reject(overShare(`waited ${this.limits.waitMs} ms`));
      }, this.limits.waitMs);
      const stopListening = onGone(gone, () => {
        stop();
        this.forgetIfIdle(key, own);
        resolve(false);
      });
      own.waiting.add(turn);
    });
    if (handedOver) return this.holding(key, own, forward, gone);
  }

  /** How many callers have requests at the tenant or waiting (for tests and the log). */
  get callers(): number {
    return this.lines.size;
  }

  /** Runs `forward` in a slot already counted in `line.running`, and gives the slot back when it settles. */
  private async holding(key: string, line: Line, forward: () => Promise<void>, gone: ClientGone): Promise<void> {
    try {
      await forward();
    } catch (error) {
      // The client has gone: there is no one to answer.
      if (hasGone(gone) && !(error instanceof ApiProblem)) return;
      throw error;
    } finally {
      this.release(key, line);
    }
  }

  /** A slot is free: the first in line takes it over (still counted, so no newcomer overtakes the line). */
  private release(key: string, line: Line): void {
    const next = line.waiting.values().next();
    if (next.done) {
      line.running -= 1;
      this.forgetIfIdle(key, line);
    } else {
      next.value();
    }
  }

  private forgetIfIdle(key: string, line: Line): void {
    if (line.running === 0 && line.waiting.size === 0 && this.lines.get(key) === line) this.lines.delete(key);
  }
}

// The server's one clock. Whatever the server decides by time (an approval's expiry today; session lifetimes and
// other timers when they move onto it) asks `clock.now()`, never Date.now(), so that a test can move time instead
// of waiting for it. The clock is real time plus an offset, and the offset can be moved only through the hand,
// which app.ts gives to the sandbox alone: in tenant mode nothing can move it and the offset stays 0.
declare module 'fastify' {
  interface FastifyInstance {
    /** The server's clock (read-only here; see server/clock.ts). */
    clock: Clock;
  }
}

export interface Clock {
  /** Milliseconds since the epoch, on the server's clock. */
  now(): number;
  /** `now()` as an ISO-8601 instant (one fixed width: text order is time order). */
  iso(): string;
  /** How far the clock is from real time, in milliseconds. */
  readonly offsetMs: number;
}

/** The only way to move a clock. */
export interface ClockHand {
  readonly clock: Clock;
  /** Sets the distance from real time (negative: the past). */
  setOffset(offsetMs: number): void;
}

/** A clock at real time, and the hand that moves it. */
export function createServerClock(): { clock: Clock; hand: ClockHand } {
  let offset = 0;
  const clock: Clock = {
    now: () => Date.now() + offset,
    iso: () => new Date(Date.now() + offset).toISOString(),
    get offsetMs() {
      return offset;
    },
  };
  const hand: ClockHand = {
    clock,
    setOffset(offsetMs: number) {
      if (!Number.isSafeInteger(offsetMs)) throw new RangeError(`clock offset must be a whole number of ms`);
      offset = offsetMs;
    },
  };
  return { clock, hand };
}

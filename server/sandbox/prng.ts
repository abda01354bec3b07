// The seeds' random numbers: deterministic, so the same seed gives the same tenant on every machine.

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same tenant on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const hex = () => {
    let out = '';
    for (let i = 0; i < 4; i++)
      out += Math.floor(next() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return out;
  };
  return { next, int, pick, hex };
}
export type Rng = ReturnType<typeof prng>;

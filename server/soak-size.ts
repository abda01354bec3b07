/**
 * How big the reliability suites run (fuzz, concurrent deciders, crash mid-write), from SOAK:
 *   unset      the size `npm test` runs on every change (seconds per suite)
 *   SOAK=ci    the mid size CI runs (`.ci/run` sets it for `npm test`; `npm run test:soak:ci` runs just these)
 *   SOAK=1     the full size (`npm run test:soak`), for a manual run
 */
export type SoakLevel = 'test' | 'ci' | 'full';

export function soakLevel(value = process.env.SOAK): SoakLevel {
  if (value === undefined || value === '' || value === '0') return 'test';
  if (value === 'ci') return 'ci';
  if (value === '1' || value === 'full') return 'full';
  throw new Error(`SOAK must be unset, "ci" or "1" (full), got "${value}"`);
}

/** The value for the current level: `bySize({ test: 700, ci: 3_000, full: 10_000 })`. */
export function bySize<T>(sizes: Record<SoakLevel, T>, level = soakLevel()): T {
  return sizes[level];
}

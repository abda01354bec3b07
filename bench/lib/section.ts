// The contract between run.ts and the files in bench/sections/: run.ts builds one BenchContext (what the sections
// share) and calls each selected section's run() in order; a section returns its figures and the raw data behind them.
import type { Browser } from 'playwright';
import type { Figure } from './figures.ts';
import type { BenchServer } from './servers.ts';

/** The sizes of a run; --quick (CI) uses smaller ones than a full run. */
export interface BenchParameters {
  /** Extra pending items seeded for alice on the scaled server (SANDBOX_SEED_SCALE). */
  scale: number;
  /** Approval items in the big work item (SANDBOX_BIG_ITEM_SIZE). */
  bigItem: number;
  /** "Approve" clicks timed per big-item run. */
  clicks: number;
  /** Detail pages opened in turn per memory run. */
  details: number;
  /** Sequential list requests per offset per run. */
  latencyRequests: number;
  /** Length of each autocannon load, in seconds. */
  cannonSeconds: number;
  /** Approval items collected for the mixed list + approve load. */
  pairs: number;
}

/** The servers every section shares: 40-item alice (the demo seed) and alice with `scale` extra pending items. */
export type SharedServer = 'small' | 'scaled';

export interface BenchContext {
  quick: boolean;
  /** Measurements per figure (each figure is their median). */
  runs: number;
  params: BenchParameters;
  /** Scratch space, removed at the end. */
  tmpDir: string;
  /** The private copy of the production build that every server serves. */
  distDir: string;
  small(): Promise<BenchServer>;
  scaled(): Promise<BenchServer>;
  /** One headless Chromium, launched on first use. */
  browser(): Promise<Browser>;
  /** A server with a sandbox of its own, for a section that uses its data up; the section stops it. */
  startServer(name: string, env: Record<string, string>): Promise<BenchServer>;
  /** Records a failure that does not end the section (its figures are then the runs that finished). */
  reportError(label: string, error: unknown): void;
}

export interface SectionResult {
  figures: Figure[];
  /** The raw data behind the figures, merged into results.json's `details`. */
  details?: Record<string, unknown>;
}

/** One file in bench/sections/, default-exported; its file name is its name for `--only`. */
export interface Section {
  /** The progress line, starting with the § number(s) its figures carry. */
  title: string | ((ctx: BenchContext) => string);
  /** The shared servers it uses: run.ts starts them before the first section. */
  servers?: SharedServer[];
  /**
   * It measures sizes, not times, so it may run while the shared servers are still starting and seeding (every other
   * section waits for them: a sandbox seeding 100,000 rows would slow whatever it timed).
   */
  sizesOnly?: boolean;
  run(ctx: BenchContext): Promise<SectionResult>;
}

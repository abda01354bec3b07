// A figure is one row of the benchmark's table: a median of runs (min/max beside it), its unit, and optionally a
// goal it is checked against. Sections collect theirs with `Figures`; run.ts prints and writes them all.
import { summarize, type Summary } from './stats.ts';

export const KB = 1024;

export interface Figure {
  section: string;
  figure: string;
  unit: string;
  summary: Summary;
  goal?: string;
  /** true/false against the goal; undefined when the figure has no goal. */
  met?: boolean;
  note?: string;
}

export interface Goal {
  text: string;
  test: (median: number) => boolean;
}

/** A section's figures, in the order the table shows them. */
export class Figures {
  readonly list: Figure[] = [];

  add(section: string, figure: string, unit: string, runs: number[], goal?: Goal, note?: string) {
    const summary = summarize(runs);
    this.list.push({
      section,
      figure,
      unit,
      summary,
      goal: goal?.text,
      met: goal && Number.isFinite(summary.median) ? goal.test(summary.median) : undefined,
      note,
    });
  }
}

function fmt(n: number, unit: string): string {
  if (!Number.isFinite(n)) return '—';
  if (unit === 'bool') return n === 1 ? 'yes' : 'no';
  if (unit === '×' || unit === 'ratio') return n.toFixed(2);
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en');
  return n.toFixed(1);
}

/** The table as Markdown (pasteable into the README). */
export function tableMarkdown(figures: readonly Figure[]): string {
  const lines = ['| § | figure | median | min | max | unit | goal | met? |', '|---|---|---:|---:|---:|---|---|---|'];
  for (const f of figures) {
    const met = f.met === undefined ? '' : f.met ? 'yes' : '**no**';
    const single = f.summary.runs.length <= 1;
    lines.push(
      `| ${f.section} | ${f.figure} | ${fmt(f.summary.median, f.unit)} | ${single ? '' : fmt(f.summary.min, f.unit)} | ${single ? '' : fmt(f.summary.max, f.unit)} | ${f.unit === 'bool' ? '' : f.unit} | ${f.goal ?? ''} | ${met} |`,
    );
  }
  return lines.join('\n');
}

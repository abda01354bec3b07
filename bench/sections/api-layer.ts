import { compareApiLayers, distAssets } from '../lib/bytes.ts';
import { Figures, KB } from '../lib/figures.ts';
import type { Section } from '../lib/section.ts';

/** §1: the official SDK's WorkItemsApi against our API layer, each built on its own with the app's Vite. */
export default {
  title: '1. shipped bytes: SDK vs our API layer',
  sizesOnly: true,
  async run({ tmpDir, distDir }) {
    const cmp = await compareApiLayers(tmpDir);
    const out = new Figures();
    out.add('1 bytes', 'official SDK v3 WorkItemsApi + axios, 13 calls (gzip)', 'KB', [cmp.sdk.gzip / KB]);
    out.add(
      '1 bytes',
      'our API layer: ky client + 13 operation modules (gzip)',
      'KB',
      [cmp.ours.gzip / KB],
      undefined,
      'React and TanStack Query external (the app ships them anyway)',
    );
    out.add('1 bytes', 'our API layer incl. TanStack Query (gzip)', 'KB', [cmp.oursWithQuery.gzip / KB]);
    out.add('1 bytes', 'ours / SDK', 'ratio', [cmp.ours.gzip / cmp.sdk.gzip], {
      text: '≤ 0.20',
      test: (m) => m <= 0.2,
    });
    return { figures: out.list, details: { apiLayers: cmp, distAssets: distAssets(distDir) } };
  },
} satisfies Section;

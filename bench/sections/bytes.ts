import { Figures, KB } from '../lib/figures.ts';
import type { Section } from '../lib/section.ts';
import { contributorsByPackage } from '../lib/first-load-contributors.ts';
import { shippedBytes } from '../lib/shipped-bytes.ts';

/** The first-load budget (gzip) and how many of its largest contributors the table names. */
const BUDGET_KB = 180;
const CONTRIBUTORS_SHOWN = 10;

/**
 * §1: what the inbox's first load fetches (JS and CSS as the page requested them), how much of it comes before the
 * first rows show, and what each other route adds when first visited.
 */
export default {
  title: '1. shipped bytes: inbox first load and routes',
  servers: ['small'],
  async run(ctx) {
    const routes = await shippedBytes(await ctx.browser(), await ctx.small(), ctx.distDir);
    const inbox = routes.inbox;
    const out = new Figures();
    out.add('1 bytes', 'inbox first load: JS (gzip), all chunks until network idle', 'KB', [inbox.jsGzip / KB], {
      text: `≤ ${BUDGET_KB} KB`,
      test: (m) => m <= BUDGET_KB,
    });
    out.add('1 bytes', '… over (+) or under (−) the budget', 'KB', [inbox.jsGzip / KB - BUDGET_KB]);
    const jsFiles = inbox.files.filter((f) => f.file.endsWith('.js'));
    const contributors = contributorsByPackage(ctx.distDir, jsFiles);
    if (!contributors)
      ctx.reportError('first-load contributors', new Error('the build has no .vite/chunk-modules.json'));
    for (const [owner, gzip] of (contributors ?? []).slice(0, CONTRIBUTORS_SHOWN)) {
      out.add('1 bytes', `… of it ${owner} (gzip, its share)`, 'KB', [gzip / KB]);
    }
    out.add('1 bytes', '… of which before the first rows show (critical path)', 'KB', [
      routes['inbox, before first rows'].jsGzip / KB,
    ]);
    out.add(
      '1 bytes',
      'inbox first load: CSS (gzip)',
      'KB',
      [inbox.cssGzip / KB],
      undefined,
      'MUI styles are CSS-in-JS (emotion)',
    );
    out.add('1 bytes', 'inbox first load: bytes on the wire (JS+CSS)', 'KB', [inbox.transferred / KB]);
    out.add('1 bytes', 'JS/CSS sent compressed (br/gzip)', 'bool', [inbox.allCompressed ? 1 : 0], {
      text: 'yes',
      test: (m) => m === 1,
    });
    for (const [route, r] of Object.entries(routes)) {
      if (route === 'inbox' || route === 'inbox, before first rows') continue;
      out.add(
        '1 bytes',
        route.startsWith('inbox') ? `${route} (gzip)` : `route chunk(s) added by ${route} (gzip)`,
        'KB',
        [r.totalGzip / KB],
        undefined,
        r.files.map((f) => f.file.replace('/assets/', '')).join(', '),
      );
    }
    return { figures: out.list, details: { routes, firstLoadByPackage: contributors } };
  },
} satisfies Section;

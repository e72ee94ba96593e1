import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBundle } from '../support/bundle.js';
import { graphProblems, layoutProblems } from '../support/review-checks.js';
import { launchChromium, measureReview, openReview, type Surface } from '../support/review-page.js';
import { actionReview, reviewCases, type Review } from '../support/reviews.js';

/**
 * The comment and the job summary the Action writes for the bundled example and each scenario, rendered as GitHub
 * shows them (GFM, GitHub's stylesheet, Mermaid) in Chromium at the width of a pull request's conversation: the
 * verdict is in the first screen, no table is wider than the column, every link leads to a line of the head commit,
 * the docs, a commit or the run, and each graph renders with labels readable in light and dark.
 */
/**
 * Tables known to be wider than the column (issue 19, not fixed yet): the live-flows table's six columns need at
 * least 806 px at the demo's names (875 px with its ISO times), so GitHub shows it with a sideways scroll bar. A
 * table newly too wide fails, and so does one of these once it fits: then take it off the list. The demo's closed
 * paths (a default deny’s row of one cause, 5fc257e) list their members in the To cell, inline in a folded section.
 */
const KNOWN_WIDE_TABLES: Readonly<Record<string, string[]>> = {
  demo: ['From | To | Port', 'From | To | Ports'],
  'operator-scrape-cut': ['From | To | Port'],
};

let browser: Browser;
beforeAll(async () => {
  ensureFreshBundle();
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe.each(reviewCases())('$name', (review) => {
  let written: Review;
  beforeAll(async () => {
    written = await actionReview(review);
  });
  const head = path.join(review.dir, 'head');

  it.each<Surface>(['comment', 'summary'])(
    '%s reads in the first screen, fits the column, links resolve',
    async (surface) => {
      const { page, graphs } = await openReview(browser, written[surface], 'light', surface);
      try {
        const problems = layoutProblems(await measureReview(page), head);
        expect(problems.filter((problem) => !problem.startsWith('table '))).toEqual([]);
        const wide = problems.flatMap((problem) => /^table "([^"]*)"/.exec(problem)?.[1] ?? []);
        expect(wide, 'tables wider than the column').toEqual(KNOWN_WIDE_TABLES[review.name] ?? []);
        expect(graphProblems(graphs)).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it('comment graphs render and read in dark mode', async () => {
    const { page, graphs } = await openReview(browser, written.comment, 'dark', 'comment');
    await page.close();
    expect(graphProblems(graphs)).toEqual([]);
  });
});

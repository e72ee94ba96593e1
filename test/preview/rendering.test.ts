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
        expect(problems).toEqual([]);
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

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBundle } from '../support/bundle.js';
import { actionReview, reviewCases } from '../support/reviews.js';

/**
 * The sticky comment the Action posts for the bundled example and each scenario, as committed golden files
 * (`comment.golden.md` in the case's folder), so a wording change is reviewed as a diff. The commits stand as fixed
 * shas. After a deliberate change: `UPDATE_GOLDEN=1 npx vitest run test/report/comment-golden.test.ts`, then read the
 * diff before committing.
 */
beforeAll(ensureFreshBundle);

describe('golden PR comments', () => {
  for (const review of reviewCases()) {
    it(review.name, async () => {
      const { comment } = await actionReview(review);
      if (process.env.UPDATE_GOLDEN) writeFileSync(review.golden, comment);
      expect(existsSync(review.golden), `${review.golden} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(
        comment,
        'the comment changed: if on purpose, run with UPDATE_GOLDEN=1 and review the diff',
      ).toBe(readFileSync(review.golden, 'utf8'));
    });
  }
});

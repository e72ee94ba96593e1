import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_URL } from '../../src/report/links.js';
import { graphProblems, layoutProblems } from '../support/review-checks.js';
import { launchChromium, measureReview, openReview } from '../support/review-page.js';
import { HEAD_SHA } from '../support/reviews.js';

/** Each rendering check fails on the review it is there to catch. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const HEAD = path.resolve('fixtures/demo/head');

async function problems(markdown: string, theme: 'light' | 'dark' = 'light') {
  const { page, graphs } = await openReview(browser, markdown, theme, 'comment');
  try {
    return { layout: layoutProblems(await measureReview(page), HEAD), graphs: graphProblems(graphs) };
  } finally {
    await page.close();
  }
}

describe('rendering checks', () => {
  it('pass a short review with good links', async () => {
    const markdown = [
      ':x: **Blocked** at [payments.yaml#L3](https://github.com/acme/gitops/blob/' +
        `${HEAD_SHA}/k8s/payments/payments.yaml#L3), see [dns-egress-missing](${PROJECT_URL}/blob/main/docs/rules.md#dns-egress-missing)`,
      '',
      '| a | b |',
      '| --- | --- |',
      '| 1 | 2 |',
      '',
      '```mermaid\ngraph LR\n  n0["a"] -->|"opened: TCP/80"| n1["b"]\n```',
    ].join('\n');
    expect(await problems(markdown)).toEqual({ layout: [], graphs: [] });
  });

  it('find a verdict below the first screen, or none', async () => {
    const late = `${'Some text.\n\n'.repeat(40)}:x: **Blocked**`;
    expect((await problems(late)).layout).toEqual([expect.stringMatching(/^the verdict ends \d+ px down/)]);
    expect((await problems('Nothing decided.')).layout).toEqual(['no block gives the verdict (❌, ⚠ or ✅)']);
  });

  it('find a table wider than the column', async () => {
    const wide = `:x: no\n\n| a | b |\n| --- | --- |\n| \`${'x'.repeat(200)}\` | 1 |`;
    expect((await problems(wide)).layout).toEqual([expect.stringMatching(/^table "a \| b" is \d+ px wide/)]);
  });

  it('find links that do not lead to a head line, the docs, a commit or the run', async () => {
    const links = [
      `https://github.com/acme/gitops/blob/${'0'.repeat(40)}/k8s/payments/payments.yaml#L3`,
      `https://github.com/acme/gitops/blob/${HEAD_SHA}/k8s/payments/payments.yaml#L9999`,
      `https://github.com/acme/gitops/blob/${HEAD_SHA}/k8s/nowhere.yaml#L1`,
      'payments/payments.yaml',
      `${PROJECT_URL}/blob/main/docs/no-such-page.md`,
      'https://github.com/acme/gitops/pull/3#discussion_r1001',
    ];
    const markdown = `:x: no\n\n${links.map((link, i) => `[${i}](${link})`).join(' ')}`;
    expect((await problems(markdown)).layout).toEqual([
      expect.stringMatching(/: not the head commit$/),
      expect.stringMatching(/: the file has \d+ lines$/),
      expect.stringMatching(/: no such file at head$/),
      expect.stringMatching(/^link payments\/payments\.yaml: not a head blob line/),
      expect.stringMatching(/: no such page of the docs$/),
      expect.stringMatching(/: a comment of another pull request$/),
    ]);
  });

  it('find a graph that does not render, and a label hard to read in dark mode', async () => {
    const broken = ':x: no\n\n```mermaid\ngraph LR\n  n0["a" -->|x| n1\n```';
    expect((await problems(broken)).graphs).toEqual([expect.stringMatching(/^graph 1 does not render: /)]);
    const dim = ':x: no\n\n```mermaid\ngraph LR\n  n0 -->|"opened"| n1\n  linkStyle 0 color:#2b2b2b\n```';
    expect((await problems(dim, 'dark')).graphs).toEqual([
      expect.stringMatching(/^graph 1 has a label at contrast [\d.]+:1$/),
    ]);
  });
});

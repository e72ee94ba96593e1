import { beforeAll, describe, expect, it } from 'vitest';
import { ensureFreshBundle } from '../support/bundle.js';
import { actionReview, reviewCases, type Review } from '../support/reviews.js';

/**
 * Issue 18, L7, as the Action reports it (the bundle, against the GitHub API stand-in): fixtures/scenarios/
 * cilium-l7-narrowed narrows the frontend's HTTP rule at k8s/payments.yaml:35, under a recorded `GET /api/v1/pay`
 * that head refuses. The annotations and the SARIF file name both at that rule.
 */
let review: Review;
beforeAll(async () => {
  ensureFreshBundle();
  review = await actionReview(reviewCases().find((c) => c.name === 'cilium-l7-narrowed')!);
});

interface Result {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}

describe('the Action on a narrowed L7 filter', () => {
  it('annotates the refused request and the changed filter at the rule', () => {
    expect(review.annotations.map((line) => line.slice(0, line.indexOf('::', 2)))).toEqual([
      '::error title=netpol-guard%3A live flow would break,file=k8s/payments.yaml,line=35,col=17',
      '::warning title=netpol-guard%3A L7 filter changed,file=k8s/payments.yaml,line=35,col=17',
      '::notice title=netpol-guard%3A namespace-without-default-deny,file=k8s/payments.yaml,line=1,col=1',
    ]);
    expect(review.annotations[0]).toMatch(
      /::GET \/api\/v1\/pay: payments\/frontend → payments\/api TCP\/8080 /,
    );
    expect(review.annotations[1]).toMatch(
      /::payments\/frontend → payments\/api TCP\/8080: L7 filter changed: /,
    );
  });

  it('writes both to the SARIF file, at the rule, the filter as a warning', () => {
    const [run] = (JSON.parse(review.sarif) as { runs: { results: Result[] }[] }).runs;
    const placed = run!.results
      .filter((r) => r.ruleId === 'broken-flow' || r.ruleId === 'l7-filter-changed')
      .map((r) => {
        const { artifactLocation, region } = r.locations[0]!.physicalLocation;
        return `${r.ruleId} ${r.level} ${artifactLocation.uri}:${region.startLine} ${r.message.text.slice(0, 40)}`;
      });
    expect(placed).toEqual([
      'broken-flow error k8s/payments.yaml:35 Live request GET /api/v1/pay payments/fr',
      'l7-filter-changed warning k8s/payments.yaml:35 This change alters an L7 filter: payment',
    ]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { buildModel } from '../../src/model/build.js';
import { createEngine } from '../../src/policy/engine.js';
import { toNpGuardList } from './np-guard-format.js';

const ROOT = join(import.meta.dirname, '../../fixtures/conformance/np-guard');

const INVALID_POLICY_NAME =
  'the policy name has underscores, which the API server rejects, so the loader leaves the policy out ' +
  '(fixtures/engine/owned-pods covers the same semantics with a valid name)';

/** Cases whose whole output needs kinds outside our scope (see "netpol-guard: expected differences" in the README). */
const CASES_EXPECTED_TO_DIFFER: Record<string, string> = {
  anp_banp_blog_demo: 'AdminNetworkPolicy and BaselineAdminNetworkPolicy are not modelled',
  example_pods_w_same_owner_and_labels_gap_with_good_match_expression: INVALID_POLICY_NAME,
  example_pods_w_same_owner_and_labels_gap_with_good_match_expression2: INVALID_POLICY_NAME,
};

/** Lines that come from kinds outside our scope: Ingress and OpenShift Route backends. */
const OUT_OF_SCOPE_LINE = /\{ingress-controller\}/;

interface ListCheck {
  name: string;
  manifests: string;
  expected: string;
}

function listChecks(): ListCheck[] {
  const cases = JSON.parse(readFileSync(join(ROOT, 'cases.json'), 'utf8')) as {
    cases: { case: string; type: string }[];
  };
  return cases.cases.flatMap(({ case: name, type }): ListCheck[] => {
    const dir = join(ROOT, name);
    if (type === 'list')
      return [{ name, manifests: join(dir, 'manifests'), expected: join(dir, 'expected-list.txt') }];
    return (['base', 'head'] as const)
      .map((side) => ({
        name: `${name} (${side})`,
        manifests: join(dir, side),
        expected: join(dir, `expected-list-${side}.txt`),
      }))
      .filter((check) => existsSync(check.expected));
  });
}

describe('np-guard connectivity lists', () => {
  for (const check of listChecks()) {
    const caseName = check.name.split(' ')[0]!;
    const reason = CASES_EXPECTED_TO_DIFFER[caseName];
    it(`${check.name}${reason ? ` (expected to differ: ${reason})` : ''}`, async () => {
      const loaded = await loadManifests([check.manifests], { root: ROOT });
      const { model } = buildModel(loaded.objects);
      const actual = toNpGuardList(model, createEngine(model).connectivity());
      const expected = readFileSync(check.expected, 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !OUT_OF_SCOPE_LINE.test(line));
      // Lines only one side has, so a failure reads as the few lines that differ.
      const difference = {
        missing: expected.filter((line) => !actual.includes(line)),
        unexpected: actual.filter((line) => !expected.includes(line)),
      };
      if (reason) {
        expect(difference).not.toEqual({ missing: [], unexpected: [] });
        return;
      }
      expect(difference).toEqual({ missing: [], unexpected: [] });
      expect(actual).toEqual(expected);
    });
  }
});

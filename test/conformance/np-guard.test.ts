import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { buildModel } from '../../src/model/build.js';
import { createEngine } from '../../src/policy/engine.js';
import { defaultPodSelectors, toNpGuardList } from './np-guard-format.js';

const ROOT = join(import.meta.dirname, '../../fixtures/conformance/np-guard');

const INVALID_POLICY_NAME =
  'the policy name has underscores, which the API server rejects, so the loader leaves the policy out ' +
  '(fixtures/engine/owned-pods covers the same semantics with a valid name)';

/** Cases whose whole output needs kinds outside our scope (see "netpol-guard: expected differences" in the README). */
const CASES_EXPECTED_TO_DIFFER: Record<string, string> = {
  example_pods_w_same_owner_and_labels_gap_with_good_match_expression: INVALID_POLICY_NAME,
  example_pods_w_same_owner_and_labels_gap_with_good_match_expression2: INVALID_POLICY_NAME,
  anp_test_named_ports_multiple_peers:
    'its egress rules put a namedPort beside a networks peer, which the CRD forbids (XValidation "networks/nodes ' +
    'peer cannot be set with namedPorts"): netpol-guard reports the policy as rejected and leaves it out, np-guard ' +
    'skips the named port for the networks peer only',
};

/**
 * Cases whose AdminNetworkPolicies write a `pods` peer or subject without `namespaceSelector` or `podSelector`. The
 * CRD requires both (config/crd/standard/policy.networking.k8s.io_adminnetworkpolicies.yaml: `required:
 * [namespaceSelector, podSelector]`), so the API server rejects these objects and netpol-guard leaves them out with
 * an `invalid-policy` error; np-guard reads the absent selector as "all". The test checks the rejection, then
 * writes the absent selectors as `{}` (what np-guard assumes) and compares the connectivity with np-guard's.
 */
const CASES_WITH_ABSENT_POD_SELECTORS = new Set([
  'anp_test_3_pass_traffic',
  'anp_test_8',
  'anp_test_8_swapping_rules',
  'anp_test_9',
  'anp_test_9_swapping_rules',
  'anp_test_10',
  'anp_test_10_swapping_rules',
  'anp_test_11',
  'anp_test_11_swapping_rules',
  'anp_test_12',
  'anp_test_12_swapping_rules',
  'anp_test_combining_test_6_and_test_10',
  'anp_test_multiple_anps',
  'anp_demo',
  'example_pods_w_same_owner_and_labels_gap_anp_good',
  'example_pods_w_same_owner_and_labels_gap_banp_good',
  'diff-anp-test-8-swapping-rules',
  'diff-anp-test-9-swapping-rules',
  'diff-anp-test-10-swapping-rules',
  'diff-anp-test-11-swapping-rules',
  'diff-anp-test-12-swapping-rules',
]);

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
    if (type === 'error') return [];
    if (type === 'list') {
      const expected = join(dir, 'expected-list.txt');
      // The exposure cases have only an exposure report, which is not a connectivity list.
      return existsSync(expected) ? [{ name, manifests: join(dir, 'manifests'), expected }] : [];
    }
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
      if (CASES_WITH_ABSENT_POD_SELECTORS.has(caseName)) {
        const strict = buildModel(
          (await loadManifests([check.manifests], { root: ROOT })).objects,
        ).diagnostics.filter((d) => d.code === 'invalid-policy');
        expect(strict.length).toBeGreaterThan(0);
        for (const rejection of strict) expect(rejection.message).toMatch(/: pods\.\w+: Required value; /);
        defaultPodSelectors(loaded.objects);
      }
      const { model, diagnostics } = buildModel(loaded.objects);
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
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(difference).toEqual({ missing: [], unexpected: [] });
      expect(actual).toEqual(expected);
    });
  }
});

/** np-guard's error cases: input the analyzer must reject. netpol-guard names each at its file with an error. */
describe('np-guard error cases', () => {
  const cases = (
    JSON.parse(readFileSync(join(ROOT, 'cases.json'), 'utf8')) as { cases: { case: string; type: string }[] }
  ).cases.filter((c) => c.type === 'error');
  /** Where netpol-guard gives another diagnostic than an error, and why (README "expected differences"). */
  const OTHER_DIAGNOSTIC: Record<string, { code: string; why: string }> = {
    anp_bad_path_test_1: {
      code: 'none',
      why:
        'two AdminNetworkPolicies at one priority are valid objects whose overlap is implementation-defined: ' +
        'a lint finding, not a load error (evaluated by name, as the reference implementation orders them)',
    },
    anp_bad_path_test_3: {
      code: 'duplicate-object',
      why: 'a second object of one name is an update of the first, not a rejected object: a warning names both',
    },
    banp_bad_path_test_1: {
      code: 'duplicate-object',
      why: 'as anp_bad_path_test_3, for the BANP named default',
    },
  };
  for (const { case: name } of cases) {
    const other = OTHER_DIAGNOSTIC[name];
    it(`${name}${other ? ` (${other.why})` : ''}`, async () => {
      const loaded = await loadManifests([join(ROOT, name)], { root: ROOT });
      const diagnostics = [...loaded.diagnostics, ...buildModel(loaded.objects).diagnostics];
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (other) {
        expect(errors).toEqual([]);
        expect(diagnostics.filter((d) => d.code === other.code).length).toBe(other.code === 'none' ? 0 : 1);
        return;
      }
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) expect(error.file).toMatch(new RegExp(`^${name}/manifests/`));
    });
  }
});

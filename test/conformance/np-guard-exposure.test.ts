import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../src/manifests/load.js';
import { buildModel } from '../../src/model/build.js';
import { createEngine } from '../../src/policy/engine.js';
import { withRepresentatives } from '../../src/policy/representatives.js';
import { openWorld, toNpGuardExposure } from './np-guard-exposure.js';
import { defaultPodSelectors } from './np-guard-format.js';

const ROOT = join(import.meta.dirname, '../../fixtures/conformance/np-guard');

/**
 * Cases where netpol-guard's representative peers differ from np-guard's on purpose (README of
 * fixtures/conformance/np-guard, "Exposure: expected differences"), with the lines that differ.
 */
const SELECTORS_THAT_HOLD =
  'np-guard gives a representative the rules whose selectors are written as its own (SelectorsFullMatch in ' +
  'pkg/netpol/eval/internal/k8s); netpol-guard every rule whose selectors hold for every pod it stands for: ' +
  '`app in (x)` has an app label, a pod without an app label is not in (x), `role notin (w,x,y,z)` is not in ' +
  '(x,y), pods app=foo of ns1 are in a namespace labelled x=xval';
const DECLARED_NAMESPACE_LABELS =
  'the pods of hello-world that the manifests do not show are in hello-world, whose labels the manifests declare ' +
  '(no env label): an ingress rule from namespaces without env, or with env not in a list, admits them, as it ' +
  'admits workload-b; np-guard does not match its representatives against declared namespaces';
const NAMED_PORTS_UNRESOLVED =
  "a named port to a representative is left out: its pods' containers are not known, so no port number can be " +
  'given; np-guard prints the name';
const NO_CONNECTIONS_LINES =
  'np-guard prints `No Connections` for a representative an ANP rule carves out of entire-cluster; the ' +
  'translation prints representatives that keep some ports (the carving itself, exposure_test_with_anp_8, matches)';

const EXPECTED_DIFFERENCES: Record<string, { why: string; missing: string[]; unexpected: string[] }> = {
  exposure_test_with_anp_16: {
    why: NO_CONNECTIONS_LINES,
    missing: [
      'hello-world/workload-a[Deployment] \t=> \t[all namespaces]/[pod with {role=monitoring}] : No Connections',
      'hello-world/workload-a[Deployment] \t<= \t[all namespaces]/[pod with {role=monitoring}] : No Connections',
    ],
    unexpected: [],
  },
  exposure_test_with_anp_9: {
    why: NO_CONNECTIONS_LINES,
    missing: [
      'hello-world/workload-a[Deployment] \t=> \t[namespace with {conformance-house=slytherin}]/[all pods] : No Connections',
    ],
    unexpected: [],
  },
  exposure_test_with_anp_11_with_named_port: {
    why: NAMED_PORTS_UNRESOLVED,
    missing: ['hello-world/workload-a[Deployment] \t=> \tentire-cluster :  local-port'],
    unexpected: [],
  },
  exposure_test_egress_to_entire_cluster_with_named_ports: {
    why: NAMED_PORTS_UNRESOLVED,
    missing: [
      'Egress Exposure:',
      'hello-world/workload-a[Deployment] \t=> \tentire-cluster : TCP http,local-dns',
    ],
    unexpected: [],
  },
  exposure_test_egress_with_named_port: {
    why: NAMED_PORTS_UNRESOLVED,
    missing: [
      'Egress Exposure:',
      'hello-world/workload-a[Deployment] \t=> \t[namespace with {{Key:foo.com/managed-state,Operator:In,Values:[managed],}}]/[all pods] : TCP http',
    ],
    unexpected: [],
  },
  exposure_test_egress_with_named_port_with_matching_pod: {
    why: NAMED_PORTS_UNRESOLVED,
    missing: [
      'hello-world/workload-a[Deployment]        \t=> \t[namespace with {{Key:foo.com/managed-state,Operator:In,Values:[managed],}}]/[all pods] : TCP http',
    ],
    unexpected: [],
  },
  exposure_test_real_namespace_without_real_pod: {
    why: SELECTORS_THAT_HOLD,
    missing: ['ns1/pod-in-ns1[Deployment] \t<= \tns1/[pod with {app=foo}] : TCP 9090'],
    unexpected: ['ns1/pod-in-ns1[Deployment] \t<= \tns1/[pod with {app=foo}] : TCP 8080,9090'],
  },
  exposure_test_with_different_rules_2: {
    why: SELECTORS_THAT_HOLD,
    missing: [
      'hello-world/workload-a[Deployment] \t<= \thello-world/[pod with {{Key:app,Operator:In,Values:[x],}}] : TCP 9090',
    ],
    unexpected: [
      'hello-world/workload-a[Deployment] \t<= \thello-world/[pod with {{Key:app,Operator:In,Values:[x],}}] : TCP 8080,9090',
    ],
  },
  exposure_test_with_different_rules_2_with_matching_pod: {
    why: SELECTORS_THAT_HOLD,
    missing: [
      'hello-world/workload-a[Deployment]        \t<= \thello-world/[pod with {{Key:app,Operator:In,Values:[x],}}] : TCP 9090',
    ],
    unexpected: [
      'hello-world/workload-a[Deployment]        \t<= \thello-world/[pod with {{Key:app,Operator:In,Values:[x],}}] : TCP 8080,9090',
    ],
  },
  exposure_test_with_different_rules_3: {
    why: SELECTORS_THAT_HOLD,
    missing: [
      'hello-world/workload-a[Deployment] \t<= \thello-world/[pod with {{Key:app,Operator:DoesNotExist,Values:[],}}] : TCP 8080',
    ],
    unexpected: [
      'hello-world/workload-a[Deployment] \t<= \thello-world/[pod with {{Key:app,Operator:DoesNotExist,Values:[],}}] : TCP 8080,9090',
    ],
  },
  exposure_test_with_different_rules_3_with_matching_pod: {
    why: SELECTORS_THAT_HOLD,
    missing: [
      'hello-world/workload-a[Deployment]        \t<= \thello-world/[pod with {{Key:app,Operator:DoesNotExist,Values:[],}}] : TCP 8080',
    ],
    unexpected: [
      'hello-world/workload-a[Deployment]        \t<= \thello-world/[pod with {{Key:app,Operator:DoesNotExist,Values:[],}}] : TCP 8080,9090',
    ],
  },
  exposure_test_with_different_rules_4: {
    why: SELECTORS_THAT_HOLD,
    missing: [
      'hello-world/workload-a[Deployment] \t<= \thello-world/[pod with {{Key:role,Operator:NotIn,Values:[w x y z],}}] : TCP 8080',
    ],
    unexpected: [
      'hello-world/workload-a[Deployment] \t<= \thello-world/[pod with {{Key:role,Operator:NotIn,Values:[w x y z],}}] : TCP 8080,9090',
    ],
  },
  exposure_test_with_different_rules_4_with_matching_pods: {
    why: SELECTORS_THAT_HOLD,
    missing: [
      'hello-world/workload-a[Deployment]         \t<= \thello-world/[pod with {{Key:role,Operator:NotIn,Values:[w x y z],}}] : TCP 8080',
    ],
    unexpected: [
      'hello-world/workload-a[Deployment]         \t<= \thello-world/[pod with {{Key:role,Operator:NotIn,Values:[w x y z],}}] : TCP 8080,9090',
    ],
  },
  exposure_test_with_match_expression_does_not_exist_op: {
    why: DECLARED_NAMESPACE_LABELS,
    missing: [],
    unexpected: [
      'hello-world/workload-a[Deployment] \t<= \thello-world/[pod with {{Key:app,Operator:DoesNotExist,Values:[],}}] : All Connections',
    ],
  },
  exposure_test_with_match_expression_does_not_exist_op_with_matching_pods: {
    why: DECLARED_NAMESPACE_LABELS,
    missing: [],
    unexpected: [
      'hello-world/workload-a[Deployment]         \t<= \thello-world/[pod with {{Key:app,Operator:DoesNotExist,Values:[],}}] : All Connections',
    ],
  },
  exposure_test_with_match_expression_not_in_op: {
    why: DECLARED_NAMESPACE_LABELS,
    missing: [],
    unexpected: [
      'hello-world/workload-a[Deployment] \t<= \thello-world/[pod with {{Key:app,Operator:NotIn,Values:[a-app b-app],}}] : All Connections',
    ],
  },
  exposure_test_with_match_expression_not_in_op_with_matching_pods: {
    why: DECLARED_NAMESPACE_LABELS,
    missing: [],
    unexpected: [
      'hello-world/workload-a[Deployment]         \t<= \thello-world/[pod with {{Key:app,Operator:NotIn,Values:[a-app b-app],}}] : All Connections',
    ],
  },
};

function exposureCases(): string[] {
  const { cases } = JSON.parse(readFileSync(join(ROOT, 'cases.json'), 'utf8')) as {
    cases: { case: string; expected: Record<string, string> }[];
  };
  return cases.filter((c) => 'expected-exposure.txt' in c.expected).map((c) => c.case);
}

describe('np-guard exposure analysis (representative peers)', () => {
  for (const name of exposureCases()) {
    const difference = EXPECTED_DIFFERENCES[name];
    it(`${name}${difference ? ` (differs on purpose: ${difference.why})` : ''}`, async () => {
      const loaded = await loadManifests([join(ROOT, name, 'manifests')], { root: ROOT });
      // As in np-guard.test.ts: `pods` selectors the CRD requires are written as np-guard reads their absence.
      const strict = await loadManifests([join(ROOT, name, 'manifests')], { root: ROOT });
      const rejected = buildModel(strict.objects).diagnostics.filter((d) => d.code === 'invalid-policy');
      for (const rejection of rejected) expect(rejection.message).toMatch(/: pods\.\w+: Required value; /);
      if (rejected.length > 0) defaultPodSelectors(loaded.objects);
      const { model, diagnostics } = buildModel(loaded.objects);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const withPeers = withRepresentatives(openWorld(model));
      const actual = toNpGuardExposure(withPeers, createEngine(withPeers).connectivity());
      const expectedFile = join(ROOT, name, 'expected-exposure.txt');
      expect(existsSync(expectedFile)).toBe(true);
      const expected = readFileSync(expectedFile, 'utf8')
        .split('\n')
        .map((line) => line.trimEnd())
        // The last block lists workloads no policy selects, which `reach` and the diff say in their own way.
        .join('\n')
        .split('\nWorkloads not protected by network policies:')[0]!
        .split('\n')
        .filter((line, i, all) => line !== '' || (i > 0 && i < all.length - 1));
      const compared = {
        missing: expected.filter((line) => line !== '' && !actual.includes(line)),
        unexpected: actual.filter((line) => line !== '' && !expected.includes(line)),
      };
      expect(compared).toEqual(
        difference
          ? { missing: difference.missing, unexpected: difference.unexpected }
          : { missing: [], unexpected: [] },
      );
      if (!difference) expect(actual).toEqual(expected);
    });
  }
});

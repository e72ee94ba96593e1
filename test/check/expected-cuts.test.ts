import { describe, expect, it } from 'vitest';
import {
  acceptExpectedCuts,
  expectationKeys,
  readExpectedCuts,
  unhonouredExpectations,
} from '../../src/check/expected-cuts.js';
import type { ReplayedFlow } from '../../src/replay/types.js';
import type { Diagnostic } from '../../src/manifests/types.js';
import type { ClusterModel } from '../../src/model/types.js';
import { buildModel } from '../../src/model/build.js';
import { objectsFromYaml } from '../model/objects.js';

/** Issue 19, "Links and acceptance": `netpol-guard.io/expect-cut` on the policy that makes a cut accepts it there. */
const policy = (namespace: string, expectCut: string) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-ingress
  namespace: ${namespace}
  annotations:
    netpol-guard.io/expect-cut: ${JSON.stringify(expectCut)}
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

const workload = (namespace: string, name: string) => ({ kind: 'Deployment', namespace, name, labels: {} });
const flow = (from: ReplayedFlow['from'], to: ReplayedFlow['to']): ReplayedFlow => ({
  from,
  to,
  protocol: 'TCP',
  port: 8443,
  count: 1,
});

function model(text: string): ClusterModel {
  return buildModel(objectsFromYaml(text, 'policies.yaml')).model;
}

describe('expect-cut', () => {
  const batch = flow(workload('payments', 'legacy-batch'), workload('payments', 'api'));
  const web = flow(workload('payments', 'web'), workload('payments', 'api'));
  const elsewhere = flow(workload('other', 'legacy-batch'), workload('other', 'api'));

  it('accepts the flows an entry names, from or to the policy namespace only', () => {
    const expected = readExpectedCuts(model(policy('payments', 'payments/legacy-batch -> *, other/* -> *')));
    const { broken, accepted } = acceptExpectedCuts([batch, web, elsewhere], expected);
    expect(accepted.map((f) => f.acceptedBy.entry)).toEqual(['payments/legacy-batch -> *']);
    expect(accepted[0]?.acceptedBy.policy).toBe('NetworkPolicy payments/api-ingress');
    expect(accepted[0]?.acceptedBy.location.line).toBe(8);
    // other/* is written in a payments policy: it cannot accept cuts of another namespace's traffic.
    expect(broken).toEqual([web, elsewhere]);
  });

  it('matches addresses exactly and never a workload by address', () => {
    const expected = readExpectedCuts(model(policy('payments', '* -> 203.0.113.9')));
    const out = flow(workload('payments', 'api'), { ip: '203.0.113.9' });
    const other = flow(workload('payments', 'api'), { ip: '203.0.113.10' });
    expect(acceptExpectedCuts([out, other], expected).broken).toEqual([other]);
  });

  it('says where an entry is not FROM -> TO, and accepts nothing by it', () => {
    const diagnostics: Diagnostic[] = [];
    const expected = readExpectedCuts(
      model(policy('payments', 'payments/legacy-batch, */x -> *')),
      diagnostics,
    );
    expect(expected).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['expect-cut-invalid', 8],
      ['expect-cut-invalid', 8],
    ]);
  });

  it('honours under suppressionsFrom: base only the entries base held on the same policy', () => {
    const base = readExpectedCuts(model(policy('payments', 'payments/web -> *')));
    const head = readExpectedCuts(model(policy('payments', 'payments/web -> *, payments/legacy-batch -> *')));
    const honoured = expectationKeys(base);
    const { broken, accepted } = acceptExpectedCuts([batch, web], head, honoured);
    expect(accepted.map((f) => f.acceptedBy.entry)).toEqual(['payments/web -> *']);
    expect(broken).toEqual([batch]);
    expect(unhonouredExpectations(head, honoured).map((d) => d.code)).toEqual(['expect-cut-not-honoured']);
  });
});

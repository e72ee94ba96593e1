import { describe, expect, it } from 'vitest';
import type { MatchedEndpoint } from '../../src/flows/match.js';
import { matchingOutsidePods } from '../../src/replay/replay.js';
import { loadFixture } from '../policy/fixtures.js';

/**
 * A pod the tree does not show is evaluated from what the recorded flow says of it. Hubble records Cilium's service
 * account label (`k8s:io.cilium.k8s.policy.serviceaccount`), which policies select like any other label
 * (fixtures/engine/cilium-service-account, Cilium's examples/policies/kubernetes/serviceaccount): the pod carries it.
 */
describe('pods outside the tree, made from a recorded flow', () => {
  const unmatched = (): MatchedEndpoint => ({
    unmatched: 'no workload in namespace default has those labels',
  });

  it("carry the service account Hubble recorded, so a policy on Cilium's service account label selects them", async () => {
    const { model, engine } = loadFixture('cilium-service-account');
    const leia = model.workloads.find((workload) => workload.name === 'leia-deployment')!;
    const luke = matchingOutsidePods(unmatched)({
      namespace: 'default',
      labels: { app: 'luke-cli' },
      serviceAccount: 'luke',
    });
    if (!('workload' in luke)) throw new Error(JSON.stringify(luke));
    expect(luke.workload.serviceAccount).toBe('luke');
    expect(String(engine.allowedPorts(luke, { workload: leia }))).toBe('All Connections');
    const stranger = matchingOutsidePods(unmatched)({ namespace: 'default', labels: { app: 'luke-cli' } });
    if (!('workload' in stranger)) throw new Error(JSON.stringify(stranger));
    expect(String(engine.allowedPorts(stranger, { workload: leia }))).toBe('No Connections');
  });
});

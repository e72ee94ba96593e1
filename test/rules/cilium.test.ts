import { describe, expect, it } from 'vitest';
import { subjectWorkloads } from '../../src/rules/tiered.js';
import { loadFixture } from '../policy/fixtures.js';
import { lintDirectory } from './lint-dir.js';

describe('Cilium policies in rule messages', () => {
  it('names a policy of several rules (specs) once, not as also selecting its own pods', async () => {
    // fixtures/engine/cilium-deny: CCNP `denied` selects other/denied through two items of `specs`.
    const { findings } = await lintDirectory('fixtures/engine/cilium-deny');
    const denied = findings.filter(
      (finding) => finding.rule === 'dns-egress-missing' && finding.resource.name === 'denied',
    );
    expect(denied.map((finding) => finding.message)).toEqual([
      expect.stringContaining(
        'Pod other/denied cannot resolve names: CiliumClusterwideNetworkPolicy denied isolates egress and no rule',
      ),
    ]);
  });
});

describe("the pods a Cilium policy selects, for the rules (Cilium's identity of each pod)", () => {
  const selected = (topic: string, name: string) => {
    const { model } = loadFixture(topic);
    const policy = (model.tieredPolicies ?? []).find((candidate) => candidate.ref.name === name)!;
    return subjectWorkloads(model, policy).map((workload) => workload.name);
  };

  it('are those of its service account (io.cilium.k8s.policy.serviceaccount), whatever the cni setting', () => {
    expect(selected('cilium-service-account', 'k8s-svc-account')).toEqual(['leia-deployment']);
    expect(selected('cilium-service-account-generic', 'k8s-svc-account')).toEqual(['leia-deployment']);
  });

  it("leave out every pod when it requires a label Cilium's identity filter drops", () => {
    expect(selected('cilium-identity-labels', 'db-0-from-report')).toEqual([]);
    expect(selected('cilium-identity-labels', 'db')).toEqual(['db-0']);
  });
});

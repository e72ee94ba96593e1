import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { objectsFromYaml } from './objects.js';

const FILE = 'fixtures/manifests/cilium-not-evaluated/policies.yaml';

describe('Cilium policies: what the engine does not evaluate is named, never skipped', () => {
  const { model, diagnostics } = buildModel(objectsFromYaml(readFileSync(FILE, 'utf8'), FILE));
  const said = diagnostics
    .filter((d) => d.code !== 'default-namespace')
    .map((d) => [d.line, d.severity, d.code, d.message.replace(/^\S+ \S+: /, '').split(':')[0]]);

  it('names each field at its line with its effect, and rejects what the API server rejects', () => {
    expect(said).toEqual([
      [10, 'warning', 'not-evaluated', 'the host entity is not a pod or an outside address'],
      [15, 'warning', 'not-evaluated', 'L7 rules not evaluated'],
      [16, 'warning', 'not-evaluated', 'ICMP is not evaluated'],
      [17, 'warning', 'not-evaluated', 'mutual authentication is not evaluated'],
      [
        19,
        'warning',
        'not-evaluated',
        'toFQDNs matches addresses learnt from DNS answers, which the tree does not hold',
      ],
      [
        20,
        'warning',
        'not-evaluated',
        'toServices names Services, whose backends this version does not resolve',
      ],
      [21, 'warning', 'not-evaluated', 'cidrGroupRef names a CiliumCIDRGroup'],
      [23, 'warning', 'not-evaluated', 'the kube-apiserver entity is not a pod or an outside address'],
      [
        29,
        'warning',
        'not-evaluated',
        'a host policy (nodeSelector) applies to nodes, which the model does not hold',
      ],
      [38, 'error', 'invalid-policy', 'Invalid value'],
      [44, 'warning', 'not-evaluated', 'a CiliumNetworkPolicy applies in its own namespace (app) only'],
    ]);
    expect(diagnostics.find((d) => d.line === 15)?.message).toContain('taken as allowed at L3/L4');
    expect(diagnostics.find((d) => d.line === 19)?.message).toContain('allows nothing there in the analysis');
    expect(diagnostics.find((d) => d.line === 23)?.message).toContain('the cluster may deny more');
  });

  it('keeps the policies it reads and leaves the rejected and host ones out', () => {
    expect(model.tieredPolicies?.map((p) => `${p.ref.kind}/${p.ref.name}`)).toEqual([
      'CiliumNetworkPolicy/not-evaluated',
      'CiliumNetworkPolicy/foreign-namespace',
    ]);
    // The namespace a CNP's endpointSelector names is dropped: it applies in its own.
    expect(model.tieredPolicies?.[1]?.subject).toMatchObject({ namespace: 'app', podSelector: {} });
  });
});

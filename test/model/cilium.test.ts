import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { objectsFromYaml } from './objects.js';

const FILE = 'fixtures/manifests/cilium-not-evaluated/policies.yaml';

describe('Cilium policies: what the engine does not evaluate is named, never skipped', () => {
  const { model, diagnostics } = buildModel(objectsFromYaml(readFileSync(FILE, 'utf8'), FILE));
  const said = diagnostics
    .filter((d) => d.code !== 'default-namespace')
    .map((d) => [d.line, d.severity, d.code, d.message.replace(/^\S+ \S+: /, '').split(':')[0]])
    // By line: what the model resolves after reading (toServices) is said after what the reader says.
    .sort((a, b) => Number(a[0]) - Number(b[0]));

  it('names each field at its line with its effect, and rejects what the API server rejects', () => {
    expect(said).toEqual([
      [15, 'warning', 'not-evaluated', 'HTTP headers are not in recorded flows'],
      [16, 'warning', 'not-evaluated', 'ICMP is not evaluated'],
      [17, 'warning', 'not-evaluated', 'mutual authentication is not evaluated'],
      [
        19,
        'warning',
        'depends-on-dns',
        "toFQDNs allows the addresses DNS answers gave the names it matches, where the pods' DNS goes through Cilium's DNS proxy",
      ],
      [
        20,
        'warning',
        'not-evaluated',
        'toServices matches no Service of the tree (a Service named db in namespace app)',
      ],
      [21, 'warning', 'not-evaluated', 'cidrGroupRef names a CiliumCIDRGroup'],
      [
        29,
        'warning',
        'not-evaluated',
        'a host policy (nodeSelector) applies to nodes, which the model does not hold',
      ],
      [38, 'error', 'invalid-policy', 'Invalid value'],
      [44, 'warning', 'not-evaluated', 'a CiliumNetworkPolicy applies in its own namespace (app) only'],
    ]);
    expect(diagnostics.find((d) => d.line === 15)?.message).toContain('only partly checked');
    expect(diagnostics.find((d) => d.line === 19)?.message).toContain(
      'unknown (depends on DNS), and this rule allows nothing there in the analysis',
    );
    // The node-side entities are peers of their own (policy/entities.ts): nothing to say about them.
    expect(diagnostics.filter((d) => d.line === 10 || d.line === 23)).toEqual([]);
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

describe('Cilium toServices: resolved against the Services of the tree', () => {
  const file = 'fixtures/engine/cilium-services/manifests.yaml';
  const { model, diagnostics } = buildModel(objectsFromYaml(readFileSync(file, 'utf8'), file));

  it('says a selector-less Service stands for addresses, not pods, at the reference', () => {
    expect(diagnostics.filter((d) => d.code === 'not-evaluated').map((d) => [d.line, d.message])).toEqual([
      [
        76,
        'CiliumNetworkPolicy service-labels-rule: Service default/external-db has no selector: Cilium allows the ' +
          'addresses of its EndpointSlices, which the tree does not hold and which are no pods (a CIDR rule ' +
          'matches no pod): not evaluated, this rule allows nothing there in the analysis',
      ],
    ]);
  });

  it("adds each Service's selector in its namespace to the rule's peers", () => {
    const rule = model.tieredPolicies?.find((p) => p.ref.name === 'service-rule')?.egress[0];
    expect(rule?.peers).toEqual([
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } },
        podSelector: { matchLabels: { app: 'backend' } },
        path: ['spec', 'egress', 0, 'toServices', 0, 'k8sService'],
      },
    ]);
  });
});

describe('AdminNetworkPolicy and BaselineAdminNetworkPolicy under cni: cilium', () => {
  const file = 'fixtures/engine/cilium-admin-network-policy/manifests.yaml';
  const objects = objectsFromYaml(readFileSync(file, 'utf8'), file);

  it('names each in a not-evaluated warning: Cilium implements neither', () => {
    const { diagnostics } = buildModel(objects, { cni: 'cilium' });
    expect(
      diagnostics.filter((d) => d.code === 'not-evaluated').map((d) => [d.line, d.resource?.kind, d.message]),
    ).toEqual([
      [
        20,
        'AdminNetworkPolicy',
        'Cilium does not implement AdminNetworkPolicy (policy.networking.k8s.io/v1alpha1; it enforces ' +
          'ClusterNetworkPolicy v1alpha2 with enable-k8s-cluster-network-policy instead): under cni: cilium the ' +
          'analysis leaves it out, as the cluster does',
      ],
      [
        31,
        'BaselineAdminNetworkPolicy',
        expect.stringContaining('Cilium does not implement BaselineAdminNetworkPolicy'),
      ],
    ]);
  });

  it('says nothing of them under cni: generic, which evaluates them', () => {
    const { diagnostics } = buildModel(objects, { cni: 'generic' });
    expect(diagnostics.filter((d) => d.code === 'not-evaluated')).toEqual([]);
  });
});

describe('Cilium selector operators are spelled as Kubernetes spells them', () => {
  const file = 'fixtures/manifests/cilium-operator-case/policies.yaml';
  const { model, diagnostics } = buildModel(objectsFromYaml(readFileSync(file, 'utf8'), file));

  it('rejects an operator in lower case, in the subject and in a peer, as the CRD schema does', () => {
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.code])).toEqual([
      [11, 'invalid-policy'],
      [23, 'invalid-policy'],
    ]);
    expect(model.tieredPolicies?.map((p) => p.ref.name)).toEqual(['as-kubernetes-spells-it']);
  });
});

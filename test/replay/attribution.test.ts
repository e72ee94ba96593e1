import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RecordedAttribution } from '../../src/flows/types.js';
import { parseManifestText } from '../../src/manifests/load.js';
import { buildModel } from '../../src/model/build.js';
import { createEngine } from '../../src/policy/engine.js';
import { attributionMismatch } from '../../src/replay/attribution.js';

/**
 * Hubble's attribution against the model (docs/flows.md, "What the cluster said decided a flow"): the base of
 * fixtures/scenarios/model-cluster-mismatch, where a CiliumNetworkPolicy admits shop/api into data/postgres, with a
 * NetworkPolicy admitting it too. Cilium's policies of one tier are a union (Documentation/security/policy/intro.rst):
 * the cluster may name either.
 */
const FILE = 'fixtures/scenarios/model-cluster-mismatch/base/shop.yaml';
const NETWORK_POLICY = `
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: postgres-from-api, namespace: data }
spec:
  podSelector: { matchLabels: { app: postgres } }
  ingress:
    - from:
        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: shop } }
          podSelector: { matchLabels: { app: api } }
      ports: [{ port: 5432 }]
`;
const { model } = buildModel(parseManifestText(readFileSync(FILE, 'utf8') + NETWORK_POLICY, FILE).objects, {
  cni: 'cilium',
});
const engine = createEngine(model);
const pod = (name: string) => ({ workload: model.workloads.find((w) => w.name === name)! });
const base = { engine, from: pod('api'), to: pod('postgres') };
const allowedBy = (kind: string | undefined, name: string): RecordedAttribution => ({
  direction: 'ingress',
  action: 'allow',
  policies: [{ ...(kind ? { kind } : {}), namespace: 'data', name }],
});
const mismatch = (recorded: RecordedAttribution) => attributionMismatch(base, recorded, 'TCP', 5432)?.text;

describe('attributionMismatch', () => {
  it('agrees when the cluster names any policy of the union that admits the connection', () => {
    expect(mismatch(allowedBy('CiliumNetworkPolicy', 'postgres-ingress'))).toBeUndefined();
    expect(mismatch(allowedBy('NetworkPolicy', 'postgres-from-api'))).toBeUndefined();
    // Without a kind (older records), by namespace and name.
    expect(mismatch(allowedBy(undefined, 'postgres-from-api'))).toBeUndefined();
  });

  it('differs on a policy the model does not hold, or holds as another kind', () => {
    expect(mismatch(allowedBy('CiliumNetworkPolicy', 'postgres-legacy'))).toMatch(
      /^Hubble recorded ingress allowed by CiliumNetworkPolicy data\/postgres-legacy; at base the manifests say ingress allowed by /,
    );
    expect(mismatch(allowedBy('NetworkPolicy', 'postgres-ingress'))).toBeDefined();
  });

  it('differs on a deny where the model allows, and on the egress side the model leaves open', () => {
    const denied: RecordedAttribution = {
      direction: 'ingress',
      action: 'deny',
      policies: [{ kind: 'CiliumClusterwideNetworkPolicy', name: 'deny-db' }],
    };
    expect(mismatch(denied)).toMatch(/; at base the manifests say ingress allowed by /);
    const egress: RecordedAttribution = {
      direction: 'egress',
      action: 'allow',
      policies: [{ kind: 'CiliumNetworkPolicy', namespace: 'shop', name: 'api-egress' }],
    };
    expect(mismatch(egress)).toBe(
      'Hubble recorded egress allowed by CiliumNetworkPolicy shop/api-egress; at base the manifests say egress ' +
        'allowed: no policy isolates it',
    );
  });
});

/**
 * Names Hubble gives that differ from metadata.name without any mismatch (fixtures/manifests/hubble-attribution-names,
 * whose heading names the Cilium sources): a NetworkPolicy renamed by its annotation, the rules of a `specs` policy,
 * a clusterwide policy without namespace, the kinds as Cilium's `derived-from` label spells them.
 */
describe('attributionMismatch: the names Cilium gives policies', () => {
  const NAMES = 'fixtures/manifests/hubble-attribution-names/policies.yaml';
  const named = buildModel(parseManifestText(readFileSync(NAMES, 'utf8'), NAMES).objects, { cni: 'cilium' });
  const namedEngine = createEngine(named.model);
  const at = (name: string) => ({ workload: named.model.workloads.find((w) => w.name === name)! });
  const says = (
    from: string,
    direction: 'ingress' | 'egress',
    policy: RecordedAttribution['policies'][number],
    port = 5432,
  ) =>
    attributionMismatch(
      { engine: namedEngine, from: at(from), to: at('postgres') },
      { direction, action: 'allow', policies: [policy] },
      'TCP',
      port,
    )?.text;

  it('reads the fixture without diagnostics beyond the defaults', () => {
    expect(named.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('takes a NetworkPolicy by the name its policy.cilium.io/name or io.cilium.name annotation gives', () => {
    const kind = 'NetworkPolicy';
    expect(says('api', 'ingress', { kind, namespace: 'data', name: 'postgres-primary' })).toBeUndefined();
    expect(says('batch', 'ingress', { kind, namespace: 'data', name: 'legacy-db' })).toBeUndefined();
    // Cilium never calls it by metadata.name then: a cluster that does holds the policy without the annotation.
    expect(says('api', 'ingress', { kind, namespace: 'data', name: 'postgres-from-api' })).toMatch(
      /^Hubble recorded ingress allowed by NetworkPolicy data\/postgres-from-api; at base the manifests say ingress allowed by NetworkPolicy data\/postgres-from-api /,
    );
  });

  it('takes every rule of a specs policy by its metadata.name, which an annotation does not change', () => {
    const policy = { kind: 'CiliumNetworkPolicy', namespace: 'shop', name: 'web-egress' };
    expect(says('web', 'egress', policy)).toBeUndefined();
    expect(says('web', 'egress', { ...policy, name: 'ignored-for-cilium-kinds' })).toBeDefined();
  });

  it('takes a clusterwide policy without a namespace, by the kind Cilium spells', () => {
    const policy = { kind: 'CiliumClusterwideNetworkPolicy', name: 'db-from-web' };
    expect(says('web', 'ingress', policy)).toBeUndefined();
    expect(says('web', 'ingress', { name: 'db-from-web' })).toBeUndefined();
    expect(says('web', 'ingress', { ...policy, kind: 'CiliumNetworkPolicy' })).toBeDefined();
    expect(says('web', 'ingress', { ...policy, namespace: 'data' })).toBeDefined();
  });
});

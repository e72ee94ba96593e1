import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../../src/manifests/load.js';
import { buildModel } from '../../src/model/build.js';
import { createEngine } from '../../src/policy/engine.js';
import { standsFor, withRepresentatives } from '../../src/policy/representatives.js';
import { compileSelector, REPRESENTED_VALUE } from '../../src/policy/selector.js';

/** Sources that reach `shop/api` on TCP 8080, by the name reports give them. */
function sourcesOfApi(yaml: string): string[] {
  const model = withRepresentatives(buildModel(parseManifestText(yaml, 'm.yaml').objects).model);
  const engine = createEngine(model);
  const api = model.workloads.find((w) => w.name === 'api')!;
  return model.workloads
    .filter((w) => w !== api && engine.isAllowed({ workload: w }, { workload: api }, 'TCP', 8080))
    .map((w) => w.representative ?? `${w.namespace}/${w.name}`)
    .sort();
}

const API = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec: { template: { metadata: { labels: { app: api } } } }
`;

describe('representative peers (docs/partial-trees.md)', () => {
  it('include any pod in any namespace, so a default deny is seen closing it', () => {
    expect(sourcesOfApi(API)).toEqual(['any pod in any namespace (not in this repository)']);
    const denied = `${API}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: shop }
spec: { podSelector: {}, policyTypes: [Ingress] }
`;
    expect(sourcesOfApi(denied)).toEqual([]);
  });

  it('are admitted by a NotIn or DoesNotExist only when every pod they stand for is', () => {
    const policy = `${API}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: from-non-prod, namespace: shop }
spec:
  podSelector: {}
  ingress:
    - from:
        - namespaceSelector: { matchExpressions: [{ key: env, operator: NotIn, values: [prod] }] }
        - namespaceSelector: { matchExpressions: [{ key: tier, operator: In, values: [a, b] }] }
          podSelector: { matchExpressions: [{ key: team, operator: Exists }] }
    - from:
        - namespaceSelector: { matchExpressions: [{ key: tier, operator: NotIn, values: [a] }] }
`;
    // Not "any pod in any namespace": a namespace labelled env=prod is one. Namespaces tier in (a,b) are not all
    // outside tier notin (a), so their pods are admitted by the first rule's second peer only.
    expect(sourcesOfApi(policy)).toEqual([
      'any pod in namespaces env notin (prod) (not in this repository)',
      'any pod in namespaces tier notin (a) (not in this repository)',
      'any pod team in namespaces tier in (a,b) (not in this repository)',
    ]);
  });

  it('are one for selectors that mean the same, named as first written', () => {
    const policy = `${API}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: monitoring, namespace: shop }
spec:
  podSelector: {}
  ingress:
    - from: [{ namespaceSelector: { matchLabels: { role: monitoring } } }]
    - from: [{ namespaceSelector: { matchExpressions: [{ key: role, operator: In, values: [monitoring] }] } }]
`;
    expect(sourcesOfApi(policy)).toEqual(['any pod in namespaces role=monitoring (not in this repository)']);
  });
});

describe('represented label values', () => {
  const holds = (selector: Parameters<typeof compileSelector>[0], value: string) =>
    compileSelector(selector)({ k: value });
  it('satisfy a requirement only when every value they stand for does', () => {
    const oneOf = REPRESENTED_VALUE.oneOf(['a', 'b']);
    expect(holds({ matchExpressions: [{ key: 'k', operator: 'In', values: ['a', 'b', 'c'] }] }, oneOf)).toBe(
      true,
    );
    expect(holds({ matchExpressions: [{ key: 'k', operator: 'In', values: ['a'] }] }, oneOf)).toBe(false);
    expect(holds({ matchLabels: { k: 'a' } }, oneOf)).toBe(false);
    expect(holds({ matchExpressions: [{ key: 'k', operator: 'NotIn', values: ['c'] }] }, oneOf)).toBe(true);
    expect(holds({ matchExpressions: [{ key: 'k', operator: 'Exists' }] }, oneOf)).toBe(true);
    const noneOf = REPRESENTED_VALUE.noneOf(['x', 'y']);
    expect(holds({ matchExpressions: [{ key: 'k', operator: 'NotIn', values: ['x'] }] }, noneOf)).toBe(true);
    expect(holds({ matchExpressions: [{ key: 'k', operator: 'NotIn', values: ['z'] }] }, noneOf)).toBe(false);
    expect(holds({ matchExpressions: [{ key: 'k', operator: 'DoesNotExist' }] }, noneOf)).toBe(false);
    expect(holds({ matchExpressions: [{ key: 'k', operator: 'Exists' }] }, REPRESENTED_VALUE.present)).toBe(
      true,
    );
    expect(
      holds(
        { matchExpressions: [{ key: 'k', operator: 'NotIn', values: ['x'] }] },
        REPRESENTED_VALUE.present,
      ),
    ).toBe(false);
    for (const operator of ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const)
      expect(
        holds({ matchExpressions: [{ key: 'k', operator, values: ['x'] }] }, REPRESENTED_VALUE.unknown),
      ).toBe(false);
  });
});

describe('standsFor: which pods outside the tree a representative stands for', () => {
  const policy = `${API}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: callers, namespace: shop }
spec:
  podSelector: { matchLabels: { app: api } }
  ingress:
    - from:
        - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: payments } }
          podSelector: { matchExpressions: [{ key: app, operator: In, values: [ledger, billing] }] }
        - namespaceSelector: { matchLabels: { team: data } }
`;
  const model = withRepresentatives(buildModel(parseManifestText(policy, 'm.yaml').objects).model);
  const representative = (text: string) => model.workloads.find((w) => w.representative?.startsWith(text))!;
  const pod = (namespace: string, labels: Record<string, string>) => ({
    ...model.workloads[0]!,
    id: `${namespace}/Pod/p`,
    namespace,
    labels,
  });
  const named = representative('any pod app in (ledger,billing) in namespace payments');
  const labelled = representative('any pod in namespaces team=data');

  it('a named namespace: pods there that its selector matches, expressions included', () => {
    expect(standsFor(named, pod('payments', { app: 'ledger' }), {})).toBe(true);
    expect(standsFor(named, pod('payments', { app: 'web' }), {})).toBe(false);
    expect(standsFor(named, pod('billing', { app: 'ledger' }), {})).toBe(false);
  });

  it('an unnamed namespace: pods in every namespace whose labels its namespace selector matches', () => {
    expect(standsFor(labelled, pod('warehouse', { app: 'x' }), { team: 'data' })).toBe(true);
    expect(standsFor(labelled, pod('warehouse', { app: 'x' }), { team: 'web' })).toBe(false);
  });

  it('a workload of the tree stands for nothing', () => {
    const api = model.workloads.find((w) => w.name === 'api')!;
    expect(standsFor(api, pod('shop', { app: 'api' }), {})).toBe(false);
  });
});

import fc from 'fast-check';
import { buildModel, type BuildModelOptions } from '../../src/model/build.js';
import type { ClusterModel } from '../../src/model/types.js';
import { objectFrom } from '../model/objects.js';

/** Small random clusters for property tests: three namespaces, a few pods and policies over a few labels. */

export type Manifest = Record<string, unknown>;

export const NAMESPACES = ['ns1', 'ns2', 'ns3'];
const labelValue = fc.constantFrom('a', 'b', 'c');
const labels = fc.record({ app: labelValue, tier: labelValue }, { requiredKeys: [] });

const selector = fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: labels }),
  fc.record({
    matchExpressions: fc.array(
      fc.oneof(
        fc.record({
          key: fc.constantFrom('app', 'tier', 'env'),
          operator: fc.constantFrom('In', 'NotIn'),
          values: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'prod', 'dev'), {
            minLength: 1,
            maxLength: 2,
          }),
        }),
        fc.record({
          key: fc.constantFrom('app', 'tier', 'env'),
          operator: fc.constantFrom('Exists', 'DoesNotExist'),
        }),
      ),
      { minLength: 1, maxLength: 2 },
    ),
  }),
);

const ipBlock = fc.constantFrom(
  { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] },
  { cidr: '192.168.0.0/16' },
  { cidr: '::/0' },
);

const peer = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: selector }),
  fc.record({ namespaceSelector: selector, podSelector: selector }),
  fc.record({ ipBlock }),
);

const port = fc.oneof(
  fc.record(
    { protocol: fc.constantFrom('TCP', 'UDP', 'SCTP'), port: fc.constantFrom(53, 80, 443, 8080) },
    { requiredKeys: ['port'] },
  ),
  fc.record(
    { port: fc.constantFrom('http', 'dns'), protocol: fc.constantFrom('TCP', 'UDP') },
    { requiredKeys: ['port'] },
  ),
  fc.record({ port: fc.constant(8000), endPort: fc.constantFrom(8000, 8080, 9000) }),
  fc.record({ protocol: fc.constantFrom('TCP', 'UDP', 'SCTP') }),
);

export const rule = (peersField: 'from' | 'to') =>
  fc.record(
    {
      [peersField]: fc.array(peer, { minLength: 1, maxLength: 2 }),
      ports: fc.array(port, { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: [] },
  );

export const pod = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  labels,
  httpPort: fc.constantFrom(8080, 9090),
  ip: fc.option(fc.constantFrom('10.1.2.3', '10.2.3.4', '192.168.1.1'), { nil: undefined }),
  hostNetwork: fc.boolean(),
});

export const policy = fc.record({
  namespace: fc.constantFrom(...NAMESPACES),
  podSelector: selector,
  // Explicit types, so adding a rule never changes which directions a policy isolates.
  policyTypes: fc.subarray(['Ingress', 'Egress'], { minLength: 1 }),
  ingress: fc.array(rule('from'), { maxLength: 2 }),
  egress: fc.array(rule('to'), { maxLength: 2 }),
});

export const cluster = fc.record({
  namespaceEnv: fc.tuple(...NAMESPACES.map(() => fc.constantFrom('prod', 'dev'))),
  pods: fc.array(pod, { minLength: 2, maxLength: 6 }),
  policies: fc.array(policy, { maxLength: 4 }),
});
export type Cluster = typeof cluster extends fc.Arbitrary<infer T> ? T : never;

export function manifests(c: Cluster): Manifest[] {
  return [
    ...NAMESPACES.map((name, i) => ({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { env: c.namespaceEnv[i] } },
    })),
    ...c.pods.map((p, i) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pod-${i}`, namespace: p.namespace, labels: p.labels },
      spec: { containers: podContainers(p.httpPort) },
      ...(p.ip ? { status: { podIP: p.ip } } : {}),
      ...(p.hostNetwork ? { spec: { hostNetwork: true, containers: podContainers(p.httpPort) } } : {}),
    })),
    ...c.policies.map((p, i) => policyManifest(`policy-${i}`, p)),
  ];
}

function podContainers(httpPort: number): Manifest[] {
  return [
    {
      name: 'main',
      ports: [
        { name: 'http', containerPort: httpPort },
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
      ],
    },
  ];
}

export function policyManifest(name: string, p: { namespace: string } & Manifest): Manifest {
  const { namespace, ...spec } = p;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

export function modelOf(objects: readonly Manifest[], options: BuildModelOptions = {}): ClusterModel {
  return buildModel(
    objects.map((o) => objectFrom(o)),
    options,
  ).model;
}

/** Cilium's agent settings that change verdicts (`model/cni.ts`), for trees analysed under `cni: cilium`. */
export const ciliumSettings = fc.record({
  policyEnforcementMode: fc.constantFrom('default' as const, 'always' as const, 'never' as const),
  policyCIDRMatchMode: fc.constantFrom([] as 'nodes'[], ['nodes' as const]),
  policyAuditMode: fc.constant(false),
  clusterName: fc.constantFrom('default', 'prod'),
  clusterNetworkPolicy: fc.boolean(),
  // Cilium's label filter: the defaults, or one that leaves a label of the generated pods out of their identity.
  identityLabels: fc.constantFrom([] as string[], ['!tier']),
});

/** A cluster and its manifests in a random order. */
export const shuffledCluster = cluster.chain((c) =>
  fc.tuple(fc.constant(c), fc.shuffledSubarray(manifests(c), { minLength: manifests(c).length })),
);

/** AdminNetworkPolicy and BaselineAdminNetworkPolicy (v1alpha1) over the same namespaces and labels. */
const clusterPeer = fc.oneof(
  fc.record({ namespaces: selector }),
  fc.record({ pods: fc.record({ namespaceSelector: selector, podSelector: selector }) }),
);
const clusterEgressPeer = fc.oneof(
  clusterPeer,
  fc.record({
    networks: fc.subarray(['10.1.0.0/16', '10.0.0.0/8', '192.168.1.0/24', '0.0.0.0/0'], { minLength: 1 }),
  }),
);
const clusterPort = fc.oneof(
  fc.record({
    portNumber: fc.record({ protocol: fc.constantFrom('TCP', 'UDP'), port: fc.constantFrom(53, 80, 8080) }),
  }),
  fc.record({
    portRange: fc.record({
      protocol: fc.constant('TCP'),
      start: fc.constant(8000),
      end: fc.constantFrom(8080, 9000),
    }),
  }),
);
const clusterRule = (actions: readonly string[], peersField: 'from' | 'to') =>
  fc.record(
    {
      action: fc.constantFrom(...actions),
      [peersField]: fc.array(peersField === 'to' ? clusterEgressPeer : clusterPeer, {
        minLength: 1,
        maxLength: 2,
      }),
      ports: fc.array(clusterPort, { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: ['action', peersField] },
  );
const clusterSpec = (actions: readonly string[]) =>
  fc.record(
    {
      subject: fc.oneof(
        fc.record({ namespaces: selector }),
        fc.record({ pods: fc.record({ namespaceSelector: selector, podSelector: selector }) }),
      ),
      ingress: fc.array(clusterRule(actions, 'from'), { maxLength: 3 }),
      egress: fc.array(clusterRule(actions, 'to'), { maxLength: 3 }),
    },
    { requiredKeys: ['subject'] },
  );

export const tieredCluster = fc.record({
  base: cluster,
  admin: fc.array(clusterSpec(['Allow', 'Deny', 'Pass']), { maxLength: 3 }),
  baseline: fc.option(clusterSpec(['Allow', 'Deny']), { nil: undefined }),
});
export type TieredCluster = typeof tieredCluster extends fc.Arbitrary<infer T> ? T : never;

export function tieredManifests(c: TieredCluster): Manifest[] {
  const apiVersion = 'policy.networking.k8s.io/v1alpha1';
  return [
    ...manifests(c.base),
    ...c.admin.map((spec, i) => ({
      apiVersion,
      kind: 'AdminNetworkPolicy',
      metadata: { name: `anp-${i}` },
      spec: { priority: 10 * (i + 1), ...spec },
    })),
    ...(c.baseline
      ? [{ apiVersion, kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec: c.baseline }]
      : []),
  ];
}

/** Cilium endpoint selectors: plain (the policy's namespace for a CNP), or naming a namespace as Cilium spells it. */
const ciliumSelector = fc.oneof(
  selector,
  fc.record({
    matchLabels: fc.record({
      'k8s:io.kubernetes.pod.namespace': fc.constantFrom(...NAMESPACES),
      app: labelValue,
    }),
  }),
);
const ciliumPorts = fc.array(
  fc.record({
    ports: fc.array(
      fc.oneof(
        fc.record(
          { port: fc.constantFrom('53', '80', '0', 'http'), protocol: fc.constantFrom('TCP', 'UDP', 'ANY') },
          { requiredKeys: ['port'] },
        ),
        fc.record({ port: fc.constant('8000'), endPort: fc.constantFrom(8080, 9000) }),
      ),
      { minLength: 1, maxLength: 2 },
    ),
  }),
  { minLength: 1, maxLength: 2 },
);
/** DNS through Cilium's proxy (port 53 with DNS rules): the DNS visibility toFQDNs needs (`policy/fqdn.ts`). */
const ciliumDnsPorts = fc.record({
  ports: fc.constant([{ port: '53', protocol: 'ANY' }]),
  rules: fc.record({
    dns: fc.array(
      fc.oneof(
        fc.record({ matchPattern: fc.constantFrom('*', '*.example.com') }),
        fc.record({ matchName: fc.constant('api.github.com') }),
      ),
      { minLength: 1, maxLength: 2 },
    ),
  }),
});
/** toFQDNs names and patterns, each a DNS name peer of its own (`policy/fqdn.ts`). */
const fqdnSelectors = fc.array(
  fc.oneof(
    fc.record({ matchName: fc.constantFrom('api.github.com', 'a.example.com') }),
    fc.record({ matchPattern: fc.constantFrom('*', '*.example.com', '**.example.com') }),
  ),
  { minLength: 1, maxLength: 2 },
);
const ciliumRule = (ingress: boolean) =>
  fc.record(
    {
      [ingress ? 'fromEndpoints' : 'toEndpoints']: fc.array(ciliumSelector, { minLength: 1, maxLength: 2 }),
      [ingress ? 'fromEntities' : 'toEntities']: fc.subarray(['world', 'cluster', 'all'], { minLength: 1 }),
      [ingress ? 'fromCIDRSet' : 'toCIDRSet']: fc.constant([{ cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }]),
      ...(ingress ? {} : { toFQDNs: fqdnSelectors }),
      toPorts: ingress ? ciliumPorts : fc.oneof(ciliumPorts, fc.tuple(ciliumDnsPorts)),
    },
    { requiredKeys: [] },
  );
const ciliumSpec = fc.record(
  {
    endpointSelector: selector,
    ingress: fc.array(ciliumRule(true), { maxLength: 2 }),
    ingressDeny: fc.array(ciliumRule(true), { maxLength: 1 }),
    egress: fc.array(ciliumRule(false), { maxLength: 2 }),
    egressDeny: fc.array(ciliumRule(false), { maxLength: 1 }),
    enableDefaultDeny: fc.record({ ingress: fc.boolean(), egress: fc.boolean() }, { requiredKeys: [] }),
  },
  { requiredKeys: ['endpointSelector'] },
);

/**
 * NetworkPolicies with CiliumNetworkPolicies (by namespace) and CiliumClusterwideNetworkPolicies, and admin policies.
 * Their egress rules may name toFQDNs names and send DNS through the proxy.
 */
export const ciliumCluster = fc.record({
  tiered: tieredCluster,
  namespaced: fc.array(fc.record({ namespace: fc.constantFrom(...NAMESPACES), spec: ciliumSpec }), {
    maxLength: 3,
  }),
  clusterwide: fc.array(ciliumSpec, { maxLength: 2 }),
});
export type CiliumCluster = typeof ciliumCluster extends fc.Arbitrary<infer T> ? T : never;

export function ciliumManifests(c: CiliumCluster): Manifest[] {
  return [
    ...tieredManifests(c.tiered),
    ...c.namespaced.map(({ namespace, spec }, i) => ({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNetworkPolicy',
      metadata: { name: `cnp-${i}`, namespace },
      spec,
    })),
    ...c.clusterwide.map((spec, i) => ({
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumClusterwideNetworkPolicy',
      metadata: { name: `ccnp-${i}` },
      spec,
    })),
  ];
}

import { describe, expect, it } from 'vitest';
import { createFlowMatcher, type MatchedEndpoint } from '../../src/flows/match.js';
import type { FlowEndpoint } from '../../src/flows/types.js';
import type { ClusterModel, Labels, Service, Workload } from '../../src/model/types.js';

const loc = { file: 'cluster.yaml', line: 1, column: 1 };

function workload(
  namespace: string,
  kind: string,
  name: string,
  labels: Labels,
  ips: string[] = [],
): Workload {
  return { id: `${namespace}/${kind}/${name}`, namespace, kind, name, labels, ports: [], ips, loc };
}

function service(
  namespace: string,
  name: string,
  selector: Labels | undefined,
  clusterIPs: string[],
): Service {
  return { namespace, name, ...(selector ? { selector } : {}), clusterIPs, ports: [], loc };
}

const frontend = workload('shop', 'Deployment', 'frontend', { app: 'frontend' });
const frontendCanary = workload('shop', 'Deployment', 'frontend-canary', {
  app: 'frontend',
  track: 'canary',
});
const apiBlue = workload('shop', 'Deployment', 'api-blue', { app: 'api', color: 'blue' });
const apiGreen = workload('shop', 'Deployment', 'api-green', { app: 'api', color: 'green' });
const unlabelled = workload('shop', 'Pod', 'debug', {});
const postgres = workload('data', 'StatefulSet', 'postgres', { app: 'postgres' }, ['10.8.2.21', 'fd00::21']);
const postgresReplica = workload('data', 'StatefulSet', 'postgres-replica', { app: 'postgres-replica' });
const cacheA = workload('data', 'Deployment', 'cache-a', { app: 'cache' });
const cacheB = workload('data', 'Deployment', 'cache-b', { app: 'cache' });
const sameNameJob = workload('data', 'Job', 'postgres', { job: 'migrate' });

const model: ClusterModel = {
  namespaces: new Map(),
  workloads: [
    frontend,
    frontendCanary,
    apiBlue,
    apiGreen,
    unlabelled,
    postgres,
    postgresReplica,
    cacheA,
    cacheB,
    sameNameJob,
  ],
  services: [
    service('data', 'postgres', { app: 'postgres' }, ['10.96.0.20']),
    service('data', 'cache', { app: 'cache' }, ['10.96.0.30']),
    service('shop', 'api', { app: 'api' }, ['10.96.0.40']),
    service('shop', 'external-db', undefined, ['10.96.0.50']),
    service('shop', 'nothing', { app: 'nothing' }, ['10.96.0.60']),
  ],
  policies: [],
};

const { match } = createFlowMatcher(model, {
  podCidrs: ['10.8.0.0/16', 'fd00::/64'],
  serviceCidrs: ['10.96.0.0/12'],
});

function matched(endpoint: FlowEndpoint): string {
  const result: MatchedEndpoint = match(endpoint);
  if ('workload' in result) return result.workload.id;
  if ('ip' in result) return `ip ${result.ip}`;
  return `unmatched: ${result.unmatched}`;
}

describe('createFlowMatcher', () => {
  it.each<[string, FlowEndpoint, string]>([
    // pods by labels
    [
      'a pod whose labels include the workload labels',
      { namespace: 'shop', labels: { app: 'frontend', 'pod-template-hash': '7d9f8c6b5' } },
      'shop/Deployment/frontend',
    ],
    [
      'the longest label set when several fit',
      { namespace: 'shop', labels: { app: 'frontend', track: 'canary', 'pod-template-hash': 'x' } },
      'shop/Deployment/frontend-canary',
    ],
    [
      "the flow's workload name when several fit",
      {
        namespace: 'shop',
        labels: { app: 'frontend', track: 'canary' },
        workload: { kind: 'Deployment', name: 'frontend' },
      },
      'shop/Deployment/frontend',
    ],
    [
      'labels alone when the named workload is not in the model',
      {
        namespace: 'shop',
        labels: { app: 'frontend' },
        workload: { kind: 'ReplicaSet', name: 'frontend-7d9f8c6b5' },
      },
      'shop/Deployment/frontend',
    ],
    [
      'no guess between equally good workloads',
      { namespace: 'data', labels: { app: 'cache' } },
      'unmatched: ambiguous: Deployment/cache-a, Deployment/cache-b',
    ],
    [
      'no match for labels no workload has (an unlabelled pod is never a subset match)',
      { namespace: 'shop', labels: { app: 'unknown' } },
      'unmatched: no workload in namespace shop has a subset of the labels app=unknown',
    ],
    [
      'labels in another namespace',
      { namespace: 'monitoring', labels: { app: 'frontend' } },
      'unmatched: no workload in namespace monitoring has a subset of the labels app=frontend',
    ],
    ['labels without a namespace', { labels: { app: 'frontend' } }, 'unmatched: pod without a namespace'],
    // pods by name (native and Calico-free logs)
    ['a workload by name', { namespace: 'shop', workload: { name: 'frontend' } }, 'shop/Deployment/frontend'],
    [
      'a workload by Kind/name',
      { namespace: 'data', workload: { kind: 'Job', name: 'postgres' } },
      'data/Job/postgres',
    ],
    [
      'a name two kinds share',
      { namespace: 'data', workload: { name: 'postgres' } },
      'unmatched: ambiguous: Job/postgres, StatefulSet/postgres',
    ],
    [
      'a name that is not in the namespace',
      { namespace: 'shop', workload: { kind: 'Deployment', name: 'gone' } },
      'unmatched: no workload Deployment/gone in namespace shop',
    ],
    // addresses
    ['a pod IP a workload states', { ip: '10.8.2.21' }, 'data/StatefulSet/postgres'],
    ['an IPv6 pod IP written differently', { ip: 'fd00:0:0:0::21' }, 'data/StatefulSet/postgres'],
    ['a Service ClusterIP, through its selector', { ip: '10.96.0.20' }, 'data/StatefulSet/postgres'],
    [
      'a Service whose workloads carry identical labels',
      { namespace: 'data', ip: '10.96.0.30' },
      'data/Deployment/cache-a',
    ],
    [
      'a Service selecting workloads with different labels',
      { ip: '10.96.0.40' },
      'unmatched: ambiguous: Service shop/api selects Deployment/api-blue, Deployment/api-green',
    ],
    [
      'a Service without selector',
      { ip: '10.96.0.50' },
      'unmatched: Service shop/external-db has no selector',
    ],
    [
      'a Service selecting nothing',
      { ip: '10.96.0.60' },
      'unmatched: Service shop/nothing selects no workload',
    ],
    [
      'an unknown address in the pod CIDRs',
      { ip: '10.8.9.9' },
      'unmatched: 10.8.9.9 is in the pod CIDRs but no workload states it',
    ],
    [
      'an unknown address in the Service CIDRs',
      { ip: '10.100.0.1' },
      'unmatched: 10.100.0.1 is in the Service CIDRs but no Service has it as ClusterIP',
    ],
    ['an address outside the cluster', { ip: '203.0.113.9' }, 'ip 203.0.113.9'],
    ['not an address', { ip: 'example.com' }, 'unmatched: example.com is not an IP address'],
    // reserved identities
    ['the world with its address', { reserved: 'world', ip: '198.51.100.7' }, 'ip 198.51.100.7'],
    [
      'the world at a ClusterIP (kube-proxy translates after Cilium sees it)',
      { reserved: 'world', ip: '10.96.0.20' },
      'data/StatefulSet/postgres',
    ],
    ['the world without address', { reserved: 'world' }, 'unmatched: reserved:world without an IP address'],
    // Cilium's node-side identities are entity peers (policy/entities.ts); Hubble joins several with +.
    ['a node', { reserved: 'host', ip: '172.18.0.2' }, '*entity/Entity/host'],
    ['another node', { reserved: 'remote-node' }, '*entity/Entity/remote-node'],
    ['the API server', { reserved: 'kube-apiserver' }, '*entity/Entity/kube-apiserver'],
    [
      'the API server on the local node',
      { reserved: 'host+kube-apiserver' },
      '*entity/Entity/host+kube-apiserver',
    ],
    [
      'the API server outside the cluster, at its address',
      { reserved: 'kube-apiserver+world', ip: '203.0.113.20' },
      '*entity/Entity/kube-apiserver@203.0.113.20',
    ],
    ['an identity that is no entity', { reserved: 'unknown' }, 'unmatched: reserved:unknown is not a pod'],
    // nothing to go on
    [
      'a namespace alone',
      { namespace: 'shop' },
      'unmatched: only the namespace shop is known (no labels, workload or IP)',
    ],
    ['an empty endpoint', {}, 'unmatched: no namespace, labels or IP'],
  ])('matches %s', (_name, endpoint, expected) => {
    expect(matched(endpoint)).toBe(expected);
  });

  it('treats every address as external when no CIDRs are configured', () => {
    const bare = createFlowMatcher(model);
    expect(bare.match({ ip: '10.8.9.9' })).toEqual({ ip: '10.8.9.9' });
    expect(bare.match({ ip: '10.96.0.20' })).toEqual({ workload: postgres });
  });

  it("under cni cilium compares a pod's labels as Cilium's identity holds them, as Hubble records them", () => {
    // A cluster dump's StatefulSet pods carry labels Cilium's label filter drops (pkg/labelsfilter/filter.go):
    // Hubble's endpoint labels are the identity's, without them.
    const dumped = workload('data', 'StatefulSet', 'postgres', {
      app: 'postgres',
      'statefulset.kubernetes.io/pod-name': 'postgres-0',
      'controller-revision-hash': 'postgres-5d8f9c',
    });
    const recorded: FlowEndpoint = { namespace: 'data', labels: { app: 'postgres' } };
    const cluster = { ...model, workloads: [dumped] };
    expect(createFlowMatcher({ ...cluster, cni: 'cilium' }).match(recorded)).toEqual({ workload: dumped });
    expect(createFlowMatcher(cluster).match(recorded)).toEqual({
      unmatched: 'no workload in namespace data has a subset of the labels app=postgres',
    });
  });
});

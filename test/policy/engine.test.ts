import { describe, expect, it } from 'vitest';
import type { Workload } from '../../src/model/types.js';
import { cidrToRange } from '../../src/policy/ip.js';
import type { Connection, Peer } from '../../src/policy/types.js';
import { endpoint, loadFixture } from './fixtures.js';

const { model, engine } = loadFixture('explain');
const web = endpoint(model, 'app/web');
const db = endpoint(model, 'app/db');
const workload = (name: string) => model.workloads.find((w) => w.name === name)!;
const policy = (name: string) => model.policies.find((p) => p.name === name)!;
const names = (items: readonly { name: string }[]) => items.map((i) => i.name).sort();

/** A kube-dns pod as lint imagines it: GitOps repositories rarely declare kube-system. */
const kubeDns: Workload = {
  id: 'kube-system/Deployment/coredns',
  namespace: 'kube-system',
  kind: 'Deployment',
  name: 'coredns',
  labels: { 'k8s-app': 'kube-dns' },
  ports: [{ name: 'dns', port: 53, protocol: 'UDP' }],
  ips: [],
  loc: { file: '(synthetic)', line: 1, column: 1 },
};

describe('engine questions', () => {
  it('lists the workloads a policy selects and the policies that select a workload', () => {
    expect(names(engine.policyWorkloads(policy('default-deny')))).toEqual(['db', 'web']);
    expect(names(engine.policyWorkloads(policy('db-ingress')))).toEqual(['db']);
    expect(names(engine.selectingPolicies(workload('web'), 'egress'))).toEqual([
      'default-deny',
      'web-egress',
    ]);
    expect(names(engine.selectingPolicies(workload('web'), 'ingress'))).toEqual(['default-deny']);
    expect(engine.isIsolated(workload('db'), 'ingress')).toBe(true);
  });

  it('lists the workloads and namespaces a peer matches', () => {
    const [toDb, toDns] = policy('web-egress').egress;
    expect(names(engine.peerWorkloads(policy('web-egress'), toDb!.peers![0]!))).toEqual(['db']);
    expect(engine.peerNamespaces(policy('web-egress'), toDb!.peers![0]!).map((n) => n.name)).toEqual(['app']);
    // kube-system is not in the repository: the peer matches no namespace we know.
    expect(engine.peerNamespaces(policy('web-egress'), toDns!.peers![0]!)).toEqual([]);
    const fromBlock = policy('db-ingress').ingress[1]!.peers![0]!;
    expect(engine.peerNamespaces(policy('db-ingress'), fromBlock)).toEqual([]);
  });

  it('evaluates a workload that is not in the model in its namespace', () => {
    expect(engine.isAllowed(web, { workload: kubeDns }, 'UDP', 53)).toBe(true);
    expect(engine.isAllowed(web, { workload: kubeDns }, 'TCP', 53)).toBe(false);
    expect(engine.isIsolated(kubeDns, 'ingress')).toBe(false);
    // A pod added to a namespace the model has is isolated by that namespace's policies.
    const newcomer: Workload = {
      ...kubeDns,
      id: 'app/Pod/newcomer',
      namespace: 'app',
      name: 'newcomer',
      labels: {},
    };
    expect(engine.selectingPolicies(newcomer, 'ingress').map((p) => p.name)).toEqual(['default-deny']);
    expect(String(engine.allowedPorts({ workload: newcomer }, db))).toBe('No Connections');
  });

  it('explains a denial: each side, its policies and how each rule relates', () => {
    const explanation = engine.explain(web, db, 'TCP', 5433);
    expect(explanation).toMatchObject({ allowed: false, protocol: 'TCP', port: 5433 });
    expect(explanation.egress).toMatchObject({ direction: 'egress', isolated: true, allowed: false });
    expect(
      explanation.egress.policies.map((p) => [
        `${p.policy.kind} ${p.policy.namespace}/${p.policy.name}`,
        `${p.policy.location.file}:${p.policy.location.line}`,
      ]),
    ).toEqual([
      ['NetworkPolicy app/default-deny', 'explain/manifests.yaml:22'],
      ['NetworkPolicy app/web-egress', 'explain/manifests.yaml:40'],
    ]);
    expect(explanation.egress.policies[1]!.rules).toEqual([
      {
        index: 0,
        loc: { file: 'explain/manifests.yaml', line: 47, column: 7 },
        peerMatches: true,
        portMatches: false,
      },
      {
        index: 1,
        loc: { file: 'explain/manifests.yaml', line: 49, column: 7 },
        peerMatches: false,
        portMatches: false,
      },
    ]);
    expect(explanation.ingress.policies.find((p) => p.policy.name === 'db-ingress')!.rules).toMatchObject([
      { index: 0, peerMatches: true, portMatches: false },
      { index: 1, peerMatches: false, portMatches: false },
    ]);
  });

  it('explains an allowed connection and an IP side', () => {
    const allowed = engine.explain(web, db, 'TCP', 5432);
    expect(allowed.allowed).toBe(true);
    const fromIp = engine.explain({ ip: '10.1.2.3' }, db, 'TCP', 5432);
    expect(fromIp.egress).toEqual({ direction: 'egress', isolated: false, allowed: true, policies: [] });
    expect(fromIp.allowed).toBe(true);
  });

  it('never throws on an IP endpoint that is not an address', () => {
    expect(engine.isAllowed({ ip: 'not-an-ip' }, db, 'TCP', 5432)).toBe(false);
    expect(engine.isAllowed(web, { ip: 'not-an-ip' }, 'TCP', 5432)).toBe(false);
  });
});

describe('connectivity', () => {
  const connections = engine.connectivity();
  const text = (peer: Peer) => ('cidr' in peer ? peer.cidr : `${peer.namespace}/${peer.name}`);
  const lines = connections.map(
    (c) => `${text(c.from)} -> ${text(c.to)} ${c.protocol} ${JSON.stringify(c.ports)}`,
  );

  it('lists allowed workload pairs per protocol and leaves self-connections out', () => {
    expect(lines).toContain('app/web -> app/db TCP [[5432,5432]]');
    expect(lines.filter((l) => l.startsWith('app/db -> app/'))).toEqual([]);
    expect(
      connections.some((c) => !('cidr' in c.from) && !('cidr' in c.to) && text(c.from) === text(c.to)),
    ).toBe(false);
  });

  it('cuts external addresses at ipBlock boundaries, merges equal neighbours and writes valid CIDRs', () => {
    expect(lines.filter((l) => l.endsWith('-> app/db TCP [[5432,5432]]') && !l.startsWith('app'))).toEqual([
      '10.0.0.0/13 -> app/db TCP [[5432,5432]]',
      '10.8.0.0/15 -> app/db TCP [[5432,5432]]',
      '10.11.0.0/16 -> app/db TCP [[5432,5432]]',
      '10.12.0.0/14 -> app/db TCP [[5432,5432]]',
      '10.16.0.0/12 -> app/db TCP [[5432,5432]]',
      '10.32.0.0/11 -> app/db TCP [[5432,5432]]',
      '10.64.0.0/10 -> app/db TCP [[5432,5432]]',
      '10.128.0.0/9 -> app/db TCP [[5432,5432]]',
    ]);
    for (const c of connections) {
      for (const peer of [c.from, c.to])
        if ('cidr' in peer) expect(cidrToRange(peer.cidr), peer.cidr).toBeDefined();
    }
  });

  it('gives every port as [[1, 65535]] and sorts by from, to, protocol', () => {
    const open = loadFixture('isolation').engine.connectivity();
    expect(open.find((c) => 'name' in c.from && c.from.name === 'cache' && 'cidr' in c.to)).toMatchObject({
      to: { cidr: '0.0.0.0/0' },
      protocol: 'SCTP',
      ports: [[1, 65535]],
    });
    const keys = open.map(sortKey);
    expect(keys).toEqual([...keys].sort(compareKeys));
  });
});

/** Workloads before CIDRs, workloads by namespace/kind/name, CIDRs by address; then protocol. */
function sortKey(c: Connection): string[] {
  const peer = (p: Peer) =>
    'cidr' in p
      ? `1|${cidrToRange(p.cidr)!.family}|${cidrToRange(p.cidr)!.start.toString().padStart(40, '0')}|${p.cidr}`
      : `0|${p.namespace}\u0000${p.kind}\u0000${p.name}`;
  return [peer(c.from), peer(c.to), c.protocol];
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

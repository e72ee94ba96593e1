import type { LoadedObject } from '../../src/manifests/types.js';
import type { ClusterModel, PolicyPeer } from '../../src/model/types.js';
import { cidrToRange, cutAddressSpace, formatAddress, type IpRange } from '../../src/policy/ip.js';
import { ConnSet } from '../../src/policy/portset.js';
import type { Connection, Direction, Peer, WorkloadPeer } from '../../src/policy/types.js';

/**
 * Writes our connectivity in the text of NP-Guard's `netpol-analyzer list -o txt` (see the README of
 * fixtures/conformance/np-guard): one line per (source, destination) with all protocols joined, workloads as
 * `ns/name[Kind]`, and IPv4 external peers as `first-last[External]` ranges, one per segment of the address space
 * cut at every ipBlock boundary the policies use in that direction. Lines sorted byte-wise.
 */
export function toNpGuardList(model: ClusterModel, connections: readonly Connection[]): string[] {
  const workloadText = npGuardNames(model);
  const internal = new Map<string, ConnSet>();
  const external = new Map<
    string,
    { workload: WorkloadPeer; direction: Direction; entries: { range: IpRange; ports: ConnSet }[] }
  >();
  for (const connection of connections) {
    const ports = ConnSet.of(connection.protocol, connection.ports);
    const { from, to } = connection;
    if (!isCidr(from) && !isCidr(to)) {
      const key = `${workloadText(from)} => ${workloadText(to)}`;
      internal.set(key, (internal.get(key) ?? ConnSet.none()).union(ports));
      continue;
    }
    const [workload, block, direction] = isCidr(to)
      ? [from as WorkloadPeer, to, 'egress' as const]
      : [to as WorkloadPeer, from as { cidr: string }, 'ingress' as const];
    const range = cidrToRange(block.cidr);
    // NP-Guard reports IPv4 only.
    if (!range || range.family !== 4) continue;
    const key = `${workloadText(workload)}|${direction}`;
    const entry = external.get(key) ?? { workload, direction, entries: [] };
    entry.entries.push({ range, ports });
    external.set(key, entry);
  }

  const lines = [...internal].map(([pair, ports]) => `${pair} : ${String(ports)}`);
  const segments = { ingress: npGuardSegments(model, 'ingress'), egress: npGuardSegments(model, 'egress') };
  for (const { workload, direction, entries } of external.values()) {
    for (const segment of segments[direction]) {
      // Our blocks are unions of these segments (split into CIDRs), so the first address speaks for the segment.
      const ports = entries
        .filter((e) => e.range.start <= segment.start && segment.start <= e.range.end)
        .reduce((all, e) => all.union(e.ports), ConnSet.none());
      if (ports.isEmpty()) continue;
      const ip = `${formatAddress(segment.start, 4)}-${formatAddress(segment.end, 4)}[External]`;
      const [src, dst] = direction === 'egress' ? [workloadText(workload), ip] : [ip, workloadText(workload)];
      lines.push(`${src} => ${dst} : ${String(ports)}`);
    }
  }
  return lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The IPv4 space cut at the boundaries of every ipBlock (cidr and except) in one direction of any policy. */
function npGuardSegments(model: ClusterModel, direction: Direction): IpRange[] {
  const ranges = [...model.policies, ...(model.tieredPolicies ?? [])].flatMap((policy) =>
    policy[direction].flatMap((rule: { peers?: readonly PolicyPeer[] }) =>
      (rule.peers ?? []).flatMap((peer) =>
        peer.ipBlock
          ? [peer.ipBlock.cidr, ...peer.ipBlock.except].map(cidrToRange).filter((r) => r !== undefined)
          : [],
      ),
    ),
  );
  return cutAddressSpace(4, ranges);
}

function isCidr(peer: Peer): peer is { cidr: string } {
  return 'cidr' in peer;
}

/**
 * NP-Guard names a pod by its direct owner; we fold the pods of a Deployment's ReplicaSet into the Deployment
 * (issue 17: a cluster dump would otherwise show the Deployment twice), so such a workload is written back under its
 * ReplicaSet's name, `<deployment>-<pod-template-hash>`.
 */
function npGuardNames(model: ClusterModel): (peer: Peer) => string {
  const hashes = new Map<string, string>();
  for (const workload of model.workloads) {
    const hash = workload.labels['pod-template-hash'];
    if (workload.kind === 'Deployment' && hash) hashes.set(workload.id, hash);
  }
  return (peer) => {
    const w = peer as WorkloadPeer;
    const hash = hashes.get(`${w.namespace}/${w.kind}/${w.name}`);
    return hash ? `${w.namespace}/${w.name}-${hash}[ReplicaSet]` : `${w.namespace}/${w.name}[${w.kind}]`;
  };
}

/** Writes the `pods` selectors a policy leaves out as `{}`, in place (each load has its own objects). */
export function defaultPodSelectors(objects: readonly LoadedObject[]): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      const map = value as Record<string, unknown>;
      const pods = map['pods'] as Record<string, unknown> | undefined;
      if (pods !== null && typeof pods === 'object') {
        pods['namespaceSelector'] ??= {};
        pods['podSelector'] ??= {};
      }
      Object.values(map).forEach(visit);
    }
  };
  for (const object of objects) if (object.kind.endsWith('AdminNetworkPolicy')) visit(object.value['spec']);
}

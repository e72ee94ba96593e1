import type { DiffResult, PathChange } from '../check/types.js';
import { PROTOCOLS, type Protocol } from '../model/types.js';
import { cidrToRange, rangeToCidrs, type IpRange } from '../policy/ip.js';
import { ConnSet } from '../policy/portset.js';
import type { CidrPeer, Connection, Peer, PortRange, WorkloadPeer } from '../policy/types.js';
import { isCidrPeer, peerKey } from './peers.js';

/** One side's connectivity and the ids of its workloads (`ns/Kind/name`). */
export interface ConnectivitySide {
  connections: readonly Connection[];
  workloadIds: ReadonlySet<string>;
}

/**
 * Compares connectivity per (from, to, protocol): ports opened and closed between workloads present on both sides,
 * new and gone connections of workloads present on one side only. External blocks are compared after cutting both
 * sides' IP ranges at their common boundaries, so a change in ipBlock boundaries is not mistaken for a change in
 * reachability.
 */
export function diffConnectivity(base: ConnectivitySide, head: ConnectivitySide): DiffResult {
  const result: DiffResult = {
    opened: [],
    closed: [],
    workloadsAdded: [],
    workloadsRemoved: [],
    newConnections: [],
    goneConnections: [],
  };
  // Each side's connectivity repeats the same peer objects: key and look each one up once.
  const keyOf = memoised(peerKey);
  const existsOnBothSides = memoised(
    (peer: Peer) =>
      isCidrPeer(peer) || (base.workloadIds.has(keyOf(peer)) && head.workloadIds.has(keyOf(peer))),
  );

  const baseInternal = internalConnections(base.connections, keyOf);
  const headInternal = internalConnections(head.connections, keyOf);
  const compare = (before: Connection | undefined, after: Connection | undefined) => {
    // Most paths are the same on both sides: equal port lists (ConnSet ranges are canonical) need no set algebra.
    if (before && after && samePorts(before.ports, after.ports)) return;
    const { from, to, protocol } = (after ?? before)!;
    const beforePorts = portsOf(protocol, before);
    const afterPorts = portsOf(protocol, after);
    if (existsOnBothSides(from) && existsOnBothSides(to)) {
      pushChange(result.opened, from, to, protocol, afterPorts.subtract(beforePorts));
      pushChange(result.closed, from, to, protocol, beforePorts.subtract(afterPorts));
    } else {
      pushChange(
        after ? result.newConnections : result.goneConnections,
        from,
        to,
        protocol,
        after ? afterPorts : beforePorts,
      );
    }
  };
  for (const [key, after] of headInternal.entries()) compare(baseInternal.get(key), after);
  for (const [key, before] of baseInternal.entries()) if (!headInternal.has(key)) compare(before, undefined);

  diffExternal(base.connections, head.connections, existsOnBothSides, result);

  result.workloadsAdded = [...head.workloadIds]
    .filter((id) => !base.workloadIds.has(id))
    .sort()
    .map(idToPeer);
  result.workloadsRemoved = [...base.workloadIds]
    .filter((id) => !head.workloadIds.has(id))
    .sort()
    .map(idToPeer);
  for (const list of [result.opened, result.closed, result.newConnections, result.goneConnections])
    list.sort(byPath);
  return result;
}

function idToPeer(id: string): WorkloadPeer {
  const [namespace = '', kind = '', ...name] = id.split('/');
  return { namespace, kind, name: name.join('/') };
}

function portsOf(protocol: Protocol, connection: Connection | undefined): ConnSet {
  return connection ? ConnSet.of(protocol, connection.ports) : ConnSet.none();
}

function pushChange(into: PathChange[], from: Peer, to: Peer, protocol: Protocol, ports: ConnSet): void {
  const ranges = ports.ranges(protocol);
  if (ranges.length > 0)
    into.push({ from, to, protocol, ports: ranges.map((r) => [r[0], r[1]] as PortRange) });
}

function internalConnections(
  connections: readonly Connection[],
  keyOf: (peer: Peer) => string,
): ConnectionIndex {
  const index = new ConnectionIndex();
  for (const c of connections) {
    if (!isCidrPeer(c.from) && !isCidrPeer(c.to)) index.set([keyOf(c.from), keyOf(c.to), c.protocol], c);
  }
  return index;
}

/** Where one connection is: its source's and destination's keys and its protocol. */
type ConnectionKey = readonly [from: string, to: string, protocol: Protocol];

/**
 * Connections by source, destination and protocol. Nested maps on the peers' (shared) keys rather than one map on
 * a joined key: a side of a large cluster has over half a million connections, and a joined string for each was
 * garbage the size of the connection list itself.
 */
class ConnectionIndex {
  private readonly bySource = new Map<string, Map<string, Partial<Record<Protocol, Connection>>>>();

  set([from, to, protocol]: ConnectionKey, connection: Connection): void {
    let byDestination = this.bySource.get(from);
    if (!byDestination) {
      byDestination = new Map();
      this.bySource.set(from, byDestination);
    }
    let byProtocol = byDestination.get(to);
    if (!byProtocol) {
      byProtocol = {};
      byDestination.set(to, byProtocol);
    }
    byProtocol[protocol] = connection;
  }

  get([from, to, protocol]: ConnectionKey): Connection | undefined {
    return this.bySource.get(from)?.get(to)?.[protocol];
  }

  has(key: ConnectionKey): boolean {
    return this.get(key) !== undefined;
  }

  *entries(): Generator<[ConnectionKey, Connection]> {
    for (const [from, byDestination] of this.bySource) {
      for (const [to, byProtocol] of byDestination) {
        for (const protocol of PROTOCOLS) {
          const connection = byProtocol[protocol];
          if (connection) yield [[from, to, protocol], connection];
        }
      }
    }
  }
}

function samePorts(a: readonly PortRange[], b: readonly PortRange[]): boolean {
  return a.length === b.length && a.every((range, i) => range[0] === b[i]![0] && range[1] === b[i]![1]);
}

/** A function of a peer object, computed once per object. */
function memoised<T>(compute: (peer: Peer) => T): (peer: Peer) => T {
  const known = new Map<Peer, T>();
  return (peer) => {
    if (known.has(peer)) return known.get(peer)!;
    const value = compute(peer);
    known.set(peer, value);
    return value;
  };
}

/** The external connections of one workload in one direction and protocol, as IP ranges with their ports. */
interface ExternalGroup {
  workload: WorkloadPeer;
  /** True when the external block is the destination (workload -> block). */
  outbound: boolean;
  protocol: Protocol;
  family: 4 | 6;
  base: { range: IpRange; ports: ConnSet }[];
  head: { range: IpRange; ports: ConnSet }[];
}

function diffExternal(
  baseConnections: readonly Connection[],
  headConnections: readonly Connection[],
  existsOnBothSides: (peer: Peer) => boolean,
  result: DiffResult,
): void {
  const groups = new Map<string, ExternalGroup>();
  const collect = (connections: readonly Connection[], side: 'base' | 'head') => {
    for (const c of connections) {
      const outbound = isCidrPeer(c.to);
      if (outbound === isCidrPeer(c.from)) continue;
      const workload = (outbound ? c.from : c.to) as WorkloadPeer;
      const range = cidrToRange(((outbound ? c.to : c.from) as CidrPeer).cidr);
      if (!range) continue;
      const key = `${peerKey(workload)}|${outbound}|${c.protocol}|${range.family}`;
      let group = groups.get(key);
      if (!group) {
        group = { workload, outbound, protocol: c.protocol, family: range.family, base: [], head: [] };
        groups.set(key, group);
      }
      group[side].push({ range, ports: ConnSet.of(c.protocol, c.ports) });
    }
  };
  collect(baseConnections, 'base');
  collect(headConnections, 'head');

  for (const group of groups.values()) {
    const onBothSides = existsOnBothSides(group.workload);
    for (const segment of commonSegments(group)) {
      const emit = (into: PathChange[], ports: ConnSet) => {
        for (const cidr of rangeToCidrs(segment.range)) {
          const block = { cidr };
          const [from, to] = group.outbound ? [group.workload, block] : [block, group.workload];
          pushChange(into, from, to, group.protocol, ports);
        }
      };
      if (onBothSides) {
        emit(result.opened, segment.head.subtract(segment.base));
        emit(result.closed, segment.base.subtract(segment.head));
      } else if (!segment.head.isEmpty()) {
        emit(result.newConnections, segment.head);
      } else {
        emit(result.goneConnections, segment.base);
      }
    }
  }
}

/**
 * Cuts the base and head ranges of a group at their common boundaries and returns the segments where the two
 * sides differ, adjacent segments with the same ports on both sides merged.
 */
function commonSegments(group: ExternalGroup): { range: IpRange; base: ConnSet; head: ConnSet }[] {
  const bounds = new Set<bigint>();
  for (const { range } of [...group.base, ...group.head]) {
    bounds.add(range.start);
    bounds.add(range.end + 1n);
  }
  const points = [...bounds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const portsAt = (entries: ExternalGroup['base'], address: bigint) =>
    entries.find((e) => e.range.start <= address && address <= e.range.end)?.ports ?? ConnSet.none();
  const segments: { range: IpRange; base: ConnSet; head: ConnSet }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]! - 1n;
    const base = portsAt(group.base, start);
    const head = portsAt(group.head, start);
    if (base.equals(head)) continue;
    const last = segments.at(-1);
    if (last && last.range.end + 1n === start && last.base.equals(base) && last.head.equals(head)) {
      last.range = { ...last.range, end };
    } else {
      segments.push({ range: { family: group.family, start, end }, base, head });
    }
  }
  return segments;
}

function byPath(a: PathChange, b: PathChange): number {
  return (
    peerKey(a.from).localeCompare(peerKey(b.from)) ||
    peerKey(a.to).localeCompare(peerKey(b.to)) ||
    a.protocol.localeCompare(b.protocol)
  );
}

import type { DiffResult, L7Change, PathChange } from './types.js';
import { describeL7Filter, filteredPortsKey, l7FilterKey } from '../policy/l7.js';
import type { Protocol, Workload } from '../model/types.js';
import { workloadId } from '../model/workloads.js';
import { compareWorkloads } from '../policy/engine.js';
import { cidrToRange, compareBigInt, coveringCidr, rangeToCidrs, type IpRange } from '../policy/ip.js';
import { ConnSet } from '../policy/portset.js';
import type {
  CidrPeer,
  Connection,
  ConnectionScope,
  FilteredPorts,
  L7Filter,
  Peer,
  PolicyEngine,
  PortRange,
  WorkloadPeer,
} from '../policy/types.js';
import { compareText } from '../text/compare.js';
import { checkDeadline, type Deadline } from '../deadline.js';
import { changedScope } from './changed.js';
import { l7Effect } from './l7.js';
import { comparePeers, isCidrPeer, peerKey } from './peers.js';

/**
 * The keys of a model's workloads as the diff knows peers (`peerKey`: namespace, kind and name), once per list (a
 * fix's verification diffs engines over the same workloads). A workload's id is that key, but not a
 * representative's (its id is its selector in one canonical form, its name the selector as first written: a Cilium
 * selector's `k8s-app in (kube-dns)`) nor an entity's outside the cluster (its id holds its address).
 */
function workloadIds(workloads: readonly Workload[]): ReadonlySet<string> {
  let ids = idsOfWorkloads.get(workloads);
  if (!ids) idsOfWorkloads.set(workloads, (ids = new Set(workloads.map(workloadKey))));
  return ids;
}

function workloadKey(workload: Workload): string {
  return workloadId(workload.namespace, workload.kind, workload.name);
}

const idsOfWorkloads = new WeakMap<readonly Workload[], ReadonlySet<string>>();

/**
 * Compares connectivity per (from, to, protocol): ports opened and closed between workloads present on both sides,
 * new and gone connections of workloads present on one side only. External blocks are compared after cutting both
 * sides' IP ranges at their common boundaries, so a change in ipBlock boundaries is not mistaken for a change in
 * reachability. Only the connections in `scope` are compared: by default those that may differ (`changedScope`).
 * The engines yield connections as they compute them: `deadline` is checked every few thousand of them.
 */
export function diffConnectivity(
  baseEngine: PolicyEngine,
  headEngine: PolicyEngine,
  scope: ConnectionScope = changedScope(baseEngine, headEngine),
  deadline?: Deadline,
): DiffResult {
  const ids = (engine: PolicyEngine) => workloadIds(engine.model.workloads);
  const base = { connections: baseEngine.connections(scope), workloadIds: ids(baseEngine) };
  const head = { connections: headEngine.connections(scope), workloadIds: ids(headEngine) };
  const result = emptyDiff();
  // Each side's connectivity repeats the same peer objects: key and look each one up once.
  const existsOnBothSides = memoised((peer: Peer) => {
    if (isCidrPeer(peer)) return true;
    const key = peerKey(peer);
    return base.workloadIds.has(key) && head.workloadIds.has(key);
  });

  const compare = (before: Connection | undefined, after: Connection | undefined) => {
    // Most paths are the same on both sides: equal port lists (ConnSet ranges are canonical) need no set algebra.
    if (
      before &&
      after &&
      samePorts(before.ports, after.ports) &&
      (before.namedPorts ?? []).join() === (after.namedPorts ?? []).join() &&
      filteredPortsKey(before.l7) === filteredPortsKey(after.l7)
    )
      return;
    const { from, to, protocol } = (after ?? before)!;
    const beforePorts = portsOf(protocol, before);
    const afterPorts = portsOf(protocol, after);
    if (existsOnBothSides(from) && existsOnBothSides(to)) {
      pushChange(
        result.opened,
        from,
        to,
        protocol,
        afterPorts.subtract(beforePorts),
        namesOnlyIn(after, before),
      );
      pushChange(
        result.closed,
        from,
        to,
        protocol,
        beforePorts.subtract(afterPorts),
        namesOnlyIn(before, after),
      );
      // Ports allowed on both sides whose L7 filter changed (issue 18): a change worth a row of its own.
      if (before && after && (before.l7 || after.l7)) {
        const changes = l7Changes(before.l7, after.l7, protocol, beforePorts.intersection(afterPorts));
        for (const change of changes) (result.l7Changed ??= []).push({ from, to, protocol, ...change });
      }
    } else {
      const connection = (after ?? before)!;
      pushChange(
        after ? result.newConnections : result.goneConnections,
        from,
        to,
        protocol,
        after ? afterPorts : beforePorts,
        connection.namedPorts ?? [],
      );
    }
  };
  // Only connections that may differ are computed (see `changedScope`). Both sides come in the same order, so they
  // are compared as they come, like a merge: neither side is ever held whole or indexed.
  const external = { base: [] as Connection[], head: [] as Connection[] };
  const before = betweenWorkloads(base.connections, external.base);
  const after = betweenWorkloads(head.connections, external.head);
  let b = before.next();
  let a = after.next();
  for (let step = 1; !b.done || !a.done; step++) {
    if (step % DEADLINE_EVERY === 0) checkDeadline(deadline, DIFF_STAGE);
    const order = b.done ? 1 : a.done ? -1 : compareConnections(b.value, a.value);
    compare(
      order <= 0 ? (b.value as Connection) : undefined,
      order >= 0 ? (a.value as Connection) : undefined,
    );
    if (order <= 0) b = before.next();
    if (order >= 0) a = after.next();
  }

  checkDeadline(deadline, DIFF_STAGE);
  diffExternal(external.base, external.head, existsOnBothSides, result);

  // Representatives stand for pods the trees do not show: they are not workloads a change adds or removes.
  const representatives = new Set(
    [...baseEngine.model.workloads, ...headEngine.model.workloads].flatMap((w) =>
      w.representative ? [workloadKey(w)] : [],
    ),
  );
  result.workloadsAdded = [...head.workloadIds]
    .filter((id) => !base.workloadIds.has(id) && !representatives.has(id))
    .sort()
    .map(idToPeer);
  result.workloadsRemoved = [...base.workloadIds]
    .filter((id) => !head.workloadIds.has(id) && !representatives.has(id))
    .sort()
    .map(idToPeer);
  for (const list of [
    result.opened,
    result.closed,
    result.l7Changed ?? [],
    result.newConnections,
    result.goneConnections,
  ])
    list.sort(byPath);
  return result;
}

/** Connections compared between deadline checks: the clock is asked far less often than a connection costs. */
const DEADLINE_EVERY = 4096;
/** The stage a deadline passed in the diff stops, as the check names it. */
export const DIFF_STAGE = 'the reachability diff';

function idToPeer(id: string): WorkloadPeer {
  const [namespace = '', kind = '', ...name] = id.split('/');
  return { namespace, kind, name: name.join('/') };
}

function portsOf(protocol: Protocol, connection: Connection | undefined): ConnSet {
  return connection ? ConnSet.of(protocol, connection.ports) : ConnSet.none();
}

/** An L7 change without its ends and protocol, which the caller knows. */
type PortsL7Change = Omit<L7Change, 'from' | 'to' | 'protocol'>;

/**
 * The ports of `both` (allowed at base and at head) whose L7 filter differs, runs of ports with the same change
 * written as one row.
 */
function l7Changes(
  before: readonly FilteredPorts[] | undefined,
  after: readonly FilteredPorts[] | undefined,
  protocol: Protocol,
  both: ConnSet,
): PortsL7Change[] {
  const filterAt = (l7: readonly FilteredPorts[] | undefined, port: number) =>
    l7?.find((entry) => entry.ports.some(([lo, hi]) => lo <= port && port <= hi));
  const bounds = new Set<number>();
  for (const entry of [...(before ?? []), ...(after ?? [])])
    for (const [lo, hi] of entry.ports) bounds.add(lo).add(hi + 1);
  const changes: PortsL7Change[] = [];
  let last: { key: string; change: PortsL7Change } | undefined;
  for (const [lo, hi] of both.ranges(protocol)) {
    const cuts = [lo, ...[...bounds].filter((b) => b > lo && b <= hi).sort((a, b) => a - b), hi + 1];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [start, end] = [cuts[i]!, cuts[i + 1]! - 1];
      const base = filterOnly(filterAt(before, start));
      const head = filterOnly(filterAt(after, start));
      const key = `${l7FilterKey(base)}>${l7FilterKey(head)}`;
      if (l7FilterKey(base) === l7FilterKey(head)) last = undefined;
      else if (last?.key === key && last.change.ports.at(-1)![1] + 1 === start)
        last.change.ports[last.change.ports.length - 1]![1] = end;
      else {
        const change: PortsL7Change = {
          ports: [[start, end]],
          ...(base ? { base } : {}),
          ...(head ? { head } : {}),
          change: describeL7Change(base, head),
          effect: l7Effect(base, head),
        };
        changes.push(change);
        last = { key, change };
      }
    }
  }
  return changes;
}

/** The filter of a connection's entry, without its ports. */
function filterOnly(entry: L7Filter | undefined): L7Filter | undefined {
  if (!entry) return undefined;
  return {
    ...(entry.egress ? { egress: entry.egress } : {}),
    ...(entry.ingress ? { ingress: entry.ingress } : {}),
  };
}

/** `now L7-filtered: only GET /api/.*`, `no longer L7-filtered (was only ...)`, `L7 filter changed: only ... (was ...)`. */
function describeL7Change(base: L7Filter | undefined, head: L7Filter | undefined): string {
  if (!base) return `now L7-filtered: ${describeL7Filter(head!)}`;
  if (!head) return `no longer L7-filtered (was ${describeL7Filter(base)})`;
  return `L7 filter changed: ${describeL7Filter(head)} (was ${describeL7Filter(base)})`;
}

/** The named ports (towards a representative) of `connection` that `other` does not allow. */
function namesOnlyIn(connection: Connection | undefined, other: Connection | undefined): string[] {
  const others = new Set(other?.namedPorts ?? []);
  return (connection?.namedPorts ?? []).filter((name) => !others.has(name));
}

function pushChange(
  into: PathChange[],
  from: Peer,
  to: Peer,
  protocol: Protocol,
  ports: ConnSet,
  namedPorts: readonly string[] = [],
): void {
  const ranges = ports.ranges(protocol);
  if (ranges.length > 0 || namedPorts.length > 0)
    into.push({
      from,
      to,
      protocol,
      ports: ranges.map((r) => [r[0], r[1]] as PortRange),
      ...(namedPorts.length > 0 ? { namedPorts: [...namedPorts] } : {}),
    });
}

/** The connections between two workloads; the others (with an external block) go to `external`. */
function* betweenWorkloads(connections: Iterable<Connection>, external: Connection[]): Generator<Connection> {
  for (const connection of connections) {
    if (isCidrPeer(connection.from) || isCidrPeer(connection.to)) external.push(connection);
    else yield connection;
  }
}

/** The engine's report order of connections between workloads: source, destination, protocol name. */
function compareConnections(a: Connection, b: Connection): number {
  return (
    compareWorkloads(a.from as WorkloadPeer, b.from as WorkloadPeer) ||
    compareWorkloads(a.to as WorkloadPeer, b.to as WorkloadPeer) ||
    compareText(a.protocol, b.protocol)
  );
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
  base: ExternalEntry[];
  head: ExternalEntry[];
}

/** One block of a side: its addresses, the ports allowed with them and the L7 filter of those ports. */
interface ExternalEntry {
  range: IpRange;
  ports: ConnSet;
  l7?: readonly FilteredPorts[];
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
      group[side].push({ range, ports: ConnSet.of(c.protocol, c.ports), ...(c.l7 ? { l7: c.l7 } : {}) });
    }
  };
  collect(baseConnections, 'base');
  collect(headConnections, 'head');

  for (const group of groups.values()) {
    const onBothSides = existsOnBothSides(group.workload);
    // The ranges that get the same change, in address order: written together as few blocks as can be.
    const changes = new Map<string, { ranges: IpRange[]; write: (from: Peer, to: Peer) => void }>();
    const add = (key: string, range: IpRange, write: (from: Peer, to: Peer) => void) => {
      const change = changes.get(key);
      const last = change?.ranges.at(-1);
      if (last && last.end + 1n === range.start)
        change!.ranges[change!.ranges.length - 1] = { ...last, end: range.end };
      else if (change) change.ranges.push(range);
      else changes.set(key, { ranges: [range], write });
    };
    const addPorts = (into: PathChange[], kind: string, ports: ConnSet, range: IpRange) => {
      if (!ports.isEmpty())
        add(`${kind}|${ports.toString()}`, range, (from, to) =>
          pushChange(into, from, to, group.protocol, ports),
        );
    };
    for (const segment of commonSegments(group)) {
      if (onBothSides) {
        addPorts(result.opened, 'opened', segment.head.subtract(segment.base), segment.range);
        addPorts(result.closed, 'closed', segment.base.subtract(segment.head), segment.range);
        // Addresses allowed on both sides whose L7 filter changed (issue 18), as between workloads.
        const both = segment.base.intersection(segment.head);
        for (const change of l7Changes(segment.baseL7, segment.headL7, group.protocol, both)) {
          const key = `l7|${JSON.stringify(change.ports)}|${l7FilterKey(change.base)}>${l7FilterKey(change.head)}`;
          add(key, segment.range, (from, to) =>
            (result.l7Changed ??= []).push({
              from,
              to,
              protocol: group.protocol,
              ...change,
              ports: change.ports.map(([lo, hi]): PortRange => [lo, hi]),
            }),
          );
        }
      } else if (!segment.head.isEmpty()) {
        addPorts(result.newConnections, 'new', segment.head, segment.range);
      } else {
        addPorts(result.goneConnections, 'gone', segment.base, segment.range);
      }
    }
    for (const { ranges, write } of changes.values()) {
      for (const block of blocksOfRanges(ranges)) {
        const [from, to] = group.outbound ? [group.workload, block] : [block, group.workload];
        write(from, to);
      }
    }
  }
}

/**
 * Sorted disjoint ranges of one family as the fewest blocks: their CIDRs, or, when that is shorter, the one CIDR
 * covering them all with the gaps between them as exceptions (one /32 spared of `0.0.0.0/0` is one row
 * "0.0.0.0/0 except 10.0.0.5/32", not the 32 CIDRs around it).
 */
function blocksOfRanges(ranges: readonly IpRange[]): CidrPeer[] {
  const cidrs = ranges.flatMap(rangeToCidrs);
  if (cidrs.length <= 1) return cidrs.map((cidr) => ({ cidr }));
  const cover = coveringCidr({ ...ranges[0]!, end: ranges.at(-1)!.end });
  const coverRange = cidrToRange(cover)!;
  const gaps: IpRange[] = [];
  let next = coverRange.start;
  for (const range of [...ranges, { ...coverRange, start: coverRange.end + 1n }]) {
    if (range.start > next) gaps.push({ family: coverRange.family, start: next, end: range.start - 1n });
    next = range.end + 1n;
  }
  const except = gaps.flatMap(rangeToCidrs);
  return except.length < cidrs.length ? [{ cidr: cover, except }] : cidrs.map((cidr) => ({ cidr }));
}

/**
 * Cuts the base and head ranges of a group at their common boundaries and returns the segments where the two
 * sides differ (ports, or the L7 filter of ports allowed on both), adjacent segments that differ alike merged.
 */
function commonSegments(group: ExternalGroup): Segment[] {
  const bounds = new Set<bigint>();
  for (const { range } of [...group.base, ...group.head]) {
    bounds.add(range.start);
    bounds.add(range.end + 1n);
  }
  const points = [...bounds].sort(compareBigInt);
  const entryAt = (entries: readonly ExternalEntry[], address: bigint) =>
    entries.find((e) => e.range.start <= address && address <= e.range.end);
  const segments: (Segment & { key: string })[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]! - 1n;
    const [before, after] = [entryAt(group.base, start), entryAt(group.head, start)];
    const base = before?.ports ?? ConnSet.none();
    const head = after?.ports ?? ConnSet.none();
    const [baseL7, headL7] = [filteredPortsKey(before?.l7), filteredPortsKey(after?.l7)];
    if (base.equals(head) && baseL7 === headL7) continue;
    const key = `${base.toString()}>${head.toString()}|${baseL7}>${headL7}`;
    const last = segments.at(-1);
    if (last && last.range.end + 1n === start && last.key === key) {
      last.range = { ...last.range, end };
    } else {
      segments.push({
        range: { family: group.family, start, end },
        base,
        head,
        ...(before?.l7 ? { baseL7: before.l7 } : {}),
        ...(after?.l7 ? { headL7: after.l7 } : {}),
        key,
      });
    }
  }
  return segments;
}

/** Addresses whose ports or L7 filters differ between the sides, with what each side gives them. */
interface Segment {
  range: IpRange;
  base: ConnSet;
  head: ConnSet;
  baseL7?: readonly FilteredPorts[];
  headL7?: readonly FilteredPorts[];
}

/**
 * Report order: source, destination, protocol. Changes between workloads come in this order already (the engine's),
 * so sorting costs a pass over them.
 */
function byPath(a: PathChange, b: PathChange): number {
  return comparePeers(a.from, b.from) || comparePeers(a.to, b.to) || compareText(a.protocol, b.protocol);
}

/** A diff with nothing in it: what a comparison starts from, and what a run stopped before the diff reports. */
export function emptyDiff(): DiffResult {
  return {
    opened: [],
    closed: [],
    workloadsAdded: [],
    workloadsRemoved: [],
    newConnections: [],
    goneConnections: [],
  };
}

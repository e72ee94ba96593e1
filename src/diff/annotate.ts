import type { DiffResult, L7Change, PathChange, Risk } from './types.js';
import type { SourceLocation } from '../manifests/types.js';
import type { Protocol, Workload } from '../model/types.js';
import { cidrToRange, formatAddress, ipBlockRanges, rangeContains, type IpRange } from '../policy/ip.js';
import { MAX_PORT, MIN_PORT } from '../policy/portset.js';
import type { CidrPeer, Direction, Endpoint, Peer, PolicyEngine, PortRange } from '../policy/types.js';
import { addedPeerLocation, blameChange, changedAdmittingRule, decidedBy } from './blame.js';
import { describeDenial } from './explain-text.js';
import { changedL7Rule, droppedL7Side } from './l7.js';
import { isCidrPeer, peerKey, peerLabel } from './peers.js';
import { ENTITY_NAMESPACE, isNodeOrApiServer } from '../policy/entities.js';
import { DNS_NAME_NAMESPACE } from '../policy/fqdn.js';

const METADATA_ENDPOINTS = ['169.254.169.254/32', 'fd00:ec2::254/128'];
/** Address space that is not the internet: private, shared, loopback, link-local, unique-local. */
const NON_PUBLIC = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  'fc00::/7',
  'fe80::/10',
  '::1/128',
];

/** A namespace name no cluster has: a pod there stands for "a pod in any namespace". */
const PROBE_NAMESPACE = 'netpol-guard-probe-any-namespace';

/** The same pod in {@link PROBE_NAMESPACE}; one per workload, so the engine works out its facts once. */
function probeOf(workload: Workload): Workload {
  let probe = probes.get(workload);
  if (!probe) {
    probe = {
      ...workload,
      id: `${PROBE_NAMESPACE}/${workload.kind}/${workload.name}`,
      namespace: PROBE_NAMESPACE,
    };
    probes.set(workload, probe);
  }
  return probe;
}

const probes = new WeakMap<Workload, Workload>();

/** One side of the comparison as the annotations need it: its engine and its workloads by id. */
interface Side {
  engine: PolicyEngine;
  workloads: Map<string, Workload>;
}

/**
 * Adds what a reviewer needs to judge each change: on opened paths a risk note (crosses namespaces, reachable from
 * any namespace, from or to the internet, towards the metadata endpoint) and the rule that allows them; on closed
 * paths, why head denies them. Both with file:line, for annotations and SARIF.
 *
 * Risk, rule and reason can differ from one port of a path to the next (a second port open to any namespace, a
 * second rule), so each change is judged over all its ports: it is cut where a rule's ports begin or end, each
 * piece is judged at one of its ports, and pieces judged alike are put back together. A change may so become
 * several, each with the ports that share its annotations.
 */
export function annotateChanges(diff: DiffResult, base: PolicyEngine, head: PolicyEngine): void {
  const sides = { base: sideOf(base), head: sideOf(head) };
  const blame = (pair: { head: Ends; base?: Ends }, protocol: Protocol, port: number, opened: boolean) =>
    pair.base
      ? blameChange({ engine: base, ...pair.base }, { engine: head, ...pair.head }, protocol, port, opened)
      : undefined;
  const decided = (pair: { head: Ends; base?: Ends }, protocol: Protocol, port: number, opened: boolean) => {
    const decision = decidedBy(
      pair.base && { engine: base, ...pair.base },
      { engine: head, ...pair.head },
      protocol,
      port,
      opened,
    );
    return decision ? { decidedBy: decision } : {};
  };
  diff.opened = diff.opened.flatMap((change) =>
    judged(change, sides, (pair, port) => {
      const risk = risksOf(change, pair.head, sides.head.engine, port);
      // Where it changed; else (a deleted policy) the pod it leaves open, so every opened path has a line.
      const blamed = blame(pair, change.protocol, port, true) ?? workloadLocation(pair.head);
      const decision = decided(pair, change.protocol, port, true);
      // A rule that opens it because it gained a peer item: that item.
      const rule = decision.decidedBy?.head;
      const location =
        blamed && rule?.location && sameLine(blamed, rule.location)
          ? (addedPeerLocation(base, rule) ?? blamed)
          : blamed;
      return {
        ...(risk.length > 0 ? { risk } : {}),
        ...(location ? { location } : {}),
        ...decision,
      };
    }),
  );
  diff.closed = diff.closed.flatMap((change) =>
    judged(change, sides, (pair, port) => {
      const denial = describeDenial(
        sides.head.engine.explain(pair.head.from, pair.head.to, change.protocol, port),
        peerLabel(change.from),
        peerLabel(change.to),
      );
      const location = blame(pair, change.protocol, port, false) ?? denial.location;
      return {
        explanation: denial.text,
        ...(location ? { location } : {}),
        ...decided(pair, change.protocol, port, false),
      };
    }),
  );
  if (diff.l7Changed) diff.l7Changed = diff.l7Changed.map((change) => locatedL7Change(change, sides));
}

/**
 * An L7 change at the line that makes it (`changedL7Rule`); a filter head dropped, at the rule added or edited that
 * admits its first port at head without L7 rules on the side that dropped it (an L3/L4-only allow beside the filter,
 * or the rule its L7 rules were taken from), else at the rule that decides that side at head.
 */
function locatedL7Change(change: L7Change, sides: { base: Side; head: Side }): L7Change {
  const rule = changedL7Rule(change);
  if (rule) return { ...change, location: rule.location };
  const head = endsOf(change, sides.head);
  const base = endsOf(change, sides.base);
  const [first] = change.ports;
  if (!head || !first) return change;
  const direction = droppedL7Side(change);
  const [subject, other] = direction === 'ingress' ? [head.to, head.from] : [head.from, head.to];
  const location =
    (base &&
      changedAdmittingRule(
        { engine: sides.base.engine, ...base },
        { engine: sides.head.engine, ...head },
        direction,
        change.protocol,
        first[0],
      )) ??
    sides.head.engine.decision(direction, subject, other, change.protocol, first[0]).location;
  return location ? { ...change, location } : change;
}

function sameLine(a: SourceLocation, b: SourceLocation): boolean {
  return a.file === b.file && a.line === b.line;
}

/** The pod end of a connection (the destination if both are), for a path whose change has no line at head. */
function workloadLocation(ends: Ends): SourceLocation | undefined {
  if ('workload' in ends.to) return ends.to.workload.loc;
  return 'workload' in ends.from ? ends.from.workload.loc : undefined;
}

function sideOf(engine: PolicyEngine): Side {
  return { engine, workloads: new Map(engine.model.workloads.map((w) => [w.id, w])) };
}

/** The two ends of a change as one side's engine asks about them. */
interface Ends {
  from: Endpoint;
  to: Endpoint;
}

type Annotations = Pick<PathChange, 'risk' | 'location' | 'explanation' | 'decidedBy'>;

/**
 * A change cut into the pieces its annotations are the same over (see {@link annotateChanges}); the change itself,
 * unannotated, when an end is in neither side's model.
 */
function judged(
  change: PathChange,
  sides: { base: Side; head: Side },
  judge: (ends: { head: Ends; base?: Ends }, port: number) => Annotations,
): PathChange[] {
  const head = endsOf(change, sides.head);
  if (!head) return [change];
  const base = endsOf(change, sides.base);
  const ends = base ? { head, base } : { head };
  const { namedPorts, ...numbered } = change;
  return [
    ...(change.ports.length > 0 ? judgedPorts(numbered, sides, ends, judge) : []),
    ...(namedPorts?.length ? judgedNames(change, namedPorts, ends, judge) : []),
  ];
}

/**
 * The named ports of a change towards a representative (issue 17 item 6), judged as the ports they are on the
 * representative's pods: each is asked about as a container port of that name at {@link NAMED_PORT_NUMBER} on a copy
 * of the representative, which the engines resolve the name on like any pod's. So the rule that names the port
 * locates it and decides it, its risks are judged and a closed one is explained, as a numbered port is; names judged
 * alike are one change.
 */
function judgedNames(
  change: PathChange,
  names: readonly string[],
  ends: { head: Ends; base?: Ends },
  judge: (ends: { head: Ends; base?: Ends }, port: number) => Annotations,
): PathChange[] {
  const pieces = new Map<string, { annotations: Annotations; names: string[] }>();
  for (const name of names) {
    const resolved = (side: Ends) => ({ from: side.from, to: namedOn(side.to, name, change.protocol) });
    const annotations = judge(
      { head: resolved(ends.head), ...(ends.base ? { base: resolved(ends.base) } : {}) },
      NAMED_PORT_NUMBER,
    );
    const key = annotationsKey(annotations);
    const piece = pieces.get(key);
    if (piece) piece.names.push(name);
    else pieces.set(key, { annotations, names: [name] });
  }
  return [...pieces.values()].map(({ annotations, names: shared }) => ({
    ...change,
    ports: [],
    namedPorts: shared,
    ...annotations,
  }));
}

/**
 * The number a named port is asked about at: one no rule is likely to name by number (the last port), so only the
 * rules that name it, or allow every port, decide it.
 */
const NAMED_PORT_NUMBER = 65535;

/** The representative end with a container port `name` at {@link NAMED_PORT_NUMBER}; other ends as they are. */
function namedOn(end: Endpoint, name: string, protocol: Protocol): Endpoint {
  if (!('workload' in end) || !end.workload.representative) return end;
  let byName = namedCopies.get(end.workload);
  if (!byName) namedCopies.set(end.workload, (byName = new Map()));
  const key = `${protocol}/${name}`;
  let copy = byName.get(key);
  if (!copy) {
    copy = { ...end.workload, ports: [{ name, port: NAMED_PORT_NUMBER, protocol }] };
    byName.set(key, copy);
  }
  return { workload: copy };
}

const namedCopies = new WeakMap<Workload, Map<string, Workload>>();

function annotationsKey(annotations: Annotations): string {
  return JSON.stringify([
    annotations.risk,
    annotations.location,
    annotations.explanation,
    annotations.decidedBy,
  ]);
}

/** The numbered ports of a change cut into the pieces its annotations are the same over. */
function judgedPorts(
  change: PathChange,
  sides: { base: Side; head: Side },
  ends: { head: Ends; base?: Ends },
  judge: (ends: { head: Ends; base?: Ends }, port: number) => Annotations,
): PathChange[] {
  const { head, base } = ends;
  const cuts = new Set<number>();
  // A single port needs no cutting (most changes are one port); otherwise every rule of either end may cut it.
  const [first] = change.ports;
  if (change.ports.length > 1 || (first && first[0] !== first[1])) {
    for (const [side, sideEnds] of [
      [sides.head, head],
      [sides.base, base],
    ] as const) {
      if (sideEnds) addRuleCuts(cuts, side.engine, sideEnds, change.protocol);
    }
  }
  const pieces = new Map<string, { annotations: Annotations; ports: PortRange[] }>();
  for (const range of cutRanges(change.ports, cuts)) {
    const annotations = judge(ends, range[0]);
    const key = annotationsKey(annotations);
    const piece = pieces.get(key);
    if (!piece) pieces.set(key, { annotations, ports: [range] });
    else if (piece.ports.at(-1)![1] + 1 === range[0]) piece.ports.at(-1)![1] = range[1];
    else piece.ports.push(range);
  }
  return [...pieces.values()].map(({ annotations, ports }) => ({ ...change, ports, ...annotations }));
}

function endsOf(change: PathChange, side: Side): Ends | undefined {
  const endpoint = (peer: Peer): Endpoint | undefined => {
    if (isCidrPeer(peer)) {
      const [range] = blockRanges(peer);
      return range ? { ip: formatAddress(range.start, range.family) } : undefined;
    }
    const workload = side.workloads.get(peerKey(peer));
    return workload ? { workload } : undefined;
  };
  const from = endpoint(change.from);
  const to = endpoint(change.to);
  return from && to ? { from, to } : undefined;
}

/**
 * Where the ports of the rules that decide a connection begin and end (the first port of each range and the one
 * after it): between two cuts, every rule of either end admits all the ports or none.
 */
function addRuleCuts(cuts: Set<number>, engine: PolicyEngine, ends: Ends, protocol: Protocol): void {
  const destination = 'workload' in ends.to ? ends.to.workload : undefined;
  if ('workload' in ends.from)
    for (const cut of ruleCuts(engine, 'egress', ends.from.workload, destination, protocol)) cuts.add(cut);
  if (destination)
    for (const cut of ruleCuts(engine, 'ingress', destination, destination, protocol)) cuts.add(cut);
}

/**
 * The cuts of the rules isolating `subject` in one direction, named ports resolved on `destination`; worked out
 * once per subject, direction, protocol and destination ports (a policy opening a port to many pods repeats them).
 */
function ruleCuts(
  engine: PolicyEngine,
  direction: Direction,
  subject: Workload,
  destination: Workload | undefined,
  protocol: Protocol,
): readonly number[] {
  let known = cutsOf.get(engine)?.get(subject);
  if (!known) {
    known = new Map();
    if (!cutsOf.has(engine)) cutsOf.set(engine, new WeakMap());
    cutsOf.get(engine)!.set(subject, known);
  }
  const key = `${direction}|${protocol}|${direction === 'egress' ? JSON.stringify(destination?.ports) : ''}`;
  let cuts = known.get(key);
  if (!cuts) {
    cuts = [];
    for (const policy of engine.selectingPolicies(subject, direction)) {
      for (const rule of policy[direction]) {
        for (const port of rule.ports ?? []) {
          if (port.protocol !== protocol || port.port === undefined) continue;
          const numbers =
            typeof port.port === 'number'
              ? [[port.port, port.endPort ?? port.port] as const]
              : (destination?.ports ?? [])
                  .filter((p) => p.name === port.port && p.protocol === protocol)
                  .map((p) => [p.port, p.port] as const);
          for (const [lo, hi] of numbers) cuts.push(lo, hi + 1);
        }
      }
    }
    known.set(key, cuts);
  }
  return cuts;
}

const cutsOf = new WeakMap<PolicyEngine, WeakMap<Workload, Map<string, number[]>>>();

/** `ranges` cut at every port of `cuts` that falls inside one of them. */
function cutRanges(ranges: readonly PortRange[], cuts: ReadonlySet<number>): PortRange[] {
  const points = [...cuts].filter((p) => p > MIN_PORT && p <= MAX_PORT).sort((a, b) => a - b);
  const pieces: PortRange[] = [];
  for (const [lo, hi] of ranges) {
    let start = lo;
    for (const point of points) {
      if (point <= start || point > hi) continue;
      pieces.push([start, point - 1]);
      start = point;
    }
    pieces.push([start, hi]);
  }
  return pieces;
}

/** What makes one port of an opened path risky. */
function risksOf(change: PathChange, ends: Ends, head: PolicyEngine, port: number): Risk[] {
  const risks: Risk[] = [];
  const { from, to } = change;
  // A DNS name peer stands for addresses outside the cluster (toFQDNs): reaching them is reaching the internet,
  // from whatever namespace, and no namespace's pods are on that end.
  if (!isCidrPeer(to) && to.namespace === DNS_NAME_NAMESPACE) return ['internet'];
  // An entity peer (entities.ts) is no namespace's pods either: a path to or from one crosses no namespace and is
  // open to no other. A node or the API server as its destination is worth a reviewer's eye (node-entity).
  if (!isCidrPeer(from) && from.namespace === ENTITY_NAMESPACE) return [];
  if (!isCidrPeer(to) && to.namespace === ENTITY_NAMESPACE)
    return 'workload' in ends.to && isNodeOrApiServer(ends.to.workload) ? ['node-entity'] : [];
  if (!isCidrPeer(from) && !isCidrPeer(to) && from.namespace !== to.namespace) risks.push('cross-namespace');
  // Would the same pod, placed in a namespace nobody has yet, be let in? Then any namespace can reach it.
  if (
    'workload' in ends.from &&
    'workload' in ends.to &&
    head.isAllowed({ workload: probeOf(ends.from.workload) }, ends.to, change.protocol, port)
  )
    risks.push('any-namespace');
  // The internet is a risk where it is the other end; only a destination can be the metadata endpoint.
  const block = isCidrPeer(from) ? from : isCidrPeer(to) ? to : undefined;
  if (block && isPublic(block)) risks.push('internet');
  if (isCidrPeer(to) && METADATA_ENDPOINTS.some((endpoint) => covers(blockRanges(to), endpoint)))
    risks.push('metadata-endpoint');
  return risks;
}

/** A block is public when some address of it is outside every non-public range. */
function isPublic(block: CidrPeer): boolean {
  return blockRanges(block).some(
    (range) => !NON_PUBLIC.some((cidr) => rangeContains(cidrToRange(cidr)!, range)),
  );
}

/** The addresses of a block: its CIDR less its exceptions. */
function blockRanges(block: CidrPeer): IpRange[] {
  return ipBlockRanges({ cidr: block.cidr, except: block.except ?? [] });
}

/** Whether one of `ranges` contains every address of CIDR `cidr`. */
function covers(ranges: readonly IpRange[], cidr: string): boolean {
  const block = cidrToRange(cidr);
  return !!block && ranges.some((range) => rangeContains(range, block));
}

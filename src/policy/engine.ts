import { pushTo } from '../collections.js';
import type { SourceLocation } from '../manifests/types.js';
import { namespaceLabelsOf } from '../model/build.js';
import type {
  ClusterModel,
  ContainerPort,
  Labels,
  Namespace,
  NetworkPolicy,
  PolicyPeer,
  Protocol,
  Workload,
} from '../model/types.js';
import {
  compilePeer,
  compilePolicy,
  matchesEveryPod,
  type CompiledPeer,
  type CompiledPolicy,
  type CompiledPorts,
  type CompiledRule,
  type PeerFacts,
  type PodFacts,
} from './compile.js';
import {
  compareBlocks,
  externalBlocks,
  PROTOCOL_ORDER,
  type ExternalBlock,
  type ExternalContribution,
} from './external.js';
import { addressToRange, compareRanges } from './ip.js';
import { compareText } from '../text/compare.js';
import { ConnSet } from './portset.js';
import type {
  AdmittingRule,
  Connection,
  ConnectionScope,
  Direction,
  Endpoint,
  Explanation,
  PolicyEngine,
  PolicyVerdict,
  PortRange,
  SideExplanation,
  WorkloadPeer,
} from './types.js';

/**
 * Creates the semantics engine over one model. Workloads with the same namespace, labels, container ports and
 * stated IPs are evaluated once as a group; selectors are compiled once; which groups each policy selects and each
 * peer matches is computed once, so `connectivity()` stays near the size of its output on large repositories.
 */
export function createEngine(model: ClusterModel): PolicyEngine {
  return new Engine(model);
}

/** Identical pods as the policies see them: one evaluation stands for all its members. */
interface Group {
  index: number;
  facts: PodFacts;
  members: Workload[];
  selecting: Record<Direction, CompiledPolicy[]>;
}

/** One direction of one group, precomputed for `connectivity()`. */
interface DirectionRow {
  isolated: boolean;
  /** Ports allowed with every pod, from rules whose peers match every pod and whose ports are not named. */
  everyPod: ConnSet;
  /** Egress only: rules matching every pod whose named ports resolve differently per destination. */
  everyPodNamed: CompiledPorts[];
  /** Ports allowed with the pods of one other group, by group index. */
  byGroup: Map<number, ConnSet>;
  /** Addresses outside the pods, cut into blocks with the ports allowed with each (worked out when first asked). */
  external(): readonly ExternalBlock[];
}

/** One side's evaluation of one connection: the policies that isolate it and what each rule says. */
interface SideEvaluation {
  isolated: boolean;
  allowed: ConnSet;
  policies: {
    compiled: CompiledPolicy;
    rules: { compiled: CompiledRule; peerMatches: boolean; ports: ConnSet }[];
  }[];
}

class Engine implements PolicyEngine {
  private readonly policiesByNamespace = new Map<string, CompiledPolicy[]>();
  private readonly groups: Group[] = [];
  private readonly groupOfWorkload = new Map<Workload, Group>();
  /** What is worked out about workloads outside the model (probes, pods only flows describe), per workload. */
  private readonly outsideFacts = new WeakMap<Workload, PodFacts>();
  private readonly outsideSelecting = new WeakMap<Workload, Record<Direction, CompiledPolicy[]>>();
  private readonly groupsByNamespace = new Map<string, Group[]>();
  private readonly peerGroups = new Map<string, Group[]>();
  private readonly namespaceGroups = new Map<string, Group[]>();
  private readonly peerMembers = new Map<string, readonly Workload[]>();

  constructor(readonly model: ClusterModel) {
    for (const policy of model.policies) {
      const compiled = this.compiled(policy);
      pushTo(this.policiesByNamespace, policy.namespace, compiled);
    }
    const groupByKey = new Map<string, Group>();
    for (const workload of model.workloads) {
      const key = groupKey(workload);
      let group = groupByKey.get(key);
      if (!group) {
        const facts = this.podFacts(workload);
        group = { index: this.groups.length, facts, members: [], selecting: this.evaluateSelecting(facts) };
        groupByKey.set(key, group);
        this.groups.push(group);
        pushTo(this.groupsByNamespace, workload.namespace, group);
      }
      group.members.push(workload);
      this.groupOfWorkload.set(workload, group);
    }
  }

  policyWorkloads(policy: NetworkPolicy): Workload[] {
    const compiled = this.compiled(policy);
    return (this.groupsByNamespace.get(policy.namespace) ?? [])
      .filter((group) => compiled.selects(group.facts.labels))
      .flatMap((group) => group.members);
  }

  selectingPolicies(workload: Workload, direction: Direction): NetworkPolicy[] {
    return this.selecting(workload, direction).map((compiled) => compiled.policy);
  }

  isIsolated(workload: Workload, direction: Direction): boolean {
    return this.selecting(workload, direction).length > 0;
  }

  peerWorkloads(policy: NetworkPolicy, peer: PolicyPeer): readonly Workload[] {
    // Rules ask this for every peer of every policy, and many peers repeat: the members are listed once per peer.
    const compiled = this.compiledPeer(policy, peer);
    let workloads = this.peerMembers.get(compiled.key);
    if (!workloads) {
      workloads = this.matchedGroups(compiled).flatMap((group) => group.members);
      this.peerMembers.set(compiled.key, workloads);
    }
    return workloads;
  }

  peerNamespaces(policy: NetworkPolicy, peer: PolicyPeer): Namespace[] {
    const compiled = this.compiledPeer(policy, peer);
    return [...this.model.namespaces.values()].filter((ns) => compiled.matchesNamespace(ns.name, ns.labels));
  }

  allowedPorts(from: Endpoint, to: Endpoint): ConnSet {
    return this.evaluateSide('egress', from, to).allowed.intersection(
      this.evaluateSide('ingress', to, from).allowed,
    );
  }

  isAllowed(from: Endpoint, to: Endpoint, protocol: Protocol, port: number): boolean {
    // `allowedPorts(from, to).has(protocol, port)` without building either side's port set: replaying flows and
    // judging risks ask this for tens of thousands of connections.
    return (
      this.sideAllows('egress', from, to, protocol, port) &&
      this.sideAllows('ingress', to, from, protocol, port)
    );
  }

  sideAllows(
    direction: Direction,
    subject: Endpoint,
    other: Endpoint,
    protocol: Protocol,
    port: number,
  ): boolean {
    return this.admittingRule(direction, subject, other, protocol, port) !== undefined;
  }

  allowingRule(from: Endpoint, to: Endpoint, protocol: Protocol, port: number): SourceLocation | undefined {
    const sides = [
      ['ingress', to, from],
      ['egress', from, to],
    ] as const;
    for (const [direction, subject, other] of sides) {
      const admitting = this.admittingRule(direction, subject, other, protocol, port);
      if (admitting !== undefined && admitting !== NOT_ISOLATED)
        return ruleLocation(admitting.policy, admitting.rule);
    }
    return undefined;
  }

  admittingRules(
    direction: Direction,
    subject: Endpoint,
    other: Endpoint,
    protocol: Protocol,
    port: number,
  ): AdmittingRule[] {
    const side = this.sideOf(direction, subject, other);
    if (side === NOT_ISOLATED) return [];
    const admitting: AdmittingRule[] = [];
    for (const compiled of side.selecting) {
      for (const rule of compiled[direction]) {
        if (admits(rule, side, protocol, port))
          admitting.push({ policy: compiled.policy, index: rule.index });
      }
    }
    return admitting;
  }

  /**
   * The first rule, in policy and rule order, of the policies isolating `subject` in `direction` that lets the
   * connection through; {@link NOT_ISOLATED} when no policy isolates it (everything passes); undefined when no rule
   * does. Stops at that rule, without building any port set.
   */
  private admittingRule(
    direction: Direction,
    subject: Endpoint,
    other: Endpoint,
    protocol: Protocol,
    port: number,
  ): { policy: NetworkPolicy; rule: CompiledRule } | typeof NOT_ISOLATED | undefined {
    const side = this.sideOf(direction, subject, other);
    if (side === NOT_ISOLATED) return NOT_ISOLATED;
    for (const compiled of side.selecting) {
      const rule = compiled[direction].find((candidate) => admits(candidate, side, protocol, port));
      if (rule) return { policy: compiled.policy, rule };
    }
    return undefined;
  }

  /** What deciding one side of a connection needs: the policies isolating `subject`, facts about `other`, ports. */
  private sideOf(direction: Direction, subject: Endpoint, other: Endpoint): SideFacts | typeof NOT_ISOLATED {
    if (!('workload' in subject)) return NOT_ISOLATED;
    const selecting = this.selecting(subject.workload, direction);
    if (selecting.length === 0) return NOT_ISOLATED;
    const otherFacts = this.peerFacts(other);
    return {
      selecting,
      otherFacts,
      destinationPorts: this.destinationPorts(direction, subject.workload, otherFacts),
    };
  }

  /** Named ports name the destination's container ports: the subject's own on ingress, the other end's on egress. */
  private destinationPorts(
    direction: Direction,
    subject: Workload,
    otherFacts: PeerFacts,
  ): readonly ContainerPort[] | undefined {
    if (direction === 'ingress') return subject.ports;
    return 'pod' in otherFacts ? otherFacts.pod.ports : undefined;
  }

  explain(from: Endpoint, to: Endpoint, protocol: Protocol, port: number): Explanation {
    const explainSide = (direction: Direction, subject: Endpoint, other: Endpoint): SideExplanation => {
      const side = this.evaluateSide(direction, subject, other);
      const policies: PolicyVerdict[] = side.policies.map(({ compiled, rules }) => ({
        policy: compiled.policy.id,
        loc: compiled.policy.loc,
        rules: rules.map((rule) => ({
          index: rule.compiled.index,
          loc: ruleLocation(compiled.policy, rule.compiled),
          peerMatches: rule.peerMatches,
          portMatches: rule.ports.has(protocol, port),
        })),
      }));
      return { direction, isolated: side.isolated, allowed: side.allowed.has(protocol, port), policies };
    };
    const egress = explainSide('egress', from, to);
    const ingress = explainSide('ingress', to, from);
    return { allowed: egress.allowed && ingress.allowed, protocol, port, egress, ingress };
  }

  connectivity(): Connection[] {
    return [...this.connections()];
  }

  *connections(scope?: ConnectionScope): Generator<Connection> {
    const rows = this.groups.map((group) => ({
      egress: this.directionRow(group, 'egress'),
      ingress: this.directionRow(group, 'ingress'),
    }));
    const sorted = [...this.model.workloads].sort(compareWorkloads);
    const rank = new Map(sorted.map((workload, i) => [workload, i]));
    const peers = new Map(
      sorted.map((w): [Workload, WorkloadPeer] => [
        w,
        { namespace: w.namespace, kind: w.kind, name: w.name },
      ]),
    );
    const connectionsOf = function* (from: Connection['from'], to: Connection['to'], ports: ConnSet) {
      for (const protocol of PROTOCOL_ORDER) {
        const ranges = ports.ranges(protocol);
        if (ranges.length > 0)
          yield { from, to, protocol, ports: ranges.map(([lo, hi]): PortRange => [lo, hi]) };
      }
    };

    const candidates = this.destinationCandidates(rows, rank);
    const inScope = (workload: Workload, ids: ReadonlySet<string> | undefined) =>
      !ids || ids.has(workload.id);
    const anyDestination = !scope || scope.destinations.size > 0;
    for (const source of sorted) {
      const sourceGroup = this.groupOfWorkload.get(source)!;
      const egress = rows[sourceGroup.index]!.egress;
      const everyDestination = inScope(source, scope?.sources);
      if (!everyDestination && !anyDestination) continue;
      for (const destination of candidates(sourceGroup)) {
        if (destination === source || !(everyDestination || inScope(destination, scope?.destinations)))
          continue;
        const destinationGroup = this.groupOfWorkload.get(destination)!;
        const egressPorts = rowPorts(egress, destinationGroup);
        if (egressPorts.isEmpty()) continue;
        const ingress = rows[destinationGroup.index]!.ingress;
        yield* connectionsOf(
          peers.get(source)!,
          peers.get(destination)!,
          egressPorts.intersection(rowPorts(ingress, sourceGroup)),
        );
      }
      if (!everyDestination) continue;
      for (const { cidr, protocol, ports } of egress.external())
        yield { from: peers.get(source)!, to: { cidr }, protocol, ports };
    }

    const inbound = sorted
      .filter((destination) => inScope(destination, scope?.destinations))
      .flatMap((destination) =>
        rows[this.groupOfWorkload.get(destination)!.index]!.ingress.external().map((block) => ({
          block,
          destination,
        })),
      );
    // By block, then destination, then protocol: compareBlocks ends with the protocol, so compare it last.
    inbound.sort(
      (a, b) =>
        compareRanges(a.block.range, b.block.range) ||
        rank.get(a.destination)! - rank.get(b.destination)! ||
        compareBlocks(a.block, b.block),
    );
    for (const { block, destination } of inbound) {
      yield {
        from: { cidr: block.cidr },
        to: peers.get(destination)!,
        protocol: block.protocol,
        ports: block.ports,
      };
    }
  }

  /**
   * For each source group, the destinations (in report order) that could admit it: those its egress reaches, or
   * those whose ingress admits it, whichever list is shorter. Both are supersets of the answer, so pairs that
   * neither side allows are never evaluated, which keeps large, mostly isolated clusters fast.
   */
  private destinationCandidates(
    rows: readonly { egress: DirectionRow; ingress: DirectionRow }[],
    rank: ReadonlyMap<Workload, number>,
  ): (source: Group) => readonly Workload[] {
    const reachesEveryPod = (row: DirectionRow) =>
      !row.isolated || !row.everyPod.isEmpty() || row.everyPodNamed.length > 0;
    const admitAnyone = this.groups.filter((group) => reachesEveryPod(rows[group.index]!.ingress));
    const admittedBy = new Map<number, Group[]>();
    for (const destination of this.groups) {
      for (const source of rows[destination.index]!.ingress.byGroup.keys())
        pushTo(admittedBy, source, destination);
    }
    const byRank = (a: Workload, b: Workload) => rank.get(a)! - rank.get(b)!;
    const inOrder = (groups: Iterable<Group>) =>
      [...new Set(groups)].flatMap((group) => group.members).sort(byRank);
    // Every source shares the groups that admit anyone: sorted once, then merged with each source's own few.
    const anyone = new Set(admitAnyone);
    const anyoneInOrder = inOrder(admitAnyone);
    const admittingExtra = (source: Group) =>
      [...new Set(admittedBy.get(source.index) ?? [])].filter((group) => !anyone.has(group));
    const admitting = (extra: readonly Group[]) =>
      extra.length === 0 ? anyoneInOrder : mergeSorted(anyoneInOrder, inOrder(extra), byRank);
    const memberCount = (groups: readonly Group[]) =>
      groups.reduce((sum, group) => sum + group.members.length, 0);
    const cache = new Map<Group, readonly Workload[]>();
    return (source) => {
      let list = cache.get(source);
      if (!list) {
        const egress = rows[source.index]!.egress;
        const extra = admittingExtra(source);
        if (reachesEveryPod(egress)) list = admitting(extra);
        else {
          const reached = [...egress.byGroup.keys()].map((index) => this.groups[index]!);
          list =
            memberCount(reached) < anyoneInOrder.length + memberCount(extra)
              ? inOrder(reached)
              : admitting(extra);
        }
        cache.set(source, list);
      }
      return list;
    };
  }

  private directionRow(group: Group, direction: Direction): DirectionRow {
    const row: DirectionRow = {
      isolated: group.selecting[direction].length > 0,
      everyPod: ConnSet.none(),
      everyPodNamed: [],
      byGroup: new Map(),
      external: () => [],
    };
    if (!row.isolated) {
      row.everyPod = ConnSet.all();
      row.external = everyAddress;
      return row;
    }
    // Ports name the destination's container ports: the other group's on egress, this group's own on ingress.
    const portsTowards = (ports: CompiledPorts, other: Group | undefined) =>
      ports.resolve(direction === 'egress' ? other?.facts.ports : group.facts.ports);
    const addEveryPod = (ports: CompiledPorts) => {
      if (direction === 'egress' && ports.hasNamed) row.everyPodNamed.push(ports);
      else row.everyPod = row.everyPod.union(portsTowards(ports, undefined));
    };
    const addGroups = (groups: readonly Group[], ports: CompiledPorts) => {
      for (const other of groups) {
        row.byGroup.set(
          other.index,
          (row.byGroup.get(other.index) ?? ConnSet.none()).union(portsTowards(ports, other)),
        );
      }
    };
    const contributions: ExternalContribution[] = [];
    for (const policy of group.selecting[direction]) {
      for (const rule of policy[direction]) {
        if (!rule.peers) {
          addEveryPod(rule.ports);
          contributions.push({ ports: portsTowards(rule.ports, undefined) });
          continue;
        }
        for (const peer of rule.peers) {
          if (matchesEveryPod(peer)) addEveryPod(rule.ports);
          else addGroups(this.matchedGroups(peer), rule.ports);
          if (peer.ipRanges.length > 0)
            contributions.push({ ranges: peer.ipRanges, ports: portsTowards(rule.ports, undefined) });
        }
      }
    }
    row.external = once(() => externalBlocks(contributions));
    return row;
  }

  /** Groups a peer matches, computed once per distinct peer (many policies repeat the same peers). */
  private matchedGroups(peer: CompiledPeer): Group[] {
    let groups = this.peerGroups.get(peer.key);
    if (!groups) {
      groups = this.candidateGroups(peer).filter((group) => peer.matches({ pod: group.facts }));
      this.peerGroups.set(peer.key, groups);
    }
    return groups;
  }

  /** Groups a peer may match: those in the namespaces it looks in (computed once per such namespace part). */
  private candidateGroups(peer: CompiledPeer): Group[] {
    let groups = this.namespaceGroups.get(peer.namespaceKey);
    if (!groups) {
      groups =
        peer.ipRanges.length > 0
          ? this.groups.filter((group) => group.facts.ips.length > 0)
          : [...this.groupsByNamespace.entries()]
              .filter(([namespace]) =>
                peer.matchesNamespace(namespace, namespaceLabelsOf(this.model, namespace)),
              )
              .flatMap(([, inNamespace]) => inNamespace);
      this.namespaceGroups.set(peer.namespaceKey, groups);
    }
    return groups;
  }

  private evaluateSide(direction: Direction, subject: Endpoint, other: Endpoint): SideEvaluation {
    // An address outside the pods has no policies: its side allows everything.
    if (!('workload' in subject)) return { isolated: false, allowed: ConnSet.all(), policies: [] };
    const selecting = this.selecting(subject.workload, direction);
    if (selecting.length === 0) return { isolated: false, allowed: ConnSet.all(), policies: [] };
    const otherFacts = this.peerFacts(other);
    const destinationPorts = this.destinationPorts(direction, subject.workload, otherFacts);
    let allowed = ConnSet.none();
    const policies = selecting.map((compiled) => ({
      compiled,
      rules: compiled[direction].map((rule) => {
        const peerMatches = !rule.peers || rule.peers.some((peer) => peer.matches(otherFacts));
        const ports = rule.ports.resolve(destinationPorts);
        if (peerMatches) allowed = allowed.union(ports);
        return { compiled: rule, peerMatches, ports };
      }),
    }));
    return { isolated: true, allowed, policies };
  }

  /**
   * Policies selecting a workload; a workload outside the model (a probe, kube-dns) is evaluated when first asked
   * about (workloads never change, and the same probe is asked about for many destinations).
   */
  private selecting(workload: Workload, direction: Direction): CompiledPolicy[] {
    const group = this.groupOfWorkload.get(workload);
    if (group) return group.selecting[direction];
    let selecting = this.outsideSelecting.get(workload);
    if (!selecting)
      this.outsideSelecting.set(workload, (selecting = this.evaluateSelecting(this.podFacts(workload))));
    return selecting[direction];
  }

  private evaluateSelecting(facts: PodFacts): Record<Direction, CompiledPolicy[]> {
    const selecting = (this.policiesByNamespace.get(facts.namespace) ?? []).filter((compiled) =>
      compiled.selects(facts.labels),
    );
    return {
      ingress: selecting.filter((compiled) => compiled.policy.types.ingress),
      egress: selecting.filter((compiled) => compiled.policy.types.egress),
    };
  }

  private peerFacts(endpoint: Endpoint): PeerFacts {
    return 'workload' in endpoint
      ? { pod: this.podFacts(endpoint.workload) }
      : { address: addressToRange(endpoint.ip) };
  }

  private podFacts(workload: Workload): PodFacts {
    const known = this.groupOfWorkload.get(workload);
    if (known) return known.facts;
    let facts = this.outsideFacts.get(workload);
    if (!facts) {
      facts = {
        namespace: workload.namespace,
        namespaceLabels: namespaceLabelsOf(this.model, workload.namespace),
        labels: workload.labels,
        ports: workload.ports,
        ips: workload.ips.map(addressToRange).filter((range) => range !== undefined),
      };
      this.outsideFacts.set(workload, facts);
    }
    return facts;
  }

  private compiled(policy: NetworkPolicy): CompiledPolicy {
    let compiled = compiledPolicies.get(policy);
    if (!compiled) {
      compiled = compilePolicy(policy);
      compiledPolicies.set(policy, compiled);
      for (const rule of [...compiled.ingress, ...compiled.egress])
        for (const peer of rule.peers ?? []) compiledPeers.set(peer.peer, peer);
    }
    return compiled;
  }

  private compiledPeer(policy: NetworkPolicy, peer: PolicyPeer): CompiledPeer {
    // A peer of the policy was compiled with it; a peer made up by a caller is compiled on its own.
    this.compiled(policy);
    let compiled = compiledPeers.get(peer);
    if (!compiled) {
      compiled = compilePeer(policy.namespace, peer);
      compiledPeers.set(peer, compiled);
    }
    return compiled;
  }
}

/** Where a rule is written, worked out once: explanations name every rule of the policies they show. */
function ruleLocation(policy: NetworkPolicy, rule: CompiledRule): SourceLocation {
  let location = ruleLocations.get(rule);
  if (!location) {
    location = policy.locate(rule.rule.path);
    ruleLocations.set(rule, location);
  }
  return location;
}

const ruleLocations = new WeakMap<CompiledRule, SourceLocation>();

/** What `sideOf` and `admittingRule` say of a side no policy isolates. */
const NOT_ISOLATED = 'not isolated';

/** One isolated side of a connection, as `sideOf` gathers it. */
interface SideFacts {
  selecting: readonly CompiledPolicy[];
  otherFacts: PeerFacts;
  destinationPorts: readonly ContainerPort[] | undefined;
}

/** Whether a rule lets the connection through: its ports admit the port and one of its peers (or any) matches. */
function admits(rule: CompiledRule, side: SideFacts, protocol: Protocol, port: number): boolean {
  return (
    rule.ports.resolve(side.destinationPorts).has(protocol, port) &&
    (!rule.peers || rule.peers.some((peer) => peer.matches(side.otherFacts)))
  );
}

/** Every address on every port: the external side of a direction no policy isolates. */
const everyAddress = once(() => externalBlocks([{ ports: ConnSet.all() }]));

/** A function that computes its value on the first call and returns it from then on. */
function once<T>(compute: () => T): () => T {
  let value: { computed: T } | undefined;
  return () => (value ??= { computed: compute() }).computed;
}

/** Merges two lists sorted by `compare` into one sorted list, in linear time. */
function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

/**
 * Compiled policies and group keys are shared by every engine. Verifying a suggested fix builds an engine over a
 * model that differs from head in one or two policies; compiling thousands of unchanged ones again dominated a
 * large check. Models are not changed once built, so an object's compiled form never goes stale.
 */
const compiledPolicies = new WeakMap<NetworkPolicy, CompiledPolicy>();
const compiledPeers = new WeakMap<PolicyPeer, CompiledPeer>();
const groupKeys = new WeakMap<Workload, string>();

/** Workloads with the same key are identical pods for every policy: namespace, labels, ports and stated IPs. */
export function groupKey(workload: Workload): string {
  let key = groupKeys.get(workload);
  if (key === undefined) {
    key = JSON.stringify([
      workload.namespace,
      sortedEntries(workload.labels),
      workload.ports,
      [...workload.ips].sort(),
    ]);
    groupKeys.set(workload, key);
  }
  return key;
}

/** The ports a precomputed row allows with one other group. */
function rowPorts(row: DirectionRow, other: Group): ConnSet {
  if (!row.isolated) return ConnSet.all();
  let ports = row.everyPod.union(row.byGroup.get(other.index) ?? ConnSet.none());
  for (const named of row.everyPodNamed) ports = ports.union(named.resolve(other.facts.ports));
  return ports;
}

/** Report order of workloads: namespace, kind, name, compared as plain strings so every machine agrees. */
export function compareWorkloads(a: WorkloadPeer, b: WorkloadPeer): number {
  return compareText(a.namespace, b.namespace) || compareText(a.kind, b.kind) || compareText(a.name, b.name);
}

/** Labels as entries in key order, so equal sets compare and print alike. */
export function sortedEntries(labels: Labels): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => compareText(a, b));
}

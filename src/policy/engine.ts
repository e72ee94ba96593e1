import { pushTo, sameEntries, sameItems } from '../collections.js';
import type { SourceLocation } from '../manifests/types.js';
import { namespaceLabelsOf } from '../model/build.js';
import { hostNetworkSeenAs, type Cni } from '../model/cni.js';
import { ciliumClusterName, cniEnforcesKind, policyEnforcementMode } from '../model/cni.js';
import type {
  ClusterModel,
  ContainerPort,
  Labels,
  Namespace,
  NetworkPolicy,
  L7Rules,
  PolicyPeer,
  Protocol,
  RuleAction,
  Tier,
  TieredPolicy,
  Workload,
} from '../model/types.js';
import { compileNetworkPolicy } from '../kinds/network-policy/compile.js';
import {
  compilePeer,
  compileTieredPolicy,
  matchesEveryPod,
  podsMatchedByAddress,
  type AddressMatch,
  type CompiledPeer,
  type CompiledPolicy,
  type CompiledPorts,
  type CompiledRule,
  type PeerFacts,
  type PodFacts,
} from './compile.js';
import {
  compareBlocks,
  blocksOf,
  ExternalBlockCache,
  externalBlocks,
  PROTOCOL_ORDER,
  type ExternalBlock,
  type ExternalContribution,
} from './external.js';
import { coversDnsName, fqdnText, withFqdnPeers } from './fqdn.js';
import { ciliumIdentity, identityOf, labelFilterOf, type LabelFilter } from './identity.js';
import {
  addressToRange,
  cidrToRange,
  compareBigInt,
  compareRanges,
  formatAddress,
  rangeContains,
  rangeToCidrs,
  type IpRange,
} from './ip.js';
import { compareText } from '../text/compare.js';
import { ConnSet } from './portset.js';
import { selectorKeys } from './selector.js';
import { filteredPortsKey, l7FilterKey } from './l7.js';
import { composeDirection, decidePort, type OrderedRule, type PortDecision } from './tiers.js';
import type {
  AdmittingRule,
  DecidingPeer,
  Connection,
  Decision,
  ConnectionScope,
  Direction,
  DnsAnswers,
  Endpoint,
  EngineOptions,
  Explanation,
  FilteredPorts,
  L7Filter,
  L7Rule,
  PolicyEngine,
  PolicyVerdict,
  PortRange,
  RuleVerdict,
  SideExplanation,
  TierDecision,
  WorkloadPeer,
} from './types.js';

/**
 * Creates the semantics engine over one model. Workloads with the same namespace, labels, container ports and
 * stated IPs are evaluated once as a group; selectors are compiled once; which groups each policy selects and each
 * peer matches is computed once, so `connectivity()` stays near the size of its output on large repositories.
 */
export function createEngine(model: ClusterModel, options: EngineOptions = {}): PolicyEngine {
  return new Engine(model, undefined, options);
}

/**
 * An engine for `model` that takes from `like` what the two models share: when both are over the same workloads,
 * namespaces and cluster settings and differ only in the policies of some namespaces (a fix's verification, which
 * patches a few), the groups of every other namespace and what selects them are `like`'s, so building it costs what
 * those namespaces hold rather than the cluster. Otherwise, or for an engine not made here, it is `createEngine`.
 */
export function createEngineLike(like: PolicyEngine, model: ClusterModel): PolicyEngine {
  return new Engine(model, like instanceof Engine ? like : undefined);
}

/** What a model changes from another's that an engine made like the other's can take (`changesFrom`). */
interface ChangesFrom {
  /** Namespaces whose namespaced policies differ. */
  namespaces: ReadonlySet<string>;
  /** The other model's workloads that this one replaces by other objects grouped alike, with their replacements. */
  replaced: ReadonlyMap<Workload, Workload>;
}

/** One rule of a policy selecting a pod, with its action, as the tiers compose it. */
interface TierRule {
  policy: CompiledPolicy;
  rule: CompiledRule;
  action: RuleAction;
}

/** What applies to a pod in one direction, tier by tier. */
interface Selecting {
  /** Namespaced-tier policies selecting the pod whose rules apply to the direction. */
  namespaced: CompiledPolicy[];
  /** Whether the namespaced tier decides for the pod: some of them apply, or Cilium enforces policy on every pod. */
  decides: boolean;
  /** Whether one of them isolates the pod (all but Cilium policies that opt out with `enableDefaultDeny`). */
  isolated: boolean;
  /** Rules of the admin and baseline policies selecting the pod, in evaluation order. */
  admin: TierRule[];
  baseline: TierRule[];
  /** Deny rules of the namespaced tier, in order (NetworkPolicy has none; other namespaced kinds may). */
  denies: TierRule[];
  /** Whether an allow rule of the namespaced tier has L7 rules that refuse some request (Cilium, `l7.ts`). */
  l7: boolean;
  /** What its policies of every tier (`every`) or of one tier mean, once `selectionMeaning` asked. */
  meanings: Partial<Record<Tier | 'every', string>>;
}

/** Identical pods as the policies see them: one evaluation stands for all its members. */
interface Group {
  index: number;
  facts: PodFacts;
  members: Workload[];
  selecting: Record<Direction, Selecting>;
}

/** One direction of one group, precomputed for `connectivity()`. */
interface DirectionRow {
  /**
   * Set when rules other than namespaced allows apply (admin, baseline, namespaced denies): the tiers' composition
   * for one other group. The fields below then describe the namespaced allows alone.
   */
  compose?: (other: Group) => ConnSet;
  isolated: boolean;
  /** Ports allowed with every pod, from rules whose peers match every pod and whose ports are not named. */
  everyPod: ConnSet;
  /** Egress only: rules matching every pod whose named ports resolve differently per destination. */
  everyPodNamed: CompiledPorts[];
  /** Ports allowed with the pods of one other group, by group index. */
  byGroup: Map<number, ConnSet>;
  /**
   * The groups (by index) this row may allow some port with, a superset that `connectivity()` pairs a group with;
   * undefined when that may be any group.
   */
  reached(): readonly number[] | undefined;
  /** What the allows give addresses outside the pods, before they are cut into blocks. */
  contributions: ExternalContribution[];
  /** Addresses outside the pods, cut into blocks with the ports allowed with each (worked out when first asked). */
  external(): readonly ExternalBlock[];
}

/**
 * Groups a row looks at instead of every group: a source outside a connection scope is asked only about the
 * scope's destinations, so its egress row lists and classes those only, and answers for them only.
 */
interface Towards {
  groups: readonly Group[];
  /** The same, by namespace. */
  byNamespace: Map<string, Group[]>;
  /** By `CompiledPeer.key`: the groups among these that the peer matches. */
  peers: Map<string, Group[]>;
  /** By list of tier rules: the classes of these groups. */
  tierClasses: Map<string, TierClasses>;
}

/** Groups (by their facts and indices) that peers and tier rules match, worked out once per distinct key. */
interface GroupMatching {
  /** By `CompiledPeer.key` (`matchedGroups`). */
  peers: Map<string, Group[]>;
  /** By `CompiledPeer.namespaceKey` (`candidateGroups`). */
  namespaces: Map<string, Group[]>;
  /** By list of tier rules (`tierClasses`). */
  tierClasses: Map<string, TierClasses>;
}

/** Groups by the tier rules of one list that match them (see `tierClasses`). */
interface TierClasses {
  /** The class of each group, by group index. */
  classOf: Int32Array;
  /** The groups of each class, by class. */
  members: Group[][];
}

/** What each rule of one policy says about one connection. */
interface PolicyEvaluation {
  compiled: CompiledPolicy;
  rules: { compiled: CompiledRule; peerMatches: boolean; ports: ConnSet }[];
}

/** One side's evaluation of one connection: the policies that apply to it and what each rule says. */
interface SideEvaluation {
  isolated: boolean;
  allowed: ConnSet;
  /** The namespaced tier's policies (those that isolate). */
  policies: PolicyEvaluation[];
  /** The admin and baseline policies selecting the subject, in evaluation order. */
  tiered: PolicyEvaluation[];
  /** Set when the other end is the local host, which Cilium lets reach the pod whatever its allows say. */
  localHost?: true;
}

class Engine implements PolicyEngine {
  private readonly policiesByNamespace = new Map<string, CompiledPolicy[]>();
  /** Admin, then baseline policies, each tier by priority, then name (the reference implementation's order). */
  private readonly clusterPolicies: CompiledPolicy[] = [];
  /** Cluster-scoped policies of the namespaced tier (CiliumClusterwideNetworkPolicy), for pods of any namespace. */
  private readonly clusterwideNamespaced: CompiledPolicy[] = [];
  private readonly groups: Group[] = [];
  /** Whether some group is of pods no pod policy sees (hostNetwork pods on some CNIs, `model/cni.ts`). */
  private hasUnpoliced = false;
  /** Shared by engines that share groups (`shareGroups`): a group index then stands for the same pods in each. */
  private groupsOrigin: object = {};
  private readonly groupOfWorkload: Pick<Map<Workload, Group>, 'get'>;
  /** What is worked out about workloads outside the model (probes, pods only flows describe), per workload. */
  private readonly outsideFacts = new WeakMap<Workload, PodFacts>();
  private readonly outsideSelecting = new WeakMap<Workload, Record<Direction, Selecting>>();
  private readonly groupsByNamespace = new Map<string, Group[]>();
  /**
   * What peers and tier rules match among the groups, which depends on the groups' facts only: engines made like
   * another over the same workloads (`groupsLike`, a fix's verification) share it.
   */
  private matching: GroupMatching = { peers: new Map(), namespaces: new Map(), tierClasses: new Map() };
  private readonly peerMembers = new Map<string, readonly Workload[]>();
  /** `selectionKey` per namespace. */
  private readonly selectionKeys = new Map<string, string>();
  /** Each distinct selection meaning, as the one string `selectionMeaning` gives for it. */
  private readonly meanings = new Map<string, string>();
  /** The meaning of each set of policies (by direction and their ids), as `selectionMeaning` gives it. */
  private readonly meaningsOfPolicies = new Map<string, string>();
  /** Pods selected by the same policies share their address rules: their blocks are computed once. */
  private readonly externalBlockCache = new ExternalBlockCache();
  /** Which pods address rules match on the model's CNI. */
  private readonly addressMatch: AddressMatch;
  /** Cilium's policy enforcement mode (`default` on other CNIs). */
  private readonly enforcement: ReturnType<typeof policyEnforcementMode>;
  /** The value of the cluster label Cilium gives every pod. */
  private readonly clusterName: string;
  /** Which pod labels are part of Cilium's identity, under `cni: cilium`. */
  private readonly labelFilter: LabelFilter | undefined;
  /** Whether a rule of a namespaced-tier policy filters at L7: only then do connections carry L7 filters. */
  private readonly hasL7: boolean;
  /** The names the DNS answers the engine was given answered each address for (what `explain` says of toFQDNs). */
  private readonly answeredNames: AnsweredNames;

  constructor(
    readonly model: ClusterModel,
    like?: Engine,
    options: EngineOptions = {},
  ) {
    this.addressMatch = addressMatchOf(model);
    this.enforcement = policyEnforcementMode(model);
    this.clusterName = ciliumClusterName(model);
    this.labelFilter = labelFilterOf(model);
    this.answeredNames = answeredNames(options.dns);
    // Cilium's `policyEnforcementMode: never` enforces no policy: every connection is allowed.
    const enforced = this.enforcement !== 'never';
    for (const policy of enforced ? model.policies : []) {
      const compiled = this.compiled(policy);
      pushTo(this.policiesByNamespace, policy.namespace, compiled);
    }
    const tiered = model.tieredPolicies ?? [];
    for (const policy of enforced ? withFqdnPeers(tiered, options.dns) : []) {
      if (!cniEnforcesKind(model, policy.ref.kind)) continue;
      const compiled = compiledTiered(policy, this.addressMatch);
      if (compiled.tier !== 'namespaced') this.clusterPolicies.push(compiled);
      else if (compiled.namespace !== undefined)
        pushTo(this.policiesByNamespace, compiled.namespace, compiled);
      else this.clusterwideNamespaced.push(compiled);
    }
    this.hasL7 = [...[...this.policiesByNamespace.values()].flat(), ...this.clusterwideNamespaced].some(
      (policy) => [...policy.ingress, ...policy.egress].some((rule) => rule.l7 !== undefined),
    );
    this.clusterPolicies.sort(
      (a, b) =>
        TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
        a.priority - b.priority ||
        compareText(a.ref.name, b.ref.name),
    );
    const changes = like && this.changesFrom(like);
    if (changes) {
      this.groupOfWorkload = this.groupsLike(like, changes);
      return;
    }
    const appended = like && this.workloadsAppendedTo(like);
    if (appended) {
      // Looked up among the appended workloads' groups first, then in `like`'s (not copied: that would cost the
      // cluster again); set before grouping, which asks it.
      const own = new Map<Workload, Group>();
      const shared = like.groupOfWorkload;
      this.groupOfWorkload = { get: (workload) => own.get(workload) ?? shared.get(workload) };
      this.groupAppended(like, appended, own);
      return;
    }
    const groupOfWorkload = new Map<Workload, Group>();
    this.groupOfWorkload = groupOfWorkload;
    const groupByKey = new Map<string, Group>();
    for (const workload of model.workloads) {
      const key = groupKey(workload);
      let group = groupByKey.get(key);
      if (!group) {
        group = this.newGroup(workload);
        groupByKey.set(key, group);
      }
      group.members.push(workload);
      groupOfWorkload.set(workload, group);
    }
  }

  /** A group for the workload (without members yet), placed after the engine's groups. */
  private newGroup(workload: Workload): Group {
    const facts = this.podFacts(workload);
    const group = { index: this.groups.length, facts, members: [], selecting: this.evaluateSelecting(facts) };
    this.groups.push(group);
    if (facts.unpoliced) this.hasUnpoliced = true;
    pushTo(this.groupsByNamespace, workload.namespace, group);
    return group;
  }

  /**
   * What differs between `like`'s model and this one when nothing that groups pods does: the namespaces whose
   * policies differ, and the workloads that are other objects grouped alike (a file a pull request changed is read
   * again, so the pods it declares are new objects with the same labels and ports). That needs workloads grouped
   * alike in the same order, namespaces with the same labels, the same CNI settings and cluster-scoped policies;
   * otherwise undefined.
   */
  private changesFrom(like: Engine): ChangesFrom | undefined {
    const [before, after] = [like.model, this.model];
    if (
      before.workloads.length !== after.workloads.length ||
      !sameNamespaceLabels(before.namespaces, after.namespaces) ||
      !this.sameSettings(like)
    )
      return undefined;
    const replaced = new Map<Workload, Workload>();
    // A fix's verification keeps the list itself: nothing to walk.
    if (before.workloads !== after.workloads) {
      for (let index = 0; index < before.workloads.length; index++) {
        const [was, is] = [before.workloads[index]!, after.workloads[index]!];
        if (was === is) continue;
        if (groupKey(was) !== groupKey(is)) return undefined;
        replaced.set(was, is);
      }
    }
    return { namespaces: this.policyNamespacesChanged(like), replaced };
  }

  /**
   * The workloads this model adds after all of `like`'s (the same objects, in the same order), when nothing that
   * groups or selects `like`'s pods differs: its namespaces kept, the same policies and settings (the check's diff
   * model, which adds the representatives of pods the tree does not show). Undefined otherwise.
   */
  private workloadsAppendedTo(like: Engine): readonly Workload[] | undefined {
    const [before, after] = [like.model, this.model];
    if (after.workloads.length < before.workloads.length || !this.sameSettings(like)) return undefined;
    if (this.policyNamespacesChanged(like).size > 0) return undefined;
    for (const [name, namespace] of before.namespaces)
      if (after.namespaces.get(name) !== namespace) return undefined;
    for (let index = 0; index < before.workloads.length; index++)
      if (after.workloads[index] !== before.workloads[index]) return undefined;
    return after.workloads.slice(before.workloads.length);
  }

  /**
   * Takes `like`'s groups, shared, and groups the appended workloads as the whole list would: into a group of
   * `like`'s (copied, with its members extended, since `like` keeps its own) or a new one after them; `own` gets
   * where each workload of a new or copied group is.
   */
  private groupAppended(like: Engine, appended: readonly Workload[], own: Map<Workload, Group>): void {
    this.shareGroups(like);
    const byKey = new Map<string, Group>();
    const likeByKey = new Map<string, Group>();
    for (const namespace of new Set(appended.map((workload) => workload.namespace)))
      for (const group of like.groupsByNamespace.get(namespace) ?? [])
        likeByKey.set(groupKey(group.members[0]!), group);
    for (const workload of appended) {
      const key = groupKey(workload);
      let group = byKey.get(key);
      if (!group) {
        const shared = likeByKey.get(key);
        if (shared) {
          group = { ...shared, members: [...shared.members] };
          this.groups[group.index] = group;
          this.groupsByNamespace.set(
            workload.namespace,
            this.groupsByNamespace
              .get(workload.namespace)!
              .map((other) => (other === shared ? group! : other)),
          );
          for (const member of shared.members) own.set(member, group);
        } else group = this.newGroup(workload);
        byKey.set(key, group);
      }
      group.members.push(workload);
      own.set(workload, group);
    }
  }

  /** Starts from `like`'s groups, shared as they are: callers replace the ones that differ here. */
  private shareGroups(like: Engine): void {
    this.groupsOrigin = like.groupsOrigin;
    this.hasUnpoliced = like.hasUnpoliced;
    for (const group of like.groups) this.groups.push(group);
    for (const [namespace, groups] of like.groupsByNamespace) this.groupsByNamespace.set(namespace, groups);
  }

  /** Whether the settings and cluster-scoped policies that select and judge pods are `like`'s. */
  private sameSettings(like: Engine): boolean {
    return (
      like.model.cni === this.model.cni &&
      like.addressMatch === this.addressMatch &&
      like.enforcement === this.enforcement &&
      like.clusterName === this.clusterName &&
      like.labelFilter === this.labelFilter &&
      sameItems(like.clusterPolicies, this.clusterPolicies) &&
      sameItems(like.clusterwideNamespaced, this.clusterwideNamespaced)
    );
  }

  /** The namespaces whose namespaced policies differ from `like`'s. */
  private policyNamespacesChanged(like: Engine): Set<string> {
    const changed = new Set<string>();
    for (const namespace of new Set([
      ...like.policiesByNamespace.keys(),
      ...this.policiesByNamespace.keys(),
    ])) {
      if (!sameItems(like.policiesByNamespace.get(namespace), this.policiesByNamespace.get(namespace)))
        changed.add(namespace);
    }
    return changed;
  }

  /**
   * `like`'s groups (workloads grouped alike make the same groups, in the same order), each shared where its
   * namespace's policies did not change and its members are the same objects, re-evaluated for this engine's
   * policies where they changed, and copied with this model's members where some were replaced; returns where each
   * workload is, looked up among those groups first and then in `like`'s (not copied: that would cost the cluster
   * again).
   */
  private groupsLike(like: Engine, changes: ChangesFrom): Engine['groupOfWorkload'] {
    this.shareGroups(like);
    // The same facts at the same indices (re-evaluated groups differ in what selects them only).
    this.matching = like.matching;
    const ownGroups = new Map<Workload, Group>();
    const { namespaces, replaced } = changes;
    const copied = new Set<Group>();
    for (const workload of replaced.keys()) copied.add(like.groupOfWorkload.get(workload)!);
    // The namespaces whose groups differ: those whose policies changed, and those of re-read workloads.
    const differing = new Set([...namespaces, ...[...replaced.keys()].map((workload) => workload.namespace)]);
    for (const namespace of differing) {
      const groups = like.groupsByNamespace.get(namespace);
      if (!groups) continue;
      const reevaluated = namespaces.has(namespace);
      const own = groups.map((group) => {
        if (!reevaluated && !copied.has(group)) return group;
        const members = group.members.map((member) => replaced.get(member) ?? member);
        return reevaluated
          ? { ...group, members, selecting: this.evaluateSelecting(group.facts) }
          : { ...group, members };
      });
      for (const group of own) {
        if (group === like.groups[group.index]) continue;
        this.groups[group.index] = group;
        for (const member of group.members) ownGroups.set(member, group);
      }
      this.groupsByNamespace.set(namespace, own);
    }
    const shared = like.groupOfWorkload;
    return ownGroups.size === 0
      ? shared
      : { get: (workload) => ownGroups.get(workload) ?? shared.get(workload) };
  }

  allowsAtLeast(other: PolicyEngine, workload: Workload, direction: Direction): boolean {
    if (!(other instanceof Engine) || other.groupsOrigin !== this.groupsOrigin || workload.representative)
      return false;
    const mine = this.groupOfWorkload.get(workload);
    const theirs = other.groupOfWorkload.get(workload);
    if (!mine || !theirs || mine.index !== theirs.index) return false;
    // Asked for every workload of a patched namespace, most of which share their group.
    let known = this.allowsAtLeastOf.get(other);
    if (!known) this.allowsAtLeastOf.set(other, (known = new Map()));
    let answers = known.get(mine);
    if (!answers) known.set(mine, (answers = {}));
    return (answers[direction] ??= this.groupAllowsAtLeast(other, mine, theirs, direction));
  }

  private readonly allowsAtLeastOf = new WeakMap<Engine, Map<Group, Partial<Record<Direction, boolean>>>>();

  private groupAllowsAtLeast(other: Engine, mine: Group, theirs: Group, direction: Direction): boolean {
    const [here, there] = [mine.selecting[direction], theirs.selecting[direction]];
    // With the same rules around the namespaced tier, its composition gives every pod at least as much from wider
    // namespaced allows (`composeDirection` is monotone in them).
    if (
      here.decides !== there.decides ||
      !sameRules(here.admin, there.admin) ||
      !sameRules(here.baseline, there.baseline) ||
      !sameRules(here.denies, there.denies)
    )
      return false;
    return rowCovers(this.namespacedRow(mine, direction), other.namespacedRow(theirs, direction));
  }

  policyWorkloads(policy: NetworkPolicy): Workload[] {
    const compiled = this.compiled(policy);
    return (this.groupsByNamespace.get(policy.namespace) ?? [])
      .filter((group) => compiled.selects(group.facts))
      .flatMap((group) => group.members);
  }

  selectingPolicies(workload: Workload, direction: Direction): NetworkPolicy[] {
    return this.selecting(workload, direction).namespaced.flatMap((compiled) =>
      compiled.networkPolicy ? [compiled.networkPolicy] : [],
    );
  }

  isIsolated(workload: Workload, direction: Direction): boolean {
    return this.selecting(workload, direction).isolated;
  }

  selectionMeaning(workload: Workload, direction: Direction, tier?: Tier): string {
    const selecting = this.selecting(workload, direction);
    let meaning = selecting.meanings[tier ?? 'every'];
    if (meaning === undefined) {
      const { namespaced, admin, baseline } = selecting;
      const tierRules = tier === undefined ? [...admin, ...baseline] : tier === 'admin' ? admin : baseline;
      const policies = new Set([
        ...(tier === undefined || tier === 'namespaced' ? namespaced : []),
        ...(tier === 'namespaced' ? [] : tierRules.map((rule) => rule.policy)),
      ]);
      // Selectings whose policies of the asked tiers are the same share the meaning (every namespace of a tenant has
      // its admin tier's): the long text is joined and hashed once per set of policies.
      const ids = `${direction}|${[...policies].map(objectId).sort((a, b) => a - b)}`;
      meaning = this.meaningsOfPolicies.get(ids);
      if (meaning === undefined) {
        // Tiers order their policies by priority and name, which meanings carry: the set's order does not matter.
        meaning = [...policies]
          .map((policy) => policy.meaning(direction))
          .sort()
          .join('\u0000');
        // One string per meaning: callers key maps by meanings, and equal strings that are one object compare at once.
        const known = this.meanings.get(meaning);
        if (known === undefined) this.meanings.set(meaning, meaning);
        else meaning = known;
        this.meaningsOfPolicies.set(ids, meaning);
      }
      selecting.meanings[tier ?? 'every'] = meaning;
    }
    return meaning;
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
    return this.decide(direction, subject, other, protocol, port).allowed;
  }

  allowingRule(from: Endpoint, to: Endpoint, protocol: Protocol, port: number): SourceLocation | undefined {
    const sides = [
      ['ingress', to, from],
      ['egress', from, to],
    ] as const;
    for (const [direction, subject, other] of sides) {
      const { allowed, rule } = this.decide(direction, subject, other, protocol, port);
      if (allowed && rule?.action === 'allow') return ruleLocation(rule.policy, rule.rule);
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
    // Only where the namespaced tier decides: an admin verdict or a default allow leaves its rules moot.
    if (this.decide(direction, subject, other, protocol, port).tier !== 'namespaced') return [];
    const side = this.sideOf(direction, subject as { workload: Workload }, other);
    const admitting: AdmittingRule[] = [];
    // Every kind's allow rules: a CiliumNetworkPolicy's admit like a NetworkPolicy's (PolicyRef names the kind).
    for (const compiled of side.selecting.namespaced) {
      for (const rule of compiled[direction]) {
        if (rule.action === 'allow' && admits(rule, side, protocol, port))
          admitting.push({ policy: compiled.ref, index: rule.index, path: rule.path });
      }
    }
    return admitting;
  }

  decision(
    direction: Direction,
    subject: Endpoint,
    other: Endpoint,
    protocol: Protocol,
    port: number,
  ): Decision {
    const { tier, allowed, rule } = this.decide(direction, subject, other, protocol, port);
    if (rule) {
      return {
        direction,
        tier,
        action: rule.action,
        policy: rule.policy.ref,
        ...(tier === 'namespaced' ? {} : { priority: rule.policy.priority }),
        index: rule.rule.index,
        ...(rule.rule.name !== undefined ? { name: rule.rule.name } : {}),
        path: rule.rule.path,
        location: ruleLocation(rule.policy, rule.rule),
        ...this.decidingPeer(direction, subject, other, rule),
      };
    }
    const action = allowed ? 'allow' : 'deny';
    if (tier !== 'namespaced') return { direction, tier, action };
    // No rule of the tier matched: the policy that isolates the pod denies, or one applying without isolating allows.
    const { namespaced } = this.selecting((subject as { workload: Workload }).workload, direction);
    const policy = allowed
      ? namespaced[0]
      : (namespaced.find((compiled) => (compiled.isolates ?? compiled.applies)[direction]) ?? namespaced[0]);
    return policy ? { direction, tier, action, policy: policy.ref } : { direction, tier, action };
  }

  /** The first peer item of the deciding rule that matches the other end, with its location (`Decision.peer`). */
  private decidingPeer(
    direction: Direction,
    subject: Endpoint,
    other: Endpoint,
    { policy, rule }: TierRule,
  ): { peer?: DecidingPeer } {
    if (!rule.peers || !('workload' in subject)) return {};
    const { otherFacts } = this.sideOf(direction, subject, other);
    const matched = rule.peers.find((peer) => peer.matches(otherFacts));
    return matched ? { peer: { ...matched.peer, location: policy.locate(matched.peer.path) } } : {};
  }

  /**
   * How the tiers decide one port of one side (`tiers.ts`), with the deciding rule. Stops at that rule, without
   * building any port set: replaying flows and judging risks ask this for tens of thousands of connections.
   */
  private decide(
    direction: Direction,
    subject: Endpoint,
    other: Endpoint,
    protocol: Protocol,
    port: number,
  ): PortDecision<TierRule> {
    // An address outside the pods has no policies: its side allows everything.
    if (!('workload' in subject)) return DEFAULT_ALLOW;
    const selecting = this.selecting(subject.workload, direction);
    if (isEmptySelecting(selecting)) return DEFAULT_ALLOW;
    const side = this.sideOf(direction, subject, other);
    const admitting = (rule: TierRule) => admits(rule.rule, side, protocol, port);
    // Open (no policy isolates, or the local host reaching its pod): an allow lets through nothing more.
    const open = !selecting.isolated || fromLocalHost(direction, side.otherFacts);
    return decidePort(selecting.admin, selecting.baseline, admitting, () => {
      const allowing = open
        ? undefined
        : firstRule(selecting.namespaced, direction, 'allow', side, protocol, port);
      const denying = selecting.denies.length > 0 ? selecting.denies.find(admitting) : undefined;
      return { decides: selecting.decides, open, allowing, denying };
    });
  }

  l7Filter(from: Endpoint, to: Endpoint, protocol: Protocol, port: number): L7Filter | undefined {
    if (!this.hasL7 || !this.isAllowed(from, to, protocol, port)) return undefined;
    const egress = this.sideL7('egress', from, to, protocol, port);
    const ingress = this.sideL7('ingress', to, from, protocol, port);
    if (!egress && !ingress) return undefined;
    return { ...(egress ? { egress } : {}), ...(ingress ? { ingress } : {}) };
  }

  /**
   * The L7 rules one side of an allowed connection filters it by (`l7.ts`): those of every namespaced allow that
   * admits the port, merged; none when one of them admits it without L7 rules, which wildcards L7 for the peer, or
   * when the side is not isolated (Cilium's inserted allow-all has no L7 rules) or another tier decides it.
   */
  private sideL7(
    direction: Direction,
    subject: Endpoint,
    other: Endpoint,
    protocol: Protocol,
    port: number,
  ): L7Rule[] | undefined {
    if (!('workload' in subject)) return undefined;
    const selecting = this.selecting(subject.workload, direction);
    if (!selecting.l7 || !selecting.isolated) return undefined;
    if (this.decide(direction, subject, other, protocol, port).tier !== 'namespaced') return undefined;
    const side = this.sideOf(direction, subject, other);
    const rules: L7Rule[] = [];
    for (const policy of selecting.namespaced) {
      for (const rule of policy[direction]) {
        if (rule.action !== 'allow' || !admits(rule, side, protocol, port)) continue;
        if (!rule.l7 || rule.l7.plain.resolve(side.destinationPorts).has(protocol, port)) return undefined;
        for (const { l7, ports } of rule.l7.filtered) {
          if (ports.resolve(side.destinationPorts).has(protocol, port)) rules.push(...l7RulesOf(policy, l7));
        }
      }
    }
    // In the policies' order, not the manifests': the same tree in another file order gives the same filter.
    return rules.length > 0 ? rules.sort(compareL7Rules) : undefined;
  }

  /**
   * The ports of `ports` (allowed from `from` to `to`) that a proxy filters, each run of ports with the filter it
   * shares. Asked only for pairs where a side has L7 rules; the filter is worked out once per run of ports that the
   * matching rules' port ranges cut alike.
   */
  private filteredPorts(from: Endpoint, to: Endpoint, protocol: Protocol, ports: ConnSet): FilteredPorts[] {
    const ends: [Direction, Endpoint, Endpoint][] = [
      ['egress', from, to],
      ['ingress', to, from],
    ];
    let candidates = ConnSet.none();
    const bounds = new Set<number>();
    for (const [direction, subject, other] of ends) {
      // An address outside the pods has no policies, nor a proxy that filters.
      if (!('workload' in subject)) continue;
      const side = this.sideOf(direction, subject, other);
      if (!side.selecting.l7) continue;
      for (const policy of side.selecting.namespaced) {
        for (const rule of policy[direction]) {
          if (rule.action !== 'allow' || (rule.peers && !rule.peers.some((p) => p.matches(side.otherFacts))))
            continue;
          const sets = [
            rule.ports,
            ...(rule.l7 ? [rule.l7.plain, ...rule.l7.filtered.map((f) => f.ports)] : []),
          ];
          for (const set of sets)
            for (const [lo, hi] of set.resolve(side.destinationPorts).ranges(protocol)) {
              bounds.add(lo);
              bounds.add(hi + 1);
            }
          for (const { ports: filtered } of rule.l7?.filtered ?? [])
            candidates = candidates.union(filtered.resolve(side.destinationPorts));
        }
      }
    }
    const result: FilteredPorts[] = [];
    let last: { key: string; entry: FilteredPorts } | undefined;
    for (const [lo, hi] of candidates.intersection(ports).ranges(protocol)) {
      const cuts = [lo, ...[...bounds].filter((b) => b > lo && b <= hi).sort((a, b) => a - b), hi + 1];
      for (let i = 0; i + 1 < cuts.length; i++) {
        const start = cuts[i]!;
        const end = cuts[i + 1]! - 1;
        const filter = this.l7Filter(from, to, protocol, start);
        const key = l7FilterKey(filter);
        if (filter && last?.key === key && last.entry.ports.at(-1)![1] + 1 === start)
          last.entry.ports[last.entry.ports.length - 1]![1] = end;
        else if (filter) result.push((last = { key, entry: { ports: [[start, end]], ...filter } }).entry);
        else last = undefined;
      }
    }
    return result;
  }

  /** What deciding one side of a connection needs: what applies to `subject`, facts about `other`, ports. */
  private sideOf(direction: Direction, subject: { workload: Workload }, other: Endpoint): SideFacts {
    const otherFacts = this.peerFacts(other);
    return {
      selecting: this.selecting(subject.workload, direction),
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
    const verdicts = (
      evaluations: readonly PolicyEvaluation[],
      tiered: boolean,
      other: Endpoint,
    ): PolicyVerdict[] =>
      evaluations.map(({ compiled, rules }) => ({
        policy: compiled.ref,
        ...(tiered ? { tier: compiled.tier, priority: compiled.priority } : {}),
        rules: rules.map((rule) => ({
          index: rule.compiled.index,
          loc: ruleLocation(compiled, rule.compiled),
          peerMatches: rule.peerMatches,
          portMatches: rule.ports.has(protocol, port),
          ...unresolvedNames(rule.compiled, rule.ports.has(protocol, port), to),
          ...(tiered || rule.compiled.action !== 'allow' ? { action: rule.compiled.action } : {}),
          ...(rule.compiled.name !== undefined ? { name: rule.compiled.name } : {}),
          ...this.podAddress(rule.compiled, other),
          ...(rule.peerMatches ? {} : this.notInIdentity(rule.compiled, other)),
          ...fqdnVerdict(rule.compiled, rule.peerMatches, other, this.answeredNames),
          ...addressesFromDns(rule.compiled, rule.peerMatches, other),
        })),
      }));
    const explainSide = (direction: Direction, subject: Endpoint, other: Endpoint): SideExplanation => {
      const side = this.evaluateSide(direction, subject, other);
      const explained: SideExplanation = {
        direction,
        isolated: side.isolated,
        allowed: side.allowed.has(protocol, port),
        policies: verdicts(side.policies, false, other),
        ...(side.localHost ? { localHost: true as const } : {}),
      };
      if (side.tiered.length === 0) return explained;
      const decision = this.decide(direction, subject, other, protocol, port);
      return {
        ...explained,
        tiered: verdicts(side.tiered, true, other),
        decision: tierDecision(decision),
      };
    };
    const egress = explainSide('egress', from, to);
    const ingress = explainSide('ingress', to, from);
    const l7 = this.l7Filter(from, to, protocol, port);
    return {
      allowed: egress.allowed && ingress.allowed,
      protocol,
      port,
      egress,
      ingress,
      ...(l7 ? { l7 } : {}),
    };
  }

  /**
   * Where a rule's address peer covers a stated address of the pod at the other end: whether the CNI lets it match
   * the pod by that address, which `explain` states beside the verdict (the engine's ipBlock-to-pod assumption).
   */
  private podAddress(rule: CompiledRule, other: Endpoint): Pick<RuleVerdict, 'podAddress'> {
    if (!('workload' in other)) return {};
    const facts = this.podFacts(other.workload);
    for (const peer of rule.peers ?? []) {
      if (!peer.peer.ipBlock) continue;
      const address = other.workload.ips.find((ip) => {
        const range = addressToRange(ip);
        return range !== undefined && peer.ipRanges.some((covering) => rangeContains(covering, range));
      });
      if (address === undefined) continue;
      return {
        podAddress: {
          cidr: peer.peer.ipBlock.cidr,
          address,
          matched: peer.matches({ pod: facts }),
          cni: this.model.cni ?? 'generic',
        },
      };
    }
    return {};
  }

  /**
   * Where a selector peer of a rule that does not match the pod at the other end would match it by its labels, were
   * they not filtered: the labels it requires that Cilium's label filter leaves out of the identity, which `explain`
   * states beside the verdict.
   */
  private notInIdentity(rule: CompiledRule, other: Endpoint): Pick<RuleVerdict, 'notInIdentity'> {
    if (!this.labelFilter || !('workload' in other)) return {};
    const facts = this.podFacts(other.workload);
    const labels = ciliumIdentity(other.workload, this.clusterName);
    const unfiltered = { pod: { ...facts, labels, ciliumLabels: labels } };
    for (const peer of rule.peers ?? []) {
      const { podSelector } = peer.peer;
      if (!podSelector || !peer.matches(unfiltered)) continue;
      const dropped = selectorKeys(podSelector).filter(
        (key) => key in labels && !(key in facts.ciliumLabels),
      );
      if (dropped.length > 0) return { notInIdentity: dropped.sort(compareText) };
    }
    return {};
  }

  connectivity(): Connection[] {
    return [...this.connections()];
  }

  *connections(scope?: ConnectionScope): Generator<Connection> {
    // Rows are worked out when first needed: under a narrow scope most groups are only asked about a few others.
    const rows: Partial<Record<Direction, DirectionRow>>[] = [];
    // An egress row depends on what selects the group, not on the group (its ports name the destination's): groups
    // selected alike, most of a namespace's, share one.
    const egressRow = sharedRows(
      (group) => selectingKey(group.selecting.egress),
      (group) => this.directionRow(group, 'egress'),
    );
    // An ingress row depends on what selects the group and on its own ports (which named ports name): groups of
    // a namespace selected alike that declare the same ports share one.
    const ingressRow = sharedRows(
      (group) => `${selectingKey(group.selecting.ingress)}|${portsKey(group.facts.ports)}`,
      (group) => this.directionRow(group, 'ingress'),
    );
    const rowOf = (group: Group, direction: Direction): DirectionRow =>
      ((rows[group.index] ??= {})[direction] ??=
        direction === 'egress' ? egressRow(group) : ingressRow(group));
    // A source outside the scope is asked only about the scope's destinations: its egress row need answer for those.
    const scopeGroups = once(() =>
      this.groups.filter((group) => group.members.some((member) => scope?.destinations.has(member.id))),
    );
    const towards = once(() => this.towards(scopeGroups()));
    const egressRowTowards = sharedRows(
      (group) => selectingKey(group.selecting.egress),
      (group) => this.directionRow(group, 'egress', towards()),
    );
    const { sorted, rank, peers } = reportOrder(this.model.workloads);
    const connectionsOf = function* (
      from: Connection['from'],
      to: Connection['to'],
      ports: ConnSet,
      l7?: (protocol: Protocol) => FilteredPorts[],
    ): Generator<Connection> {
      for (const protocol of PROTOCOL_ORDER) {
        const ranges = ports.ranges(protocol);
        if (ranges.length === 0) continue;
        const filtered = l7?.(protocol) ?? [];
        yield {
          from,
          to,
          protocol,
          ports: ranges.map(([lo, hi]): PortRange => [lo, hi]),
          ...(filtered.length > 0 ? { l7: filtered } : {}),
        };
      }
    };

    const candidates = this.destinationCandidates(rowOf, rank, scope ? scopeGroups : undefined);
    const inScope = (workload: Workload, ids: ReadonlySet<string> | undefined) =>
      !ids || ids.has(workload.id);
    const anyDestination = !scope || scope.destinations.size > 0;
    for (const source of sorted) {
      const sourceGroup = this.groupOfWorkload.get(source)!;
      // A DNS name peer stands for the addresses pods reach by toFQDNs, which is egress only: it is never a source.
      if (sourceGroup.facts.dnsName) continue;
      const everyDestination = inScope(source, scope?.sources);
      if (!everyDestination && !anyDestination) continue;
      for (const destination of candidates(sourceGroup, everyDestination)) {
        if (destination === source || !(everyDestination || inScope(destination, scope?.destinations)))
          continue;
        const destinationGroup = this.groupOfWorkload.get(destination)!;
        if (betweenNodes(sourceGroup, destinationGroup)) continue;
        const egressPorts = rowPorts(
          everyDestination ? rowOf(sourceGroup, 'egress') : egressRowTowards(sourceGroup),
          destinationGroup,
        );
        // An entity or a DNS name has no container ports: a named port never means one of its ports.
        const named =
          destination.representative && !destination.entities && !destination.dnsName
            ? this.namedTowards(source, destination)
            : undefined;
        if (egressPorts.isEmpty() && !named) continue;
        const ingress = rowOf(destinationGroup, 'ingress');
        const ports = egressPorts.intersection(rowPorts(ingress, sourceGroup));
        // L7 filters are rare: only pairs where a side has L7 rules are asked about them.
        const l7 =
          this.hasL7 && (sourceGroup.selecting.egress.l7 || destinationGroup.selecting.ingress.l7)
            ? (protocol: Protocol) =>
                this.filteredPorts({ workload: source }, { workload: destination }, protocol, ports)
            : undefined;
        if (!named) {
          yield* connectionsOf(peers.get(source)!, peers.get(destination)!, ports, l7);
          continue;
        }
        for (const protocol of PROTOCOL_ORDER) {
          const ranges = ports.ranges(protocol);
          const names = named.get(protocol);
          if (ranges.length === 0 && !names) continue;
          yield {
            from: peers.get(source)!,
            to: peers.get(destination)!,
            protocol,
            ports: ranges.map(([lo, hi]): PortRange => [lo, hi]),
            ...(names ? { namedPorts: names } : {}),
            ...(l7 && l7(protocol).length > 0 ? { l7: l7(protocol) } : {}),
          };
        }
      }
      if (!everyDestination || sourceGroup.facts.entities) continue;
      const outbound = rowOf(sourceGroup, 'egress').external();
      const from = peers.get(source)!;
      if (this.hasL7 && sourceGroup.selecting.egress.l7)
        for (const block of this.filteredBlocks('egress', source, outbound))
          yield { from, to: { cidr: block.cidr }, ...connectionOf(block) };
      else for (const { cidr, protocol, ports } of outbound) yield { from, to: { cidr }, protocol, ports };
    }

    const inbound = sorted
      .filter(
        (destination) =>
          inScope(destination, scope?.destinations) && !destination.entities && !destination.dnsName,
      )
      .flatMap((destination) => {
        const group = this.groupOfWorkload.get(destination)!;
        const blocks = rowOf(group, 'ingress').external();
        return (
          this.hasL7 && group.selecting.ingress.l7
            ? this.filteredBlocks('ingress', destination, blocks)
            : blocks
        ).map((block) => ({ block, destination }));
      });
    // By block, then destination, then protocol: compareBlocks ends with the protocol, so compare it last.
    inbound.sort(
      (a, b) =>
        compareRanges(a.block.range, b.block.range) ||
        rank.get(a.destination)! - rank.get(b.destination)! ||
        compareBlocks(a.block, b.block),
    );
    for (const { block, destination } of inbound)
      yield { from: { cidr: block.cidr }, to: peers.get(destination)!, ...connectionOf(block) };
  }

  /**
   * A pod's blocks of addresses outside the pods with the L7 filter of each port (`FilteredBlock`): a block is cut
   * where an address rule of the pod's allows starts or ends, since the allows admitting an address say how it is
   * filtered, and the pieces filtered alike are put back together. Asked only for pods whose allows filter at L7.
   */
  private filteredBlocks(
    direction: Direction,
    workload: Workload,
    blocks: readonly ExternalBlock[],
  ): FilteredBlock[] {
    const bounds = this.selecting(workload, direction).namespaced.flatMap((policy) =>
      policy[direction].flatMap((rule) =>
        rule.action === 'allow' ? (rule.peers ?? []).flatMap((peer) => peer.ipRanges) : [],
      ),
    );
    let split = false;
    const filtered = blocks.flatMap((block) => {
      const ports = ConnSet.of(block.protocol, block.ports);
      const pieces: { range: IpRange; l7: FilteredPorts[]; key: string }[] = [];
      for (const range of cutRange(block.range, bounds)) {
        const address = { ip: formatAddress(range.start, range.family) };
        const [from, to] = direction === 'egress' ? [{ workload }, address] : [address, { workload }];
        const l7 = this.filteredPorts(from, to, block.protocol, ports);
        const key = filteredPortsKey(l7);
        const last = pieces.at(-1);
        if (last?.key === key) last.range = { ...last.range, end: range.end };
        else pieces.push({ range, l7, key });
      }
      if (pieces.length === 1)
        return [{ ...block, ...(pieces[0]!.l7.length > 0 ? { l7: pieces[0]!.l7 } : {}) }];
      split = true;
      return pieces.flatMap(({ range, l7 }) =>
        rangeToCidrs(range).map((cidr) => ({
          ...block,
          cidr,
          range: cidrToRange(cidr)!,
          ...(l7.length > 0 ? { l7 } : {}),
        })),
      );
    });
    // Blocks stay in report order (address, then protocol) when one was cut.
    return split ? filtered.sort(compareBlocks) : filtered;
  }

  /**
   * For each source group, the destinations (in report order) that could admit it: those its egress reaches, or
   * those whose ingress admits it, whichever list is shorter. Both are supersets of the answer, so pairs that
   * neither side allows are never evaluated, which keeps large, mostly isolated clusters fast. Under a scope, a
   * source outside it (`everyDestination` false) is paired only with the scope's destinations that may admit it,
   * and a source inside it with what its egress reaches: inverting every destination's ingress costs as much as the
   * whole connectivity, which a narrow scope (a fix's verification) must not pay.
   */
  private destinationCandidates(
    rowOf: (group: Group, direction: Direction) => DirectionRow,
    rank: ReadonlyMap<Workload, number>,
    scopeGroups: (() => readonly Group[]) | undefined,
  ): (source: Group, everyDestination: boolean) => readonly Workload[] {
    const byRank = (a: Workload, b: Workload) => rank.get(a)! - rank.get(b)!;
    const inOrder = (groups: Iterable<Group>) =>
      [...new Set(groups)].flatMap((group) => group.members).sort(byRank);
    const memberCount = (groups: readonly Group[]) =>
      groups.reduce((sum, group) => sum + group.members.length, 0);
    /** The destinations among `targets` whose ingress may admit a source, with how many there are. */
    const admittingAmong = (targets: readonly Group[]) => {
      const admitAnyone = targets.filter((group) => rowOf(group, 'ingress').reached() === undefined);
      // Destinations sharing a row admit the same sources: each row's sources are listed once.
      const byRow = new Map<DirectionRow, Group[]>();
      for (const destination of targets) pushTo(byRow, rowOf(destination, 'ingress'), destination);
      const rowDestinations = [...byRow.values()];
      // For each source, the rows (by index, in that order) that may admit it.
      const admittedBy = new Map<number, number[]>();
      [...byRow.keys()].forEach((row, index) => {
        for (const source of row.reached() ?? []) pushTo(admittedBy, source, index);
      });
      // Every source shares the groups that admit anyone: sorted once, then merged with each source's own few;
      // sources the same rows admit (most of a namespace's) share the merged list.
      const anyone = new Set(admitAnyone);
      const anyoneInOrder = inOrder(admitAnyone);
      const byRows = new Map<string, { count: number; list: () => readonly Workload[] }>();
      return (source: Group) => {
        const rows = admittedBy.get(source.index) ?? [];
        const key = rows.join(',');
        let admitted = byRows.get(key);
        if (!admitted) {
          const extra = [...new Set(rows.flatMap((index) => rowDestinations[index]!))].filter(
            (group) => !anyone.has(group),
          );
          admitted = {
            count: anyoneInOrder.length + memberCount(extra),
            list: once(() =>
              extra.length === 0 ? anyoneInOrder : mergeSorted(anyoneInOrder, inOrder(extra), byRank),
            ),
          };
          byRows.set(key, admitted);
        }
        return admitted;
      };
    };
    const admitting = once(() => admittingAmong(this.groups));
    const admittingInScope = once(() => admittingAmong(scopeGroups?.() ?? []));
    const candidates = (source: Group): readonly Workload[] => {
      const reachedIndices = rowOf(source, 'egress').reached();
      if (reachedIndices === undefined) return admitting()(source).list();
      const reached = reachedIndices.map((index) => this.groups[index]!);
      if (scopeGroups) return inOrder(reached);
      const admitted = admitting()(source);
      return memberCount(reached) < admitted.count ? inOrder(reached) : admitted.list();
    };
    const cache = {
      every: new Map<Group, readonly Workload[]>(),
      inScope: new Map<Group, readonly Workload[]>(),
    };
    return (source, everyDestination) => {
      const cached = everyDestination ? cache.every : cache.inScope;
      let list = cached.get(source);
      if (!list) {
        list = everyDestination ? candidates(source) : admittingInScope()(source).list();
        cached.set(source, list);
      }
      return list;
    };
  }

  /** A group's row; with `towards`, one that answers for those groups only (see `Towards`). */
  private directionRow(group: Group, direction: Direction, towards?: Towards): DirectionRow {
    const row = this.namespacedRow(group, direction, towards);
    const selecting = group.selecting[direction];
    if (selecting.admin.length === 0 && selecting.baseline.length === 0 && selecting.denies.length === 0)
      return row;
    return this.composedRow(group, direction, row, towards);
  }

  /** `groups` as rows towards them look at them, their matches worked out as first asked. */
  private towards(groups: readonly Group[]): Towards {
    const byNamespace = new Map<string, Group[]>();
    for (const group of groups) pushTo(byNamespace, group.facts.namespace, group);
    return { groups, byNamespace, peers: new Map(), tierClasses: new Map() };
  }

  /** The groups among `towards`' that a peer matches (those `matchedGroups` lists, found among these only). */
  private matchedAmong(peer: CompiledPeer, towards: Towards): Group[] {
    let groups = towards.peers.get(peer.key);
    if (!groups) {
      groups = this.candidatesAmong(peer, towards.groups, towards.byNamespace).filter((group) =>
        peer.matches({ pod: group.facts }),
      );
      towards.peers.set(peer.key, groups);
    }
    return groups;
  }

  /**
   * The row of a group that admin or baseline rules or namespaced denies apply to: the tiers composed per other
   * group, and per segment of the address space cut at every rule's addresses. Other groups that the same tier
   * rules match get the same ordered rules (`tierClasses`): those are worked out once per class, and each
   * composition once per class and namespaced allow, so a cluster policy over every pod costs per class of groups,
   * not per pair.
   */
  private composedRow(
    group: Group,
    direction: Direction,
    namespaced: DirectionRow,
    towards?: Towards,
  ): DirectionRow {
    const selecting = group.selecting[direction];
    const destinationPorts = (other: Group | undefined) =>
      direction === 'egress' ? other?.facts.ports : group.facts.ports;
    const ordered = (rules: readonly TierRule[], facts: PeerFacts, other: Group | undefined): OrderedRule[] =>
      rules
        .filter(({ rule }) => !rule.peers || rule.peers.some((peer) => peer.matches(facts)))
        .map(({ rule, action }) => ({ action, ports: rule.ports.resolve(destinationPorts(other)) }));
    const denied = (rules: readonly OrderedRule[]) =>
      rules.reduce((ports, rule) => ports.union(rule.ports), ConnSet.none());
    const allRules = [...selecting.admin, ...selecting.baseline, ...selecting.denies];
    // Named ports resolve towards the other group on egress: groups declaring other ports are other classes.
    const byPorts =
      direction === 'egress' &&
      (namespaced.everyPodNamed.length > 0 || allRules.some(({ rule }) => rule.ports.hasNamed));
    const classes = this.tierClasses(allRules, byPorts, towards);
    const perClass = new Map<number, { compose: (allow: ConnSet) => ConnSet }>();
    const ofClass = (index: number) => {
      let entry = perClass.get(index);
      if (!entry) {
        const representative = classes.members[index]![0]!;
        const facts = { pod: representative.facts };
        const admin = ordered(selecting.admin, facts, representative);
        const deny = denied(ordered(selecting.denies, facts, representative));
        const baseline = ordered(selecting.baseline, facts, representative);
        const byAllow = new Map<ConnSet, ConnSet>();
        const compose = (allow: ConnSet) => {
          let ports = byAllow.get(allow);
          if (!ports) {
            ports = composeDirection(admin, { decides: selecting.decides, allow, deny }, baseline);
            byAllow.set(allow, ports);
          }
          return ports;
        };
        perClass.set(index, (entry = { compose }));
      }
      return entry;
    };
    const compose = (other: Group) =>
      ofClass(classes.classOf[other.index]!).compose(
        namespacedPorts(namespaced, other, namespaced.byGroup.get(other.index)),
      );
    // A group its namespaced allows do not name gets what its class gets; the groups they name are listed too.
    const reached = once(() => {
      const indices = new Set(namespaced.byGroup.keys());
      let everyClass = true;
      classes.members.forEach((members, index) => {
        const representative = members[0]!;
        if (
          ofClass(index)
            .compose(namespacedPorts(namespaced, representative, undefined))
            .isEmpty()
        )
          everyClass = false;
        else for (const member of members) indices.add(member.index);
      });
      return everyClass ? undefined : [...indices];
    });
    const boundaries = [
      ...namespaced.contributions.flatMap((c) => c.ranges ?? []),
      ...allRules.flatMap(({ rule }) => (rule.peers ?? []).flatMap((peer) => peer.ipRanges)),
    ];
    // What the segments get depends on the contributions, the tiers' rules and, where a rule names ports on
    // ingress, this group's ports: rows that share them share their blocks.
    const tiersKey = () => {
      const tiers = [selecting.admin, selecting.baseline, selecting.denies]
        .map((rules) => rules.map(({ rule }) => objectId(rule)).join(','))
        .join(';');
      const named = direction === 'ingress' && allRules.some(({ rule }) => rule.ports.hasNamed);
      return `${direction}|${selecting.decides}|${tiers}|${named ? portsKey(group.facts.ports) : ''}`;
    };
    const external = once(() =>
      this.externalBlockCache.composed(namespaced.contributions, tiersKey(), () =>
        blocksOf(boundaries, (segment) => {
          const facts = { address: segment };
          const allow = namespaced.contributions
            .filter((c) => !c.ranges || c.ranges.some((covering) => rangeContains(covering, segment)))
            .reduce((ports, c) => ports.union(c.ports), ConnSet.none());
          return composeDirection(
            ordered(selecting.admin, facts, undefined),
            {
              decides: selecting.decides,
              allow,
              deny: denied(ordered(selecting.denies, facts, undefined)),
            },
            ordered(selecting.baseline, facts, undefined),
          );
        }),
      ),
    );
    return { ...namespaced, compose, reached, external };
  }

  /**
   * Other groups as one list of tier rules sees them: two groups of a class are matched by the same rules and, with
   * `byPorts`, declare the same ports, so every rule orders and resolves alike towards both. Worked out once per
   * distinct list (most groups share their tenant's), each rule's peers matched as `matchedGroups` does.
   */
  private tierClasses(rules: readonly TierRule[], byPorts: boolean, towards?: Towards): TierClasses {
    const key = `${byPorts}|${rules.map(({ rule }) => objectId(rule)).join(',')}`;
    const cache = towards?.tierClasses ?? this.matching.tierClasses;
    let classes = cache.get(key);
    if (classes) return classes;
    // Refine one class (0: matched by no rule) rule by rule: a rule's matched groups leave their class for a new one.
    const classOf = new Int32Array(this.groups.length);
    const seen = new Int32Array(this.groups.length).fill(-1);
    let count = 1;
    rules.forEach(({ rule }, position) => {
      // A rule without peers matches every group: it splits nothing.
      if (!rule.peers) return;
      const split = new Map<number, number>();
      for (const peer of rule.peers) {
        for (const { index } of towards ? this.matchedAmong(peer, towards) : this.matchedGroups(peer)) {
          if (seen[index] === position) continue;
          seen[index] = position;
          let to = split.get(classOf[index]!);
          if (to === undefined) split.set(classOf[index]!, (to = count++));
          classOf[index] = to;
        }
      }
    });
    const renumbered = new Map<string, number>();
    const members: Group[][] = [];
    for (const group of towards?.groups ?? this.groups) {
      const raw = byPorts
        ? `${classOf[group.index]}|${portsKey(group.facts.ports)}`
        : `${classOf[group.index]}`;
      let index = renumbered.get(raw);
      if (index === undefined) {
        renumbered.set(raw, (index = members.length));
        members.push([]);
      }
      members[index]!.push(group);
      classOf[group.index] = index;
    }
    classes = { classOf, members };
    cache.set(key, classes);
    return classes;
  }

  /** A group's row as its namespaced tier's allows give it (all that NetworkPolicies need). */
  private namespacedRow(group: Group, direction: Direction, towards?: Towards): DirectionRow {
    const row: DirectionRow = {
      isolated: group.selecting[direction].isolated,
      everyPod: ConnSet.none(),
      everyPodNamed: [],
      byGroup: new Map(),
      reached: () =>
        !row.isolated || !row.everyPod.isEmpty() || row.everyPodNamed.length > 0
          ? undefined
          : [...row.byGroup.keys()],
      contributions: [],
      external: () => [],
    };
    if (!row.isolated) {
      row.everyPod = ConnSet.all();
      row.contributions = [{ ports: ConnSet.all() }];
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
    for (const policy of group.selecting[direction].namespaced) {
      for (const rule of policy[direction]) {
        if (rule.action !== 'allow') continue;
        if (!rule.peers) {
          addEveryPod(rule.ports);
          contributions.push({ ports: portsTowards(rule.ports, undefined) });
          continue;
        }
        for (const peer of rule.peers) {
          // "Every pod" holds no pod that pod policies do not see: where there are some, the groups are listed.
          if (matchesEveryPod(peer) && !this.hasUnpoliced) addEveryPod(rule.ports);
          else addGroups(towards ? this.matchedAmong(peer, towards) : this.matchedGroups(peer), rule.ports);
          if (peer.ipRanges.length > 0)
            contributions.push({ ranges: peer.ipRanges, ports: portsTowards(rule.ports, undefined) });
        }
      }
    }
    // Cilium lets the local host reach every pod it runs, whatever the pod's allows (allow-localhost).
    if (direction === 'ingress')
      for (const host of this.localHostGroups()) row.byGroup.set(host.index, ConnSet.all());
    row.contributions = contributions;
    row.external = once(() => this.externalBlockCache.blocks(contributions));
    return row;
  }

  /** Groups a peer matches, computed once per distinct peer (many policies repeat the same peers). */
  private matchedGroups(peer: CompiledPeer): Group[] {
    let groups = this.matching.peers.get(peer.key);
    if (!groups) {
      groups = this.candidateGroups(peer).filter((group) => peer.matches({ pod: group.facts }));
      this.matching.peers.set(peer.key, groups);
    }
    return groups;
  }

  /** Groups a peer may match: those in the namespaces it looks in (computed once per such namespace part). */
  private candidateGroups(peer: CompiledPeer): Group[] {
    let groups = this.matching.namespaces.get(peer.namespaceKey);
    if (!groups) {
      groups = this.candidatesAmong(peer, this.groups, this.groupsByNamespace);
      this.matching.namespaces.set(peer.namespaceKey, groups);
    }
    return groups;
  }

  /**
   * The groups among `groups` (`byNamespace` holds them by namespace) that a peer may match: a selector peer's are
   * those of the namespaces it looks in; an address, entity or DNS name peer's are judged group by group.
   */
  private candidatesAmong(
    peer: CompiledPeer,
    groups: readonly Group[],
    byNamespace: ReadonlyMap<string, Group[]>,
  ): Group[] {
    if (peer.peer.toFqdn) return groups.filter((group) => group.facts.dnsName !== undefined);
    if (peer.peer.entities)
      return groups.filter((group) => !!group.facts.unpoliced && group.facts.unpoliced !== 'node-address');
    if (peer.ipRanges.length > 0) {
      const byAddress = hasMatchingAddress(podsMatchedByAddress(peer.peer, this.addressMatch));
      return groups.filter(
        (group) => byAddress(group) || (!!peer.dnsNames && group.facts.dnsName !== undefined),
      );
    }
    if (peer.onlyNamespace !== undefined) return byNamespace.get(peer.onlyNamespace) ?? [];
    return [...byNamespace.entries()]
      .filter(([namespace]) => peer.matchesNamespace(namespace, namespaceLabelsOf(this.model, namespace)))
      .flatMap(([, inNamespace]) => inNamespace);
  }

  private localHosts: Group[] | undefined;

  /** The groups of the local host (a Cilium entity carrying `host`), which reach every pod on its node. */
  private localHostGroups(): Group[] {
    this.localHosts ??= this.groups.filter((group) => group.facts.entities?.includes('host'));
    return this.localHosts;
  }

  /**
   * The named ports the source's egress allows towards a representative (issue 17 item 6), by protocol, sorted: its
   * pods are not in the tree, so which port a name means is only known on the pod, and the connection carries the
   * name instead of a guessed number. Kept where the representative's ingress admits some port of the protocol (it
   * may be the one the name means). Undefined when there is none, or the source's egress is not isolated (every port
   * is allowed anyway).
   */
  private namedTowards(source: Workload, destination: Workload): Map<Protocol, string[]> | undefined {
    if (!this.hasNamedPorts()) return undefined;
    const egress = this.evaluateSide('egress', { workload: source }, { workload: destination });
    if (!egress.isolated) return undefined;
    const names = new Map<Protocol, Set<string>>();
    for (const { rules } of [...egress.policies, ...egress.tiered]) {
      for (const { compiled, peerMatches } of rules) {
        if (!peerMatches || compiled.action !== 'allow') continue;
        for (const { name, protocol = 'TCP' } of compiled.ports.names ?? []) {
          const set = names.get(protocol) ?? new Set();
          set.add(name);
          names.set(protocol, set);
        }
      }
    }
    if (names.size === 0) return undefined;
    const ingress = this.evaluateSide('ingress', { workload: destination }, { workload: source });
    const kept = new Map<Protocol, string[]>();
    for (const [protocol, set] of names) {
      if (ingress.allowed.ranges(protocol).length > 0) kept.set(protocol, [...set].sort(compareText));
    }
    return kept.size > 0 ? kept : undefined;
  }

  private namedPortsSeen: boolean | undefined;

  /** Whether a rule of any policy names a port: only then may a connection to a representative carry names. */
  private hasNamedPorts(): boolean {
    this.namedPortsSeen ??= [
      ...[...this.policiesByNamespace.values()].flat(),
      ...this.clusterPolicies,
      ...this.clusterwideNamespaced,
    ].some((policy) => [...policy.ingress, ...policy.egress].some((rule) => rule.ports.hasNamed));
    return this.namedPortsSeen;
  }

  private evaluateSide(direction: Direction, subject: Endpoint, other: Endpoint): SideEvaluation {
    // An address outside the pods has no policies: its side allows everything.
    if (!('workload' in subject))
      return { isolated: false, allowed: ConnSet.all(), policies: [], tiered: [] };
    const selecting = this.selecting(subject.workload, direction);
    if (isEmptySelecting(selecting))
      return { isolated: false, allowed: ConnSet.all(), policies: [], tiered: [] };
    const otherFacts = this.peerFacts(other);
    const destinationPorts = this.destinationPorts(direction, subject.workload, otherFacts);
    const evaluate = (compiled: CompiledPolicy): PolicyEvaluation => ({
      compiled,
      rules: compiled[direction].map((rule) => ({
        compiled: rule,
        peerMatches: !rule.peers || rule.peers.some((peer) => peer.matches(otherFacts)),
        ports: rule.ports.resolve(destinationPorts),
      })),
    });
    const policies = selecting.namespaced.map(evaluate);
    const tiered = [...new Set([...selecting.admin, ...selecting.baseline].map((r) => r.policy))].map(
      evaluate,
    );
    const matching = (evaluations: readonly PolicyEvaluation[], tier: CompiledPolicy['tier']) =>
      evaluations
        .filter(({ compiled }) => compiled.tier === tier)
        .flatMap(({ rules }) => rules.filter((rule) => rule.peerMatches))
        .map((rule) => ({ action: rule.compiled.action, ports: rule.ports }));
    const namespacedRules = matching(policies, 'namespaced');
    const union = (action: RuleAction) =>
      namespacedRules
        .filter((rule) => rule.action === action)
        .reduce((ports, rule) => ports.union(rule.ports), ConnSet.none());
    const localHost = selecting.isolated && fromLocalHost(direction, otherFacts);
    const allowed = composeDirection(
      matching(tiered, 'admin'),
      {
        decides: selecting.decides,
        allow: selecting.isolated && !localHost ? union('allow') : ConnSet.all(),
        deny: union('deny'),
      },
      matching(tiered, 'baseline'),
    );
    return { isolated: selecting.isolated, allowed, policies, tiered, ...(localHost ? { localHost } : {}) };
  }

  /**
   * Policies selecting a workload; a workload outside the model (a probe, kube-dns) is evaluated when first asked
   * about (workloads never change, and the same probe is asked about for many destinations).
   */
  private selecting(workload: Workload, direction: Direction): Selecting {
    const group = this.groupOfWorkload.get(workload);
    if (group) return group.selecting[direction];
    let selecting = this.outsideSelecting.get(workload);
    if (!selecting)
      this.outsideSelecting.set(workload, (selecting = this.evaluateSelecting(this.podFacts(workload))));
    return selecting[direction];
  }

  private evaluateSelecting(facts: PodFacts): Record<Direction, Selecting> {
    const key = this.selectionKey(facts.namespace);
    let byKey = selections.get(facts);
    if (!byKey) selections.set(facts, (byKey = new Map()));
    let selecting = byKey.get(key);
    if (!selecting) byKey.set(key, (selecting = this.selectingOf(facts)));
    return selecting;
  }

  /** Names the policies that may select a pod of a namespace, and how policy is enforced: equal keys select alike. */
  private selectionKey(namespace: string): string {
    let key = this.selectionKeys.get(namespace);
    if (key === undefined) {
      const ids = (policies: readonly CompiledPolicy[]) => policies.map(objectId).join(',');
      const inNamespace = this.policiesByNamespace.get(namespace) ?? [];
      key = `${this.enforcement}|${ids(inNamespace)}|${ids(this.clusterwideNamespaced)}|${ids(this.clusterPolicies)}`;
      this.selectionKeys.set(namespace, key);
    }
    return key;
  }

  private selectingOf(facts: PodFacts): Record<Direction, Selecting> {
    const namespaced = [
      ...(this.policiesByNamespace.get(facts.namespace) ?? []),
      ...this.clusterwideNamespaced,
    ].filter((compiled) => compiled.selects(facts));
    const cluster = clusterSelection(this.clusterPolicies, facts);
    // Cilium's `policyEnforcementMode: always` isolates every pod in both directions, selected or not.
    // Not the addresses a DNS name peer stands for, which are outside the cluster.
    const enforcedEverywhere = this.enforcement === 'always' && !facts.dnsName;
    const of = (direction: Direction): Selecting => {
      const isolating = namespaced.filter((compiled) => compiled.applies[direction]);
      const tiered = cluster[direction];
      // Pods selected by the same policies share one Selecting (most of a namespace's), and so what is worked out
      // from it: its meaning, its rows.
      const key = `${direction}|${enforcedEverywhere}|${isolating.map(objectId)}|${tiered.key}`;
      let selecting = this.selectingByPolicies.get(key);
      if (!selecting)
        this.selectingByPolicies.set(
          key,
          (selecting = this.selectingFor(direction, isolating, tiered.policies, enforcedEverywhere)),
        );
      return selecting;
    };
    return { ingress: of('ingress'), egress: of('egress') };
  }

  private readonly selectingByPolicies = new Map<string, Selecting>();

  /** What applies in one direction to pods the namespaced `isolating` and cluster `tiered` policies select. */
  private selectingFor(
    direction: Direction,
    isolating: CompiledPolicy[],
    tiered: CompiledPolicy[],
    enforcedEverywhere: boolean,
  ): Selecting {
    const rules = (policies: readonly CompiledPolicy[], keep: (rule: CompiledRule) => boolean) =>
      policies.flatMap((policy) =>
        policy[direction].filter(keep).map((rule) => ({ policy, rule, action: rule.action })),
      );
    return {
      namespaced: isolating,
      decides: isolating.length > 0 || enforcedEverywhere,
      isolated:
        enforcedEverywhere || isolating.some((policy) => (policy.isolates ?? policy.applies)[direction]),
      admin: rules(
        tiered.filter((policy) => policy.tier === 'admin'),
        () => true,
      ),
      baseline: rules(
        tiered.filter((policy) => policy.tier === 'baseline'),
        () => true,
      ),
      denies: rules(isolating, (rule) => rule.action === 'deny'),
      l7: isolating.some((policy) => policy[direction].some((rule) => rule.l7 !== undefined)),
      meanings: {},
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
      const namespaceLabels = namespaceLabelsOf(this.model, workload.namespace);
      facts = sharedPodFacts(workload, namespaceLabels, this.clusterName, this.labelFilter, this.model.cni);
      this.outsideFacts.set(workload, facts);
    }
    return facts;
  }

  private compiled(policy: NetworkPolicy): CompiledPolicy {
    let compiled = compiledPolicies[this.addressMatch].get(policy);
    if (!compiled) {
      compiled = compileNetworkPolicy(policy, this.addressMatch);
      compiledPolicies[this.addressMatch].set(policy, compiled);
      for (const rule of [...compiled.ingress, ...compiled.egress])
        for (const peer of rule.peers ?? []) compiledPeers[this.addressMatch].set(peer.peer, peer);
    }
    return compiled;
  }

  private compiledPeer(policy: NetworkPolicy, peer: PolicyPeer): CompiledPeer {
    // A peer of the policy was compiled with it; a peer made up by a caller is compiled on its own.
    this.compiled(policy);
    let compiled = compiledPeers[this.addressMatch].get(peer);
    if (!compiled) {
      compiled = compilePeer(policy.namespace, peer, this.addressMatch);
      compiledPeers[this.addressMatch].set(peer, compiled);
    }
    return compiled;
  }
}

/**
 * Which pods address rules match by their stated addresses on the model's CNI: under Cilium no endpoint of the
 * cluster (CIDR rules and ipBlocks "do not apply to traffic where both sides are managed by Cilium or use an IP
 * belonging to a node", Documentation/security/policy/layer3.rst), nodes too with `policyCIDRMatchMode: [nodes]`.
 */
function addressMatchOf(model: ClusterModel): AddressMatch {
  if (model.cni !== 'cilium') return 'pods';
  return model.cilium?.policyCIDRMatchMode.includes('nodes') ? 'nodes' : 'none';
}

/** Where a rule is written, worked out once: explanations name every rule of the policies they show. */
/**
 * What a toFQDNs rule says of the address at the other end: the name whose DNS answer matched it, or that without
 * such an answer its verdict depends on DNS (a pod is never one of the names' addresses: Cilium gives those the
 * identity of the world).
 */
function fqdnVerdict(
  rule: CompiledRule,
  peerMatches: boolean,
  other: Endpoint,
  answered: AnsweredNames,
): Pick<RuleVerdict, 'fqdn'> {
  if (!rule.fqdns) return {};
  const selectors = rule.fqdns.map(fqdnText);
  if (!('ip' in other)) {
    const { dnsName } = other.workload;
    // A name the rule lists that it does not match: its pods' DNS for it does not go through the proxy.
    const unseen =
      !peerMatches &&
      dnsName !== undefined &&
      (rule.peers ?? []).some((peer) => peer.peer.toFqdn && coversDnsName(peer.peer.toFqdn, dnsName));
    return {
      fqdn: { selectors, dependsOnDns: false, ...(unseen ? { withoutVisibility: true as const } : {}) },
    };
  }
  const range = addressToRange(other.ip);
  const by = range
    ? rule.peers?.find((peer) => peer.peer.fqdn && peer.ipRanges.some((r) => rangeContains(r, range)))
    : undefined;
  if (by?.peer.fqdn) return { fqdn: { selectors, answeredBy: by.peer.fqdn, dependsOnDns: false } };
  const names = range ? answered.get(addressKey(range)) : undefined;
  // An address DNS answered for other names is theirs: the rule does not match it, whatever DNS says next.
  if (names) return { fqdn: { selectors, answerFor: names, dependsOnDns: false } };
  return { fqdn: { selectors, dependsOnDns: !peerMatches } };
}

/**
 * A rule's address blocks, when they do not match the DNS name peer at the other end: they may or may not hold the
 * addresses DNS answers for it, so `explain` says the verdict depends on DNS.
 */
function addressesFromDns(
  rule: CompiledRule,
  peerMatches: boolean,
  other: Endpoint,
): Pick<RuleVerdict, 'addressesFromDns'> {
  if (peerMatches || !('workload' in other) || !other.workload.dnsName) return {};
  const blocks = (rule.peers ?? []).flatMap(({ peer: { ipBlock } }) =>
    ipBlock
      ? [ipBlock.except.length > 0 ? `${ipBlock.cidr} except ${ipBlock.except.join(', ')}` : ipBlock.cidr]
      : [],
  );
  return blocks.length > 0 ? { addressesFromDns: blocks } : {};
}

/** The names DNS answered each address for, by {@link addressKey}. */
type AnsweredNames = ReadonlyMap<string, string[]>;

function addressKey(range: IpRange): string {
  return `${range.family}:${range.start}`;
}

function answeredNames(dns: DnsAnswers | undefined): AnsweredNames {
  const names = new Map<string, string[]>();
  for (const [name, addresses] of dns ?? []) {
    for (const address of addresses) {
      const range = addressToRange(address);
      if (range) pushTo(names, addressKey(range), name);
    }
  }
  return names;
}

function ruleLocation(policy: CompiledPolicy, rule: CompiledRule): SourceLocation {
  let location = ruleLocations.get(rule);
  if (!location) {
    location = policy.locate(rule.path);
    ruleLocations.set(rule, location);
  }
  return location;
}

const ruleLocations = new WeakMap<CompiledRule, SourceLocation>();

/** A `toPorts` item's L7 rules, each with its policy and where it is written, worked out once per item. */
function l7RulesOf(policy: CompiledPolicy, l7: L7Rules): L7Rule[] {
  let rules = l7Rules.get(l7);
  if (!rules) {
    // A proxylib protocol's rules are in `l7`, beside the `l7proto` that names it.
    const list = l7.protocol === 'l7proto' ? [...l7.path.slice(0, -1), 'l7'] : l7.path;
    rules = l7.rules.map((rule, i) => ({
      parser: l7.protocol,
      rule,
      policy: policy.ref,
      location: policy.locate([...list, i]),
    }));
    l7Rules.set(l7, rules);
  }
  return rules;
}

const l7Rules = new WeakMap<L7Rules, L7Rule[]>();

/** The cluster policies of one direction selecting a pod, with a key for that list. */
interface ClusterSelection {
  policies: CompiledPolicy[];
  key: string;
}

const clusterSelections = new WeakMap<
  PodFacts,
  { among: readonly CompiledPolicy[]; selection: Record<Direction, ClusterSelection> }
>();

/**
 * The policies among `clusterPolicies` that select a pod, by direction, kept per pod facts: every engine of a check
 * asks it of each of its groups (those a made-like engine evaluates again included), and they hold the same
 * compiled cluster policies.
 */
function clusterSelection(
  clusterPolicies: readonly CompiledPolicy[],
  facts: PodFacts,
): Record<Direction, ClusterSelection> {
  const known = clusterSelections.get(facts);
  if (known && sameItems(known.among, clusterPolicies)) return known.selection;
  const selected = clusterPolicies.filter((compiled) => compiled.selects(facts));
  const inDirection = (direction: Direction): ClusterSelection => {
    const policies = selected.filter((compiled) => compiled.applies[direction]);
    return { policies, key: policies.map(objectId).join(',') };
  };
  const selection = { ingress: inDirection('ingress'), egress: inDirection('egress') };
  clusterSelections.set(facts, { among: clusterPolicies, selection });
  return selection;
}

/** What a direction's row is made of, as a key: the policies and tier rules that apply, and how they decide. */
function selectingKey(selecting: Selecting): string {
  let key = selectingKeys.get(selecting);
  if (key === undefined) {
    const { namespaced, admin, baseline, denies, decides, isolated, l7 } = selecting;
    const rules = (list: readonly TierRule[]) => list.map(({ rule }) => objectId(rule)).join(',');
    key = [
      namespaced.map(objectId).join(','),
      rules(admin),
      rules(baseline),
      rules(denies),
      `${decides}${isolated}${l7}`,
    ].join(';');
    selectingKeys.set(selecting, key);
  }
  return key;
}

const selectingKeys = new WeakMap<Selecting, string>();

/** A number per compiled rule or policy, naming lists of them in cache keys (both are shared by every engine). */
function objectId(object: CompiledRule | CompiledPolicy): number {
  let id = objectIds.get(object);
  if (id === undefined) objectIds.set(object, (id = nextObjectId++));
  return id;
}

const objectIds = new WeakMap<CompiledRule | CompiledPolicy, number>();
let nextObjectId = 0;

/**
 * A pod's facts, one object for every engine that sees it alike (its namespace's labels, the cluster's name, Cilium's
 * label filter and the CNI): a check's base and head share most workloads, and each fix's verification builds engines
 * over the same ones, so what selects a pod is worked out once for all of them (`selections`).
 */
function sharedPodFacts(
  workload: Workload,
  namespaceLabels: Labels,
  clusterName: string,
  filter: LabelFilter | undefined,
  cni: Cni | undefined,
) {
  const known = podFactsCache.get(workload);
  if (
    known &&
    known.facts.namespaceLabels === namespaceLabels &&
    known.clusterName === clusterName &&
    known.filter === filter &&
    known.cni === cni
  )
    return known.facts;
  const ciliumLabels = identityOf(workload, clusterName, filter);
  const facts: PodFacts = {
    namespace: workload.namespace,
    namespaceLabels,
    labels: cni === 'cilium' ? ciliumLabels : workload.labels,
    ciliumLabels,
    ports: workload.ports,
    ips: workload.ips.map(addressToRange).filter((range) => range !== undefined),
    ...unpoliced(workload, cni),
    ...(workload.entities ? { entities: workload.entities } : {}),
    ...(workload.dnsName ? { dnsName: workload.dnsName } : {}),
  };
  podFactsCache.set(workload, { facts, clusterName, filter, cni });
  return facts;
}

const podFactsCache = new WeakMap<
  Workload,
  { facts: PodFacts; clusterName: string; filter: LabelFilter | undefined; cni: Cni | undefined }
>();

/** What selects a pod, by the policies that may (`Engine.selectionKey`): engines with the same ones share it. */
const selections = new WeakMap<PodFacts, Map<string, Record<Direction, Selecting>>>();

/** Container ports as text: groups that declare the same ports resolve every named port alike. */
function portsKey(ports: readonly ContainerPort[]): string {
  let key = portsKeys.get(ports);
  if (key === undefined) portsKeys.set(ports, (key = JSON.stringify(ports)));
  return key;
}

const portsKeys = new WeakMap<readonly ContainerPort[], string>();

/** The order of tiers: see `tiers.ts`. */
const TIER_ORDER: Record<CompiledPolicy['tier'], number> = { admin: 0, namespaced: 1, baseline: 2 };

/** What `decide` says of a side nothing applies to. */
const DEFAULT_ALLOW: PortDecision<TierRule> = { allowed: true, tier: 'default' };

function isEmptySelecting(selecting: Selecting): boolean {
  return !selecting.decides && selecting.admin.length === 0 && selecting.baseline.length === 0;
}

/** The first rule of the given action, in policy and rule order, that lets the connection through. */
function firstRule(
  policies: readonly CompiledPolicy[],
  direction: Direction,
  action: RuleAction,
  side: SideFacts,
  protocol: Protocol,
  port: number,
): TierRule | undefined {
  for (const policy of policies) {
    for (const rule of policy[direction]) {
      if (rule.action === action && admits(rule, side, protocol, port)) return { policy, rule, action };
    }
  }
  return undefined;
}

/** The decision of a side, as `explain` reports it: which tier, policy and rule decided, and what it did. */
function tierDecision(decision: PortDecision<TierRule>): TierDecision {
  const describe = (rule: TierRule) => ({
    policy: rule.policy.ref,
    priority: rule.policy.priority,
    index: rule.rule.index,
    action: rule.action,
    loc: ruleLocation(rule.policy, rule.rule),
    ...(rule.rule.name !== undefined ? { name: rule.rule.name } : {}),
  });
  return {
    tier: decision.tier,
    allowed: decision.allowed,
    ...(decision.rule ? { rule: describe(decision.rule) } : {}),
    ...(decision.passedBy ? { passedBy: describe(decision.passedBy) } : {}),
  };
}

/** One side of a connection, as `sideOf` gathers it. */
interface SideFacts {
  selecting: Selecting;
  otherFacts: PeerFacts;
  destinationPorts: readonly ContainerPort[] | undefined;
}

/** A rule's named ports as an explanation gives them for a port it does not match on a representative destination. */
function unresolvedNames(rule: CompiledRule, matches: boolean, to: Endpoint): { namedPorts?: string[] } {
  const names = rule.ports.names;
  if (
    matches ||
    !names?.length ||
    !('workload' in to) ||
    !to.workload.representative ||
    to.workload.entities ||
    to.workload.dnsName
  )
    return {};
  return { namedPorts: names.map(({ name }) => name) };
}

/**
 * Whether the other end of a pod's ingress is its local host: Cilium lets it reach the pods of its node whatever
 * their allows (`allow-localhost`, Documentation/security/policy/language.rst, "Access to/from local host"); only a
 * deny stops it.
 */
function fromLocalHost(direction: Direction, other: PeerFacts): boolean {
  return direction === 'ingress' && 'pod' in other && other.pod.entities?.includes('host') === true;
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
/** A row per group, made once per key: groups whose rows are the same by what the key holds share one. */
function sharedRows(
  keyOf: (group: Group) => string,
  make: (group: Group) => DirectionRow,
): (group: Group) => DirectionRow {
  const rows = new Map<string, DirectionRow>();
  return (group) => {
    const key = keyOf(group);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = make(group)));
    return row;
  };
}

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
const perAddressMatch = <K extends object, V>(): Record<AddressMatch, WeakMap<K, V>> => ({
  pods: new WeakMap(),
  none: new WeakMap(),
  nodes: new WeakMap(),
});
const compiledPolicies = perAddressMatch<NetworkPolicy, CompiledPolicy>();
const compiledTieredPolicies = perAddressMatch<TieredPolicy, CompiledPolicy>();

function compiledTiered(policy: TieredPolicy, addressMatch: AddressMatch): CompiledPolicy {
  let compiled = compiledTieredPolicies[addressMatch].get(policy);
  if (!compiled) {
    compiled = compileTieredPolicy(policy, addressMatch);
    compiledTieredPolicies[addressMatch].set(policy, compiled);
  }
  return compiled;
}
const compiledPeers = perAddressMatch<PolicyPeer, CompiledPeer>();
const groupKeys = new WeakMap<Workload, string>();

/** Workloads with the same key are identical pods for every policy: namespace, labels, ports, stated IPs, host network. */
export function groupKey(workload: Workload): string {
  let key = groupKeys.get(workload);
  if (key === undefined) {
    key = JSON.stringify([
      workload.namespace,
      sortedEntries(workload.labels),
      workload.serviceAccount ?? null,
      workload.ports,
      [...workload.ips].sort(),
      workload.hostNetwork === true,
      workload.entities ?? null,
      workload.outside === true,
      workload.dnsName ?? null,
    ]);
    groupKeys.set(workload, key);
  }
  return key;
}

/** Whether two models' namespaces are the same names, in the same order, with the same labels. */
function sameNamespaceLabels(a: ReadonlyMap<string, Namespace>, b: ReadonlyMap<string, Namespace>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  const others = b.values();
  for (const namespace of a.values()) {
    const other = others.next().value as Namespace;
    if (other.name !== namespace.name || !sameEntries(other.labels, namespace.labels)) return false;
  }
  return true;
}

/**
 * Whether a pair is an entity and another endpoint no pod policy governs (an entity, a pod that is its node): what
 * passes between them is for host policies, which are not evaluated, so connectivity leaves it out, as it leaves out
 * an entity's traffic with outside addresses: a DNS name peer (`fqdn.ts`) is one of those.
 */
function betweenNodes(a: Group, b: Group): boolean {
  return (!!a.facts.entities && !!b.facts.unpoliced) || (!!b.facts.entities && !!a.facts.unpoliced);
}

/** The ports a precomputed row allows with one other group. */
/** An external block with the L7 filter of its ports, where a proxy filters some (`filteredBlocks`). */
type FilteredBlock = ExternalBlock & { l7?: FilteredPorts[] };

/** What a connection of one block says beside its ends. */
function connectionOf(block: FilteredBlock): Pick<Connection, 'protocol' | 'ports' | 'l7'> {
  return { protocol: block.protocol, ports: block.ports, ...(block.l7 ? { l7: block.l7 } : {}) };
}

/** `range` cut where one of `bounds` starts or ends inside it, in address order. */
function cutRange(range: IpRange, bounds: readonly IpRange[]): IpRange[] {
  const cuts = new Set<bigint>([range.start]);
  for (const bound of bounds) {
    if (bound.family !== range.family) continue;
    if (bound.start > range.start && bound.start <= range.end) cuts.add(bound.start);
    if (bound.end >= range.start && bound.end < range.end) cuts.add(bound.end + 1n);
  }
  const starts = [...cuts].sort(compareBigInt);
  return starts.map((start, i) => ({
    family: range.family,
    start,
    end: i + 1 < starts.length ? starts[i + 1]! - 1n : range.end,
  }));
}

/**
 * Whether the namespaced allows of `row` give every other group and address at least what those of `than` give (rows
 * of one group's direction in two engines sharing groups). Egress rules of every pod with named ports resolve per
 * destination: rows with them are not compared. A group neither lists gets `everyPod`; one `than` lists
 * gets its entry there; the addresses get what `than`'s contributions give when `row` has each of them, or wider.
 */
function rowCovers(row: DirectionRow, than: DirectionRow): boolean {
  if (!row.isolated) return true;
  if (!than.isolated || row.everyPodNamed.length > 0 || than.everyPodNamed.length > 0) return false;
  const covers = (wider: ConnSet, narrower: ConnSet) => narrower.subtract(wider).isEmpty();
  if (!covers(row.everyPod, than.everyPod)) return false;
  for (const [index, ports] of than.byGroup)
    if (!covers(row.everyPod.union(row.byGroup.get(index) ?? ConnSet.none()), than.everyPod.union(ports)))
      return false;
  return than.contributions.every((contribution) =>
    row.contributions.some(
      (mine) =>
        (mine.ranges === undefined || sameRanges(mine.ranges, contribution.ranges)) &&
        covers(mine.ports, contribution.ports),
    ),
  );
}

/**
 * Whether an address rule may match a group by its stated addresses, as the CNI lets it: pods that are their node
 * (`unpoliced`) are reached at its address, which `compilePeer` judges; an entity outside the cluster at its own, as
 * any outside address.
 */
function hasMatchingAddress(match: AddressMatch): (group: Group) => boolean {
  return (group) =>
    group.facts.unpoliced === 'outside'
      ? group.facts.ips.length > 0
      : match === 'none'
        ? false
        : match === 'pods'
          ? group.facts.ips.length > 0 || !!group.facts.unpoliced
          : group.facts.unpoliced === 'node-identity' && group.facts.ips.length > 0;
}

/** Whether two lists of tier rules are the same compiled rules in the same order. */
function sameRules(a: readonly TierRule[], b: readonly TierRule[]): boolean {
  return a.length === b.length && a.every((rule, i) => rule.rule === b[i]!.rule);
}

function sameRanges(a: readonly IpRange[], b: readonly IpRange[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((range, i) => compareRanges(range, b[i]!) === 0);
}

function rowPorts(row: DirectionRow, other: Group): ConnSet {
  if (row.compose) return row.compose(other);
  return namespacedPorts(row, other, row.byGroup.get(other.index));
}

/**
 * The ports a row's namespaced allows give one other group: `own` is what the rules whose peers list that group give
 * it (its `byGroup` entry; undefined for what every group not listed gets).
 */
function namespacedPorts(row: DirectionRow, other: Group, own: ConnSet | undefined): ConnSet {
  if (!row.isolated) return ConnSet.all();
  let ports = own ? row.everyPod.union(own) : row.everyPod;
  for (const named of row.everyPodNamed) ports = ports.union(named.resolve(other.facts.ports));
  return ports;
}

/** Report order of workloads: namespace, kind, name, compared as plain strings so every machine agrees. */
/** Workloads in report order, their ranks in it and their peers in connections. */
interface ReportOrder {
  sorted: readonly Workload[];
  rank: ReadonlyMap<Workload, number>;
  peers: ReadonlyMap<Workload, WorkloadPeer>;
}

/**
 * The report order of a model's workloads, once per list: engines over the same workloads (a fix's verification
 * builds two per fix over the head model's) share it.
 */
function reportOrder(workloads: readonly Workload[]): ReportOrder {
  let order = reportOrders.get(workloads);
  if (!order) {
    const sorted = [...workloads].sort(compareWorkloads);
    order = {
      sorted,
      rank: new Map(sorted.map((workload, i) => [workload, i])),
      peers: new Map(
        sorted.map((w): [Workload, WorkloadPeer] => [
          w,
          {
            namespace: w.namespace,
            kind: w.kind,
            name: w.name,
            ...(w.representative ? { representative: w.representative } : {}),
          },
        ]),
      ),
    };
    reportOrders.set(workloads, order);
  }
  return order;
}

const reportOrders = new WeakMap<readonly Workload[], ReportOrder>();

export function compareWorkloads(a: WorkloadPeer, b: WorkloadPeer): number {
  return compareText(a.namespace, b.namespace) || compareText(a.kind, b.kind) || compareText(a.name, b.name);
}

/** Labels as entries in key order, so equal sets compare and print alike. */
export function sortedEntries(labels: Labels): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => compareText(a, b));
}

/**
 * What a hostNetwork pod is to pod policies on the model's CNI, for its facts: nothing when it is a pod. A Cilium
 * entity is no pod on any CNI, nor is a DNS name peer, which is outside the cluster.
 */
function unpoliced(workload: Workload, cni: Cni | undefined): Pick<PodFacts, 'unpoliced'> {
  if (workload.entities) return { unpoliced: workload.outside ? 'outside' : 'node-identity' };
  if (workload.dnsName) return { unpoliced: 'outside' };
  const seenAs = workload.hostNetwork ? hostNetworkSeenAs(cni) : 'pod';
  return seenAs === 'pod' ? {} : { unpoliced: seenAs };
}

/** L7 rules by policy (kind, namespace, name), then as written. */
function compareL7Rules(a: L7Rule, b: L7Rule): number {
  return (
    compareText(a.policy.kind, b.policy.kind) ||
    compareText(a.policy.namespace ?? '', b.policy.namespace ?? '') ||
    compareText(a.policy.name, b.policy.name) ||
    compareText(a.parser, b.parser) ||
    compareText(JSON.stringify(a.rule), JSON.stringify(b.rule))
  );
}

import { sameItems } from '../collections.js';
import type { FieldPath, SourceLocation } from '../manifests/types.js';
import { namespaceLabelsOf } from '../model/build.js';
import { policyKey } from '../model/policy-ref.js';
import type {
  NetworkPolicy,
  PolicyPeer,
  PolicyRef,
  PolicyRule,
  Protocol,
  TieredPolicy,
  TieredRule,
  Workload,
} from '../model/types.js';
import { sortedEntries } from '../policy/engine.js';
import type { AdmittingRule, Decision, Direction, Endpoint, PolicyEngine } from '../policy/types.js';

/** One side of the comparison and the two ends of a connection as its engine knows them. */
export interface SideEnds {
  engine: PolicyEngine;
  from: Endpoint;
  to: Endpoint;
}

/**
 * Where the change that opened (`opened`) or closed a connection on one port is written, at head: the rule that was
 * added or edited (an admin or baseline rule that now decides, or that decided before and was edited), the policy
 * that started or stopped selecting a pod, or the pod or namespace whose labels moved it into or out of a
 * selection; never an unchanged rule of another policy. Undefined when what changed is not in the head tree (a
 * policy the change deleted): the caller names what it can.
 */
export function blameChange(
  base: SideEnds,
  head: SideEnds,
  protocol: Protocol,
  port: number,
  opened: boolean,
): SourceLocation | undefined {
  const allowing = opened ? head : base;
  for (const [direction, subjectEnd, otherEnd] of SIDES) {
    if (!changedSide(base, head, direction, protocol, port, opened)) continue;
    const subject = workloadPair(base[subjectEnd], head[subjectEnd]);
    if (!subject) continue;
    const tiered = tieredBlame(
      {
        base: base.engine.decision(direction, base[subjectEnd], base[otherEnd], protocol, port),
        head: head.engine.decision(direction, head[subjectEnd], head[otherEnd], protocol, port),
      },
      base.engine,
      head.engine,
    );
    if (tiered) return tiered;
    const change: SideChange = {
      base,
      head,
      direction,
      subject,
      other: workloadPair(base[otherEnd], head[otherEnd]),
      opened,
    };
    const admitting = allowing.engine.admittingRules(
      direction,
      allowing[subjectEnd],
      allowing[otherEnd],
      protocol,
      port,
    );
    return admitting.length === 0 ? isolationBlame(change) : ruleBlame(change, admitting);
  }
  return undefined;
}

const SIDES: readonly (readonly [Direction, 'to' | 'from', 'to' | 'from'])[] = [
  ['ingress', 'to', 'from'],
  ['egress', 'from', 'to'],
];

/**
 * Whether a change is on this side: the tree that denies it (base for an opened connection, head for a closed
 * one) denies it on this side, and the other tree allows it there.
 */
function changedSide(
  base: SideEnds,
  head: SideEnds,
  direction: Direction,
  protocol: Protocol,
  port: number,
  opened: boolean,
): boolean {
  const [subjectEnd, otherEnd] =
    direction === 'ingress' ? (['to', 'from'] as const) : (['from', 'to'] as const);
  const allows = (side: SideEnds) =>
    side.engine.sideAllows(direction, side[subjectEnd], side[otherEnd], protocol, port);
  return opened ? !allows(base) && allows(head) : allows(base) && !allows(head);
}

/**
 * Who decided a changed connection at base and at head, on the side the change is on (ingress first, as
 * {@link blameChange} looks). Without a base (an end base does not know), or when base decided alike (an audited
 * flow that base denies too), head's first side that denies a closed connection, or allows an opened one.
 */
export function decidedBy(
  base: SideEnds | undefined,
  head: SideEnds,
  protocol: Protocol,
  port: number,
  opened: boolean,
): { base?: Decision; head: Decision } | undefined {
  const decision = (side: SideEnds, [direction, subjectEnd, otherEnd]: (typeof SIDES)[number]) =>
    side.engine.decision(direction, side[subjectEnd], side[otherEnd], protocol, port);
  if (base) {
    const changed = SIDES.find(([direction]) => changedSide(base, head, direction, protocol, port, opened));
    if (changed) return { base: decision(base, changed), head: decision(head, changed) };
  }
  for (const side of SIDES) {
    const atHead = decision(head, side);
    if ((atHead.action !== 'deny') === opened) return { head: atHead };
  }
  return undefined;
}

/**
 * Where the peer item that lets an opened connection through is written, when the change added that item: the
 * NetworkPolicy rule of base at the same place (none for a rule the change added) has no item that means the same.
 * A rule edited by adding `namespaceSelector: {}` to its `from` is located at that item, on a line of the pull
 * request, rather than at the rule's unchanged first line; a rule added with two peers locates each path at the
 * item it matched. Undefined otherwise: a rule whose ports changed is located at the rule.
 */
export function addedPeerLocation(base: PolicyEngine, decision: Decision): SourceLocation | undefined {
  const { policy: ref, peer, path } = decision;
  if (!ref || ref.kind !== 'NetworkPolicy' || !peer || !path) return undefined;
  const before = policyById(base, refId(ref))?.[decision.direction].find((rule) =>
    sameItems(rule.path, path),
  );
  const meaning = peerMeaning(peer);
  return (before?.peers ?? []).some((item) => peerMeaning(item) === meaning) ? undefined : peer.location;
}

/** A NetworkPolicy peer item as it matches, wherever it is written. */
function peerMeaning({ podSelector, namespaceSelector, ipBlock }: PolicyPeer): string {
  return JSON.stringify([podSelector, namespaceSelector, ipBlock]);
}

/**
 * An admin or baseline rule decides at head that did not decide so at base (added, edited, or a policy added
 * above it): that rule. Else one that decided at base and no longer does: where its policy is at head (its rule of
 * the same index, else the direction's list), undefined when the change deleted the policy.
 */
function tieredBlame(
  decided: { base: Decision; head: Decision },
  base: PolicyEngine,
  head: PolicyEngine,
): SourceLocation | undefined {
  const { base: before, head: after } = decided;
  if (isClusterTier(after) && !sameTieredRule(after, base, head)) return after.location;
  if (!isClusterTier(before) || sameTieredRule(before, head, base)) return undefined;
  const atHead = tieredPolicyByRef(head, before.policy);
  if (!atHead) return undefined;
  const rule = atHead[before.direction][before.index];
  return rule ? atHead.locate(rule.path) : atHead.locate(['spec', before.direction]);
}

type ClusterTierDecision = Decision & { policy: PolicyRef; index: number };

/** A decision by a rule of an admin or baseline policy. */
function isClusterTier(decision: Decision): decision is ClusterTierDecision {
  return (
    (decision.tier === 'admin' || decision.tier === 'baseline') &&
    decision.policy !== undefined &&
    decision.index !== undefined
  );
}

/**
 * Whether the tree `other` has the deciding rule of `decision` (made in `own`) as it is: the same policy, with the
 * same tier, priority and subject, and the same rule at the same index (rule order decides in these tiers).
 */
function sameTieredRule(decision: ClusterTierDecision, other: PolicyEngine, own: PolicyEngine): boolean {
  const policy = tieredPolicyByRef(own, decision.policy);
  const counterpart = tieredPolicyByRef(other, decision.policy);
  if (!policy || !counterpart) return false;
  const { direction, index } = decision;
  return (
    tieredMeaning(policy, direction, index) === tieredMeaning(counterpart, direction, index) &&
    counterpart[direction][index] !== undefined
  );
}

/** A tiered policy's rule as it decides: tier, priority, subject, and the rule without where it is written. */
function tieredMeaning(policy: TieredPolicy, direction: Direction, index: number): string {
  return JSON.stringify(
    [policy.tier, policy.priority, policy.subject, policy[direction][index]],
    (key, value) => (key === 'path' ? undefined : (value as unknown)),
  );
}

function tieredPolicyByRef(engine: PolicyEngine, ref: PolicyRef): TieredPolicy | undefined {
  let byKey = tieredByKey.get(engine);
  if (!byKey) {
    byKey = new Map((engine.model.tieredPolicies ?? []).map((p) => [policyKey(p.ref), p]));
    tieredByKey.set(engine, byKey);
  }
  return byKey.get(policyKey(ref));
}

const tieredByKey = new WeakMap<PolicyEngine, Map<string, TieredPolicy>>();

/** The deciding side of a change: its direction, its pod (`subject`) and the other end, in both trees. */
interface SideChange {
  base: SideEnds;
  head: SideEnds;
  direction: Direction;
  subject: WorkloadPair;
  other: WorkloadPair | undefined;
  opened: boolean;
}

interface WorkloadPair {
  base: Workload;
  head: Workload;
}

function workloadPair(base: Endpoint, head: Endpoint): WorkloadPair | undefined {
  return 'workload' in base && 'workload' in head ? { base: base.workload, head: head.workload } : undefined;
}

/**
 * The allowing tree does not isolate the pod on this side, the denying one does: the pod's labels moved it, or a
 * policy started (closed) or stopped (opened) selecting it: that policy's selector at head, or the new policy.
 */
function isolationBlame(change: SideChange): SourceLocation | undefined {
  const { base, head, direction, subject, opened } = change;
  const moved = movedBy(subject, base.engine, head.engine);
  if (moved) return moved;
  if (opened) {
    for (const policy of base.engine.selectingPolicies(subject.base, direction)) {
      const kept = policyById(head.engine, policy.id);
      if (kept) return kept.locate(['spec', 'podSelector']);
    }
    return undefined;
  }
  const isolating = head.engine.selectingPolicies(subject.head, direction);
  const added = isolating.find((policy) => !policyById(base.engine, policy.id));
  if (added) return added.loc;
  return isolating.find((policy) => changedSelection(base.engine, policy))?.locate(['spec', 'podSelector']);
}

/**
 * Rules of the allowing tree let the connection through on this side: the first that the other tree does not have
 * (added or edited; for a closed path, where it was in head's version of its policy), or the policy whose selection
 * of the pod changed, or the labels that moved one end into or out of the rule's peers.
 */
function ruleBlame(change: SideChange, admitting: readonly AdmittingRule[]): SourceLocation | undefined {
  const { base, head, direction, subject, other, opened } = change;
  const otherTree = opened ? base.engine : head.engine;
  const allowingTree = opened ? head.engine : base.engine;
  const changed = changedRule(admitting, direction, allowingTree, otherTree);
  // A closed one where it was in head's version of its policy: the same place if it has one, else its nearest
  // written parent.
  if (changed)
    return opened ? changed.policy.locate(changed.path) : changed.counterpart?.locate(changed.path);
  for (const { policy: ref } of admitting) {
    const atHead = anyPolicy(head.engine, ref);
    if (atHead && atHead.changedSelection(base.engine)) return atHead.selectorLocation;
  }
  return movedBy(subject, base.engine, head.engine) ?? movedBy(other, base.engine, head.engine);
}

/** The first of `admitting` (rules of `tree`) that `otherTree`'s version of its policy does not have, by meaning. */
function changedRule(
  admitting: readonly AdmittingRule[],
  direction: Direction,
  tree: PolicyEngine,
  otherTree: PolicyEngine,
): { policy: BlamedPolicy; counterpart?: BlamedPolicy; path: FieldPath } | undefined {
  for (const { policy: ref, path } of admitting) {
    const policy = anyPolicy(tree, ref);
    const rule = policy?.rule(direction, path);
    if (!policy || !rule) continue;
    const counterpart = anyPolicy(otherTree, ref);
    if (!counterpart) return { policy, path };
    if (!counterpart.hasRule(direction, rule.meaning)) return { policy, counterpart, path };
  }
  return undefined;
}

/**
 * Where the rule that lets a connection through on one side at head was added or edited (its meaning is not in base's
 * version of its policy), for a change no rule of the connection's own shows: an L7 filter head dropped, by an
 * L3/L4-only allow beside it or by taking its L7 rules out. Undefined when every admitting rule was there at base.
 */
export function changedAdmittingRule(
  base: SideEnds,
  head: SideEnds,
  direction: Direction,
  protocol: Protocol,
  port: number,
): SourceLocation | undefined {
  const [subjectEnd, otherEnd] =
    direction === 'ingress' ? (['to', 'from'] as const) : (['from', 'to'] as const);
  const admitting = head.engine.admittingRules(direction, head[subjectEnd], head[otherEnd], protocol, port);
  const changed = changedRule(admitting, direction, head.engine, base.engine);
  return changed?.policy.locate(changed.path);
}

/**
 * A policy of any kind of the namespaced tier as rule blame reads it: a NetworkPolicy, or a tiered policy
 * (CiliumNetworkPolicy...) found by its PolicyRef, kind included (a NetworkPolicy and a CiliumNetworkPolicy may share
 * a name). Rules are found by field path and compared by meaning, wherever they are written.
 */
interface BlamedPolicy {
  rule(direction: Direction, path: FieldPath): { meaning: string } | undefined;
  hasRule(direction: Direction, meaning: string): boolean;
  locate(path: FieldPath): SourceLocation;
  /** Whether base's policy of the same identity selects differently (or base has none). */
  changedSelection(base: PolicyEngine): boolean;
  selectorLocation: SourceLocation;
}

function anyPolicy(engine: PolicyEngine, ref: PolicyRef): BlamedPolicy | undefined {
  if (ref.kind === 'NetworkPolicy') {
    const policy = policyById(engine, refId(ref));
    if (!policy) return undefined;
    const byPath = (direction: Direction, path: FieldPath) =>
      policy[direction].find((rule) => sameItems(rule.path, path));
    return {
      rule: (direction, path) => {
        const rule = byPath(direction, path);
        return rule ? { meaning: ruleMeaning(rule) } : undefined;
      },
      hasRule: (direction, meaning) => policy[direction].some((rule) => ruleMeaning(rule) === meaning),
      locate: (path) => policy.locate(path),
      changedSelection: (base) => changedSelection(base, policy),
      selectorLocation: policy.locate(['spec', 'podSelector']),
    };
  }
  const policy = tieredPolicyByRef(engine, ref);
  if (!policy) return undefined;
  return {
    rule: (direction, path) => {
      const rule = policy[direction].find((candidate) => sameItems(candidate.path, path));
      return rule ? { meaning: tieredRuleMeaning(rule) } : undefined;
    },
    hasRule: (direction, meaning) => policy[direction].some((rule) => tieredRuleMeaning(rule) === meaning),
    locate: (path) => policy.locate(path),
    changedSelection: (base) => {
      const before = tieredPolicyByRef(base, ref);
      return (
        !before ||
        JSON.stringify([before.subject, before.defaultDeny]) !==
          JSON.stringify([policy.subject, policy.defaultDeny])
      );
    },
    selectorLocation: policy.ref.location,
  };
}

/** A tiered rule as it decides: action, peers, ports, Services and toFQDNs names, without where it is written. */
function tieredRuleMeaning(rule: TieredRule): string {
  return JSON.stringify([rule.action, rule.peers, rule.ports, rule.services, rule.fqdns], (key, value) =>
    key === 'path' ? undefined : (value as unknown),
  );
}

/** The pod's labels or its namespace's, when they differ between the trees: the object that moved it. */
function movedBy(
  pair: { base: Workload; head: Workload } | undefined,
  base: PolicyEngine,
  head: PolicyEngine,
): SourceLocation | undefined {
  if (!pair) return undefined;
  const labels = (labelSet: Workload['labels']) => JSON.stringify(sortedEntries(labelSet));
  if (labels(pair.base.labels) !== labels(pair.head.labels)) return pair.head.loc;
  const namespace = pair.head.namespace;
  if (labels(namespaceLabelsOf(base.model, namespace)) !== labels(namespaceLabelsOf(head.model, namespace)))
    return head.model.namespaces.get(namespace)?.loc;
  return undefined;
}

/** The NetworkPolicy id (`namespace/name`) of a reference to one. */
function refId(ref: PolicyRef): string {
  return `${ref.namespace ?? ''}/${ref.name}`;
}

function policyById(engine: PolicyEngine, id: string): NetworkPolicy | undefined {
  let byId = policiesById.get(engine);
  if (!byId) policiesById.set(engine, (byId = new Map(engine.model.policies.map((p) => [p.id, p]))));
  return byId.get(id);
}

const policiesById = new WeakMap<PolicyEngine, Map<string, NetworkPolicy>>();

/** Whether head's policy selects differently from base's policy of the same name (selector or types edited). */
function changedSelection(base: PolicyEngine, policy: NetworkPolicy): boolean {
  const before = policyById(base, policy.id);
  return (
    !before ||
    JSON.stringify([before.podSelector, before.types]) !== JSON.stringify([policy.podSelector, policy.types])
  );
}

/** A NetworkPolicy rule as it decides (peers and ports), wherever it is written. */
function ruleMeaning(rule: PolicyRule): string {
  let meaning = meanings.get(rule);
  if (meaning === undefined) {
    meaning = JSON.stringify([
      rule.peers?.map(peerMeaning),
      rule.ports?.map(({ protocol, port, endPort }) => [protocol, port, endPort]),
    ]);
    meanings.set(rule, meaning);
  }
  return meaning;
}

const meanings = new WeakMap<PolicyRule, string>();

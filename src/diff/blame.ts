import type { SourceLocation } from '../manifests/types.js';
import { namespaceLabelsOf } from '../model/build.js';
import type { NetworkPolicy, PolicyRule, Protocol, Workload } from '../model/types.js';
import { sortedEntries } from '../policy/engine.js';
import type { AdmittingRule, Direction, Endpoint, PolicyEngine } from '../policy/types.js';

/** One side of the comparison and the two ends of a connection as its engine knows them. */
export interface SideEnds {
  engine: PolicyEngine;
  from: Endpoint;
  to: Endpoint;
}

/**
 * Where the change that opened (`opened`) or closed a connection on one port is written, at head: the rule that was
 * added or edited, the policy that started or stopped selecting a pod, or the pod or namespace whose labels moved
 * it into or out of a selection; never an unchanged rule of another policy. Undefined when what changed is not in
 * the head tree (a policy the change deleted): the caller names what it can.
 */
export function blameChange(
  base: SideEnds,
  head: SideEnds,
  protocol: Protocol,
  port: number,
  opened: boolean,
): SourceLocation | undefined {
  // The side that decided: the one the denying tree denies on and the allowing tree allows (ingress first).
  const [allowing, denying] = opened ? [head, base] : [base, head];
  for (const [direction, subjectEnd, otherEnd] of SIDES) {
    const denies = (side: SideEnds) =>
      !side.engine.sideAllows(direction, side[subjectEnd], side[otherEnd], protocol, port);
    if (!denies(denying) || denies(allowing)) continue;
    const subject = workloadPair(base[subjectEnd], head[subjectEnd]);
    if (!subject) continue;
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
  for (const { policy, index } of admitting) {
    const rule = policy[direction][index]!;
    const counterpart = policyById(otherTree, policy.id);
    if (counterpart && counterpart[direction].some((candidate) => sameRule(candidate, rule))) continue;
    if (opened) return policy.locate(rule.path);
    return counterpart ? counterpartLocation(counterpart, direction, index) : undefined;
  }
  for (const { policy } of admitting) {
    const atHead = opened ? policy : policyById(head.engine, policy.id);
    if (atHead && changedSelection(base.engine, atHead)) return atHead.locate(['spec', 'podSelector']);
  }
  return movedBy(subject, base.engine, head.engine) ?? movedBy(other, base.engine, head.engine);
}

/** Where a rule of base is in head's version of its policy: the same index if there is one, else the list. */
function counterpartLocation(policy: NetworkPolicy, direction: Direction, index: number): SourceLocation {
  const rule = policy[direction][index];
  return rule ? policy.locate(rule.path) : policy.locate(['spec', direction]);
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

/** Two rules that mean the same (peers and ports), wherever they are written. */
function sameRule(a: PolicyRule, b: PolicyRule): boolean {
  return ruleMeaning(a) === ruleMeaning(b);
}

function ruleMeaning(rule: PolicyRule): string {
  let meaning = meanings.get(rule);
  if (meaning === undefined) {
    meaning = JSON.stringify([
      rule.peers?.map(({ podSelector, namespaceSelector, ipBlock }) => [
        podSelector,
        namespaceSelector,
        ipBlock,
      ]),
      rule.ports?.map(({ protocol, port, endPort }) => [protocol, port, endPort]),
    ]);
    meanings.set(rule, meaning);
  }
  return meaning;
}

const meanings = new WeakMap<PolicyRule, string>();

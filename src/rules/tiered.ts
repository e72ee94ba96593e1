import { positionsIn } from '../collections.js';
import type { ResolvedConfig } from '../config/types.js';
import type {
  ClusterModel,
  LabelSelector,
  PolicyPeer,
  RuleAction,
  TieredPolicy,
  TieredPort,
  TieredRule,
  Workload,
} from '../model/types.js';
import { namespaceLabelsOf } from '../model/build.js';
import { selectableLabels } from '../policy/identity.js';
import { compilePorts } from '../policy/compile.js';
import { cidrToRange, rangeContains, rangesOverlap, type IpRange } from '../policy/ip.js';
import { compileSelector } from '../policy/selector.js';
import type { Direction } from '../policy/types.js';
import { byNamespace, DIRECTIONS } from './helpers.js';

/**
 * What the cluster-policy rules (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy) share: their
 * policies and rules, and whether two selectors, peers or port lists can match the same traffic or one covers the
 * other. Judged on the selectors as written (a cluster admin's repository may hold no workloads): "covers" and
 * "overlaps" are said only when they hold for every label set, never guessed.
 */
export const CLUSTER_POLICY_KINDS: readonly string[] = [
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
  'ClusterNetworkPolicy',
];

/** The tiered policies of the given kinds, in model order. */
export function tieredPoliciesOf(model: ClusterModel, kinds: readonly string[]): TieredPolicy[] {
  return (model.tieredPolicies ?? []).filter((policy) => kinds.includes(policy.ref.kind));
}

export interface TieredRuleVisit {
  policy: TieredPolicy;
  direction: Direction;
  rule: TieredRule;
}

/** Every rule of the policies, by policy, direction and list order. */
export function tieredRules(policies: readonly TieredPolicy[]): TieredRuleVisit[] {
  return policies.flatMap((policy) =>
    DIRECTIONS.flatMap((direction) => policy[direction].map((rule) => ({ policy, direction, rule }))),
  );
}

/** A rule's peers; a rule that names none (a Cilium rule with only `toPorts`) matches every pod and address. */
export function rulePeers(rule: TieredRule): readonly PolicyPeer[] {
  return (
    rule.peers ?? [
      { namespaceSelector: {}, podSelector: {}, path: rule.path },
      { ipBlock: { cidr: '0.0.0.0/0', except: [] }, path: rule.path },
      { ipBlock: { cidr: '::/0', except: [] }, path: rule.path },
    ]
  );
}

/** `AdminNetworkPolicy deny-egress`, as messages name a cluster policy. */
export function policyLabel(policy: TieredPolicy): string {
  const { kind, namespace, name } = policy.ref;
  return `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
}

/** An action as the API writes it (v1alpha1's Allow is v1alpha2's Accept). */
export function actionName(action: RuleAction): string {
  return { allow: 'Accept', deny: 'Deny', pass: 'Pass' }[action];
}

/** `egress[2] "block-metadata" (Deny)`, as messages name a rule. */
export function ruleLabel(direction: Direction, rule: TieredRule): string {
  const name = rule.name ? ` "${rule.name}"` : '';
  return `${direction}[${rule.index}]${name} (${actionName(rule.action)})`;
}

type Requirement = { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values: string[] };

function requirements(selector: LabelSelector): Requirement[] {
  return [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]): Requirement => ({
      key,
      operator: 'In',
      values: [value],
    })),
    ...(selector.matchExpressions ?? []).map(({ key, operator, values }) => ({
      key,
      operator,
      values: [...(values ?? [])],
    })),
  ];
}

/** Whether `given` alone makes `wanted` hold (one requirement of `given` on the same key suffices). */
function implies(given: Requirement, wanted: Requirement): boolean {
  if (given.key !== wanted.key) return false;
  const within = (values: readonly string[], set: readonly string[]) =>
    values.length > 0 && values.every((value) => set.includes(value));
  switch (wanted.operator) {
    case 'In':
      return given.operator === 'In' && within(given.values, wanted.values);
    case 'Exists':
      return given.operator === 'Exists' || (given.operator === 'In' && given.values.length > 0);
    case 'DoesNotExist':
      return given.operator === 'DoesNotExist';
    case 'NotIn':
      return (
        given.operator === 'DoesNotExist' ||
        (given.operator === 'In' &&
          given.values.length > 0 &&
          given.values.every((value) => !wanted.values.includes(value))) ||
        (given.operator === 'NotIn' && wanted.values.every((value) => given.values.includes(value)))
      );
  }
}

/** Whether every label set `inner` selects is selected by `outer`. */
export function selectorCovers(outer: LabelSelector, inner: LabelSelector): boolean {
  const given = requirements(inner);
  return requirements(outer).every((wanted) => given.some((requirement) => implies(requirement, wanted)));
}

/** Whether some label set is selected by both. */
export function selectorsIntersect(a: LabelSelector, b: LabelSelector): boolean {
  const byKey = new Map<string, Requirement[]>();
  for (const requirement of [...requirements(a), ...requirements(b)]) {
    byKey.set(requirement.key, [...(byKey.get(requirement.key) ?? []), requirement]);
  }
  for (const list of byKey.values()) {
    const absent = list.some((r) => r.operator === 'DoesNotExist');
    const present = list.some((r) => r.operator === 'In' || r.operator === 'Exists');
    if (absent && present) return false;
    if (absent) continue;
    const excluded = new Set(list.filter((r) => r.operator === 'NotIn').flatMap((r) => r.values));
    let candidates: string[] | undefined;
    for (const r of list) {
      if (r.operator !== 'In') continue;
      candidates = (candidates ?? r.values).filter((value) => r.values.includes(value));
    }
    if (candidates !== undefined && candidates.every((value) => excluded.has(value))) return false;
  }
  return true;
}

function peerRange(peer: PolicyPeer): IpRange | undefined {
  return peer.ipBlock ? cidrToRange(peer.ipBlock.cidr) : undefined;
}

/** Whether every pod and address `inner` matches is matched by `outer` (a network never covers a selector). */
export function peerCovers(outer: PolicyPeer, inner: PolicyPeer): boolean {
  const [outerRange, innerRange] = [peerRange(outer), peerRange(inner)];
  if (outer.ipBlock || inner.ipBlock) {
    return outerRange !== undefined && innerRange !== undefined && rangeContains(outerRange, innerRange);
  }
  return (
    selectorCovers(outer.namespaceSelector ?? {}, inner.namespaceSelector ?? {}) &&
    selectorCovers(outer.podSelector ?? {}, inner.podSelector ?? {})
  );
}

/**
 * Whether some pod or address is matched by both. A network and a selector overlap when the network holds pod
 * addresses (`networks` match pods too): a `/0`, or a block that meets a configured pod CIDR.
 */
export function peersOverlap(a: PolicyPeer, b: PolicyPeer, config: ResolvedConfig): boolean {
  const [rangeA, rangeB] = [peerRange(a), peerRange(b)];
  if (rangeA && rangeB) return rangesOverlap(rangeA, rangeB);
  if (a.ipBlock || b.ipBlock) {
    const block = a.ipBlock ? a : b;
    return block.ipBlock !== undefined && holdsPodAddresses(block.ipBlock.cidr, config);
  }
  return (
    selectorsIntersect(a.namespaceSelector ?? {}, b.namespaceSelector ?? {}) &&
    selectorsIntersect(a.podSelector ?? {}, b.podSelector ?? {})
  );
}

/** Whether a CIDR holds pod addresses: every `/0` does; otherwise when it meets `cluster.podCidrs`. */
export function holdsPodAddresses(cidr: string, config: ResolvedConfig): boolean {
  const range = cidrToRange(cidr);
  if (!range) return false;
  if (cidr.endsWith('/0')) return true;
  return config.cluster.podCidrs.some((pods) => {
    const podRange = cidrToRange(pods);
    return podRange !== undefined && rangesOverlap(range, podRange);
  });
}

function namedPorts(ports: readonly TieredPort[]): TieredPort[] {
  return ports.filter((port) => typeof port.port === 'string');
}

/** Whether every port `inner` names is named by `outer` (undefined: every port). */
export function portsCover(
  outer: readonly TieredPort[] | undefined,
  inner: readonly TieredPort[] | undefined,
): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  const outerFixed = compilePorts(outer).resolve(undefined);
  if (!compilePorts(inner).resolve(undefined).subtract(outerFixed).isEmpty()) return false;
  return namedPorts(inner).every((named) =>
    namedPorts(outer).some(
      (candidate) =>
        candidate.port === named.port &&
        (candidate.protocol === undefined || candidate.protocol === named.protocol),
    ),
  );
}

/** Whether some port is named by both (a named port meets a number only where the whole protocol is named). */
export function portsOverlap(
  a: readonly TieredPort[] | undefined,
  b: readonly TieredPort[] | undefined,
): boolean {
  if (a === undefined || b === undefined) return true;
  const [fixedA, fixedB] = [compilePorts(a).resolve(undefined), compilePorts(b).resolve(undefined)];
  if (!fixedA.intersection(fixedB).isEmpty()) return true;
  const namedMeets = (named: readonly TieredPort[], other: readonly TieredPort[]) =>
    named.some((port) =>
      other.some(
        (candidate) =>
          (candidate.port === port.port &&
            (candidate.protocol === undefined ||
              port.protocol === undefined ||
              candidate.protocol === port.protocol)) ||
          (candidate.port === undefined &&
            (port.protocol === undefined || candidate.protocol === port.protocol)),
      ),
    );
  return namedMeets(namedPorts(a), b) || namedMeets(namedPorts(b), a);
}

/** Whether some traffic is matched by both rules: a peer of each overlaps, and their ports do. */
export function rulesOverlap(a: TieredRule, b: TieredRule, config: ResolvedConfig): boolean {
  return (
    portsOverlap(a.ports, b.ports) &&
    rulePeers(a).some((peerA) => rulePeers(b).some((peerB) => peersOverlap(peerA, peerB, config)))
  );
}

/** The first earlier rule of the list that matches every peer and port the rule at `position` does, if one does. */
export function shadowingRule(rules: readonly TieredRule[], position: number): TieredRule | undefined {
  const rule = rules[position];
  if (!rule) return undefined;
  return rules
    .slice(0, position)
    .find(
      (earlier) =>
        portsCover(earlier.ports, rule.ports) &&
        rulePeers(rule).every((peer) => rulePeers(earlier).some((candidate) => peerCovers(candidate, peer))),
    );
}

/** Whether two subjects can select the same pod. */
export function subjectsIntersect(a: TieredPolicy['subject'], b: TieredPolicy['subject']): boolean {
  if (a.namespace !== undefined && b.namespace !== undefined && a.namespace !== b.namespace) return false;
  return (
    selectorsIntersect(a.namespaceSelector ?? {}, b.namespaceSelector ?? {}) &&
    selectorsIntersect(a.podSelector, b.podSelector)
  );
}

/** The model's workloads a policy applies to (worked out once per model and policy: rules ask per pod). */
export function subjectWorkloads(model: ClusterModel, policy: TieredPolicy): Workload[] {
  let byPolicy = subjectsByModel.get(model);
  if (!byPolicy) subjectsByModel.set(model, (byPolicy = new WeakMap()));
  let workloads = byPolicy.get(policy);
  if (!workloads) byPolicy.set(policy, (workloads = selectedWorkloads(model, policy)));
  return workloads;
}

const subjectsByModel = new WeakMap<ClusterModel, WeakMap<TieredPolicy, Workload[]>>();

function selectedWorkloads(model: ClusterModel, policy: TieredPolicy): Workload[] {
  const { subject } = policy;
  // Compiled once: every workload is asked.
  const pods = compileSelector(subject.podSelector);
  // A namespaced subject asks only its namespace's workloads (in model order, as the whole list would give them).
  if (subject.namespace !== undefined) {
    const inNamespace = byNamespace(model).workloads.get(subject.namespace) ?? [];
    const namespaces = compileSelector(subject.namespaceSelector ?? {});
    if (!namespaces(namespaceLabelsOf(model, subject.namespace))) return [];
    return inNamespace.filter((workload) => pods(selectableLabels(model, workload, policy.ref.kind)));
  }
  // A cluster-wide one asks its namespace selector once per namespace, and only the selected namespaces' workloads.
  const namespaces = compileSelector(subject.namespaceSelector ?? {});
  const selected: Workload[] = [];
  for (const [namespace, workloads] of byNamespace(model).workloads) {
    if (!namespaces(namespaceLabelsOf(model, namespace))) continue;
    for (const workload of workloads)
      if (pods(selectableLabels(model, workload, policy.ref.kind))) selected.push(workload);
  }
  const position = positionsIn(model.workloads);
  return selected.sort((a, b) => position.get(a)! - position.get(b)!);
}

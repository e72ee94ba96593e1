import { pushTo } from '../collections.js';
import type { FieldPath } from '../manifests/types.js';
import type {
  ClusterModel,
  LabelSelector,
  Labels,
  NetworkPolicy,
  PolicyPeer,
  PolicyPort,
  PolicyRule,
  Protocol,
  Service,
  Workload,
} from '../model/types.js';
import type { Direction, PolicyEngine } from '../policy/types.js';

export const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

/** The peer list key of a direction: `from` for ingress, `to` for egress. */
export function peerKey(direction: Direction): 'from' | 'to' {
  return direction === 'ingress' ? 'from' : 'to';
}

/** Which kind of item a peer is, by the fields written in it. */
export function peerShape(
  peer: PolicyPeer,
): 'namespace-only' | 'pod-only' | 'namespace-and-pod' | 'ip-block' | 'empty' {
  if (peer.ipBlock) return 'ip-block';
  if (peer.namespaceSelector && peer.podSelector) return 'namespace-and-pod';
  if (peer.namespaceSelector) return 'namespace-only';
  if (peer.podSelector) return 'pod-only';
  return 'empty';
}

export interface RuleVisit {
  policy: NetworkPolicy;
  direction: Direction;
  rule: PolicyRule;
}

/** Every ingress and egress rule of every policy, in file order (listed once per model: most rules walk them). */
export function policyRules(model: ClusterModel): readonly RuleVisit[] {
  return visitsOf(model).rules;
}

/** Every peer item of every rule (rules without `from`/`to` have none), listed once per model. */
export function policyPeers(model: ClusterModel): readonly (RuleVisit & { peer: PolicyPeer })[] {
  return visitsOf(model).peers;
}

function visitsOf(model: ClusterModel): Visits {
  let visits = visitsByModel.get(model);
  if (!visits) {
    visits = { rules: [], peers: [] };
    for (const policy of model.policies) {
      for (const direction of DIRECTIONS) {
        for (const rule of policy[direction]) {
          visits.rules.push({ policy, direction, rule });
          for (const peer of rule.peers ?? []) visits.peers.push({ policy, direction, rule, peer });
        }
      }
    }
    visitsByModel.set(model, visits);
  }
  return visits;
}

interface Visits {
  rules: RuleVisit[];
  peers: (RuleVisit & { peer: PolicyPeer })[];
}

const visitsByModel = new WeakMap<ClusterModel, Visits>();

/** Whether a policy port admits `protocol`/`port` without needing a pod to resolve a name. */
export function portAdmits(policyPort: PolicyPort, protocol: Protocol, port: number): boolean {
  if (policyPort.protocol !== protocol) return false;
  if (policyPort.port === undefined) return true;
  if (typeof policyPort.port === 'string') return false;
  return policyPort.port <= port && port <= (policyPort.endPort ?? policyPort.port);
}

/** Whether a policy port admits `protocol`/`port` on a given destination pod, resolving a named port against it. */
export function portAdmitsOnPod(
  policyPort: PolicyPort,
  protocol: Protocol,
  port: number,
  pod: Workload,
): boolean {
  if (typeof policyPort.port !== 'string') return portAdmits(policyPort, protocol, port);
  return (
    policyPort.protocol === protocol &&
    pod.ports.some(
      (declared) =>
        declared.name === policyPort.port && declared.protocol === protocol && declared.port === port,
    )
  );
}

/** Whether a rule admits `protocol`/`port` (a rule without `ports` admits every port). */
export function ruleAdmitsPort(rule: PolicyRule, protocol: Protocol, port: number): boolean {
  return rule.ports === undefined || rule.ports.some((policyPort) => portAdmits(policyPort, protocol, port));
}

/** `Kind namespace/name`, the way a workload is named in messages. */
export function workloadLabel(workload: Workload): string {
  return `${workload.kind} ${workload.namespace}/${workload.name}`;
}

/** Names a list of workloads in a message, shortened past `limit` so messages stay readable. */
export function describeWorkloads(workloads: readonly Workload[], limit = 4): string {
  if (workloads.length === 0) return 'no known workload';
  return shortList(sortedUnique(workloads.map(workloadLabel)), limit);
}

/** Joins names for a message, shortened past `limit` so messages stay readable. */
export function shortList(names: readonly string[], limit = 4): string {
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

/** A label selector written compactly for messages: `app=web, tier in (a, b)`, or `{}` when empty. */
export function formatSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    if (operator === 'Exists') parts.push(key);
    else if (operator === 'DoesNotExist') parts.push(`!${key}`);
    else parts.push(`${key} ${operator === 'In' ? 'in' : 'notin'} (${values.join(', ')})`);
  }
  return parts.length > 0 ? parts.join(', ') : '{}';
}

/**
 * The model's workloads, services and policies by namespace (namespaces without any are absent), in model order.
 */
export function byNamespace(model: ClusterModel): NamespaceContents {
  let contents = contentsByModel.get(model);
  if (!contents) {
    contents = { workloads: new Map(), services: new Map(), policies: new Map() };
    for (const workload of model.workloads) pushTo(contents.workloads, workload.namespace, workload);
    for (const service of model.services) pushTo(contents.services, service.namespace, service);
    for (const policy of model.policies) pushTo(contents.policies, policy.namespace, policy);
    contentsByModel.set(model, contents);
  }
  return contents;
}

interface NamespaceContents {
  workloads: Map<string, Workload[]>;
  services: Map<string, Service[]>;
  policies: Map<string, NetworkPolicy[]>;
}

/**
 * Per model, computed once: rules ask per peer or per namespace, and scanning every workload each time is
 * quadratic (so would a fix's verification be, which takes a few namespaces of the model per fix).
 */
const contentsByModel = new WeakMap<ClusterModel, NamespaceContents>();

export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** Appends segments to a field path. */
export function subPath(path: FieldPath, ...segments: (string | number)[]): FieldPath {
  return [...path, ...segments];
}

/**
 * The pods whose ports a rule's `ports` refer to: for ingress the pods the policy selects, for egress the pods its
 * peers select (every known pod for a rule without `to`).
 */
export function destinationWorkloads(engine: PolicyEngine, visit: RuleVisit): Workload[] {
  const { policy, direction, rule } = visit;
  if (direction === 'ingress') return engine.policyWorkloads(policy);
  if (rule.peers === undefined) return engine.model.workloads;
  const found = new Map<string, Workload>();
  for (const peer of rule.peers) {
    for (const workload of engine.peerWorkloads(policy, peer)) found.set(workload.id, workload);
  }
  return [...found.values()];
}

/** Workloads outside the policy's namespace that a podSelector-only peer would match if it had a namespaceSelector. */
export function podSelectorMatchesElsewhere(
  engine: PolicyEngine,
  policy: NetworkPolicy,
  peer: PolicyPeer,
): Workload[] {
  const podSelector = peer.podSelector;
  if (peerShape(peer) !== 'pod-only' || !podSelector) return [];
  // The same selector under `namespaceSelector: {}` matches it in every namespace. Asking the engine (which caches
  // matches per selector) instead of scanning every workload keeps this rule linear on large repositories.
  const everywhere: PolicyPeer = { podSelector, namespaceSelector: {}, path: peer.path };
  return engine
    .peerWorkloads(policy, everywhere)
    .filter((workload) => workload.namespace !== policy.namespace);
}

/** Labels that satisfy a selector's equality, `In` and `Exists` requirements: enough to build something it selects. */
export function labelsSatisfying(selector: LabelSelector): Labels {
  const labels: Record<string, string> = { ...selector.matchLabels };
  for (const { key, operator, values } of selector.matchExpressions ?? []) {
    if (operator === 'In') labels[key] = values?.[0] ?? '';
    if (operator === 'Exists') labels[key] = 'true';
  }
  return labels;
}

/**
 * Adjacent `from`/`to` items where one has only a namespaceSelector and the other only a podSelector: the shape of
 * an AND split into an OR by one `-` too many. Returned as `[namespace item, pod item, the later of the two]`.
 */
export function andOrSplits(peers: readonly PolicyPeer[]): [PolicyPeer, PolicyPeer, PolicyPeer][] {
  const splits: [PolicyPeer, PolicyPeer, PolicyPeer][] = [];
  peers.forEach((current, index) => {
    const previous = peers[index - 1];
    if (!previous) return;
    const shapes = [peerShape(previous), peerShape(current)];
    if (shapes[0] === 'namespace-only' && shapes[1] === 'pod-only') splits.push([previous, current, current]);
    if (shapes[0] === 'pod-only' && shapes[1] === 'namespace-only') splits.push([current, previous, current]);
  });
  return splits;
}

/** Whether a peer is half of an AND/OR split, which peer-and-or-split explains better than any other rule. */
export function isInAndOrSplit(peers: readonly PolicyPeer[], peer: PolicyPeer): boolean {
  return andOrSplits(peers).some(([namespaceItem, podItem]) => namespaceItem === peer || podItem === peer);
}

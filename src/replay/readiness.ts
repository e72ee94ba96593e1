import { networkPolicyRef, policyKey } from '../model/policy-ref.js';
import type { ClusterModel } from '../model/types.js';
import { isLocalHost } from '../policy/entities.js';
import type { Direction, PolicyEngine } from '../policy/types.js';
import { DIRECTIONS } from '../rules/helpers.js';
import type { ObservedFlow } from './observed.js';
import type { BlockingFlow, NamespaceReadiness, UnusedRule } from './types.js';
import { compareText } from '../text/compare.js';

/**
 * For each namespace of the repository with recorded traffic: whether a default deny (ingress and egress) would
 * keep every observed connection of its workloads. A connection is covered when each of its ends in the namespace
 * is allowed by a rule that names it, so isolating that end changes nothing; an end that is only let through
 * because no policy isolates it holds the namespace back.
 */
export function namespaceReadiness(
  observed: readonly ObservedFlow[],
  model: ClusterModel,
): NamespaceReadiness[] {
  // The repository's namespaces: those it holds workloads or policies of (a tenant's policies, its pods elsewhere).
  const managed = new Set([
    ...model.workloads.map((workload) => workload.namespace),
    ...model.policies.map((policy) => policy.namespace),
  ]);
  const byNamespace = new Map<string, { observed: number; blocking: BlockingFlow[] }>();
  for (const flow of observed) {
    const ends: [Direction, string | undefined][] = [
      ['egress', namespaceOf(flow.from)],
      ['ingress', namespaceOf(flow.to)],
    ];
    const namespaces = new Set(
      ends.flatMap(([, namespace]) => (namespace && managed.has(namespace) ? [namespace] : [])),
    );
    for (const namespace of namespaces) {
      // Covered: a rule of a policy selecting this end names the connection (not: nothing isolates the end), or
      // the end's ingress is from its local host, which Cilium lets through whatever isolates it.
      const localHost = 'workload' in flow.from && isLocalHost(flow.from.workload);
      const uncovered = ends
        .filter(
          ([direction, endNamespace]) =>
            endNamespace === namespace &&
            flow.admitting[direction].length === 0 &&
            !(direction === 'ingress' && localHost),
        )
        .map(([direction]) => direction);
      const entry = byNamespace.get(namespace) ?? { observed: 0, blocking: [] };
      entry.observed++;
      if (uncovered.length > 0) {
        entry.blocking.push({
          from: flow.fromPeer,
          to: flow.toPeer,
          protocol: flow.protocol,
          port: flow.port,
          count: flow.count,
          uncovered,
        });
      }
      byNamespace.set(namespace, entry);
    }
  }
  return [...byNamespace.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([namespace, { observed: count, blocking }]) => ({
      namespace,
      observed: count,
      covered: count - blocking.length,
      ready: blocking.length === 0,
      blocking: blocking.sort((a, b) => b.count - a.count),
    }));
}

/**
 * Allow rules that no recorded connection used. Only rules of policies whose pods appear in the recording on the
 * rule's side are judged: a recording that never saw a pod says nothing about its rules.
 */
export function unusedRules(
  observed: readonly ObservedFlow[],
  engine: PolicyEngine,
  model: ClusterModel,
): UnusedRule[] {
  const used = new Set<string>();
  const seen: Record<Direction, Set<string>> = { egress: new Set(), ingress: new Set() };
  for (const flow of observed) {
    if ('workload' in flow.from) seen.egress.add(flow.from.workload.id);
    if ('workload' in flow.to) seen.ingress.add(flow.to.workload.id);
    for (const direction of DIRECTIONS) {
      for (const rule of flow.admitting[direction])
        used.add(ruleKey(policyKey(rule.policy), direction, rule.index));
    }
  }
  const unused: UnusedRule[] = [];
  for (const policy of model.policies) {
    const selected = engine.policyWorkloads(policy);
    for (const direction of ['ingress', 'egress'] as const) {
      if (!policy.types[direction] || !selected.some((workload) => seen[direction].has(workload.id)))
        continue;
      policy[direction].forEach((rule, index) => {
        if (used.has(ruleKey(policyKey(networkPolicyRef(policy)), direction, index))) return;
        const { file, line } = policy.locate(rule.path);
        unused.push({ policy: policy.id, direction, index, file, line });
      });
    }
  }
  return unused.sort((a, b) => compareText(a.file, b.file) || a.line - b.line);
}

function namespaceOf(endpoint: ObservedFlow['from']): string | undefined {
  return 'workload' in endpoint ? endpoint.workload.namespace : undefined;
}

function ruleKey(policy: string, direction: Direction, index: number): string {
  return `${policy}\u0000${direction}\u0000${index}`;
}

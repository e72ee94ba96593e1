import type { ClusterModel } from '../model/types.js';
import type { Direction, PolicyEngine, SideExplanation } from '../policy/types.js';
import type { ObservedFlow } from './observed.js';
import type { BlockingFlow, NamespaceReadiness, UnusedRule } from './types.js';

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
  const managed = new Set(model.workloads.map((workload) => workload.namespace));
  const byNamespace = new Map<string, { observed: number; blocking: BlockingFlow[] }>();
  for (const flow of observed) {
    const { explanation } = flow;
    const ends: [Direction, string | undefined, SideExplanation][] = [
      ['egress', namespaceOf(flow.from), explanation.egress],
      ['ingress', namespaceOf(flow.to), explanation.ingress],
    ];
    const namespaces = new Set(
      ends.flatMap(([, namespace]) => (namespace && managed.has(namespace) ? [namespace] : [])),
    );
    for (const namespace of namespaces) {
      const uncovered = ends
        .filter(([, endNamespace, side]) => endNamespace === namespace && !explicitlyAllowed(side))
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
    .sort(([a], [b]) => a.localeCompare(b))
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
    for (const side of [flow.explanation.egress, flow.explanation.ingress]) {
      for (const policy of side.policies) {
        for (const rule of policy.rules) {
          if (rule.peerMatches && rule.portMatches)
            used.add(ruleKey(policy.policy, side.direction, rule.index));
        }
      }
    }
  }
  const unused: UnusedRule[] = [];
  for (const policy of model.policies) {
    const selected = engine.policyWorkloads(policy);
    for (const direction of ['ingress', 'egress'] as const) {
      if (!policy.types[direction] || !selected.some((workload) => seen[direction].has(workload.id)))
        continue;
      policy[direction].forEach((rule, index) => {
        if (used.has(ruleKey(policy.id, direction, index))) return;
        const { file, line } = policy.locate(rule.path);
        unused.push({ policy: policy.id, direction, index, file, line });
      });
    }
  }
  return unused.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Whether a rule of a policy selecting this end names the connection (not: nothing isolates the end). */
function explicitlyAllowed(side: SideExplanation): boolean {
  return side.policies.some((policy) => policy.rules.some((rule) => rule.peerMatches && rule.portMatches));
}

function namespaceOf(endpoint: ObservedFlow['from']): string | undefined {
  return 'workload' in endpoint ? endpoint.workload.namespace : undefined;
}

function ruleKey(policy: string, direction: Direction, index: number): string {
  return `${policy}\u0000${direction}\u0000${index}`;
}

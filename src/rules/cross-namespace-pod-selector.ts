import { networkPolicyRef } from '../model/policy-ref.js';
import { workloadsKnown } from '../model/completeness.js';
import { isEmptySelector } from '../policy/selector.js';
import {
  describeWorkloads,
  formatSelector,
  isInAndOrSplit,
  podSelectorMatchesElsewhere,
  policyPeers,
  subPath,
} from './helpers.js';
import type { Rule } from './types.js';

/** A podSelector alone is scoped to the policy's namespace, however global its labels look. */
export const crossNamespacePodSelector: Rule = {
  meta: {
    id: 'cross-namespace-pod-selector',
    severity: 'warning',
    kinds: ['NetworkPolicy'],
    description:
      "A podSelector-only peer (not `{}`) that matches no pod in the policy's namespace, whose workloads the tree " +
      'holds, but matches pods in other namespaces.',
    rationale:
      "A peer with only a podSelector selects pods in the policy's own namespace. Written for pods that live " +
      'elsewhere (Prometheus in `monitoring`, an ingress controller), it admits nothing, and the traffic is dropped.',
    remediation:
      'Add a namespaceSelector in the same list item (no `-` before `podSelector`) naming the namespace of those pods.',
    example: [
      'ingress:',
      '  - from:',
      '      - namespaceSelector:',
      '          matchLabels: { kubernetes.io/metadata.name: monitoring }',
      '        podSelector:',
      '          matchLabels: { app: prometheus }',
    ].join('\n'),
  },
  check(ctx) {
    for (const { policy, rule, peer } of policyPeers(ctx.model)) {
      if (isInAndOrSplit(rule.peers ?? [], peer)) continue;
      // `podSelector: {}` is the usual "my own namespace" peer; and where the tree does not show every pod of the
      // namespace, the pods the selector is for may well be there.
      if (!peer.podSelector || isEmptySelector(peer.podSelector)) continue;
      if (!workloadsKnown(ctx.model, policy.namespace)) continue;
      // Its own namespace first: a cheap look that settles most peers.
      if (ctx.engine.peerWorkloads(policy, peer).length > 0) continue;
      const elsewhere = podSelectorMatchesElsewhere(ctx.engine, policy, peer);
      if (elsewhere.length === 0) continue;
      const namespaces = [...new Set(elsewhere.map((workload) => workload.namespace))].sort();
      ctx.report({
        policy: networkPolicyRef(policy),
        path: subPath(peer.path, 'podSelector'),
        message:
          `podSelector ${formatSelector(peer.podSelector)} without namespaceSelector only looks in namespace ` +
          `${policy.namespace}, where it matches nothing; it matches ${describeWorkloads(elsewhere)} in ` +
          `${namespaces.join(', ')}: add a namespaceSelector to the same item`,
      });
    }
  },
};

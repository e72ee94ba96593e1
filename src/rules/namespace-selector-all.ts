import { networkPolicyRef } from '../model/policy-ref.js';
import { peerKey, peerShape, policyPeers, subPath } from './helpers.js';
import { isEmptySelector } from '../policy/selector.js';
import type { Rule } from './types.js';

/** `namespaceSelector: {}` alone reads as "some namespaces" but means every pod in the cluster. */
export const namespaceSelectorAll: Rule = {
  meta: {
    id: 'namespace-selector-all',
    severity: 'warning',
    kinds: ['NetworkPolicy'],
    description: 'A peer `namespaceSelector: {}` without a `podSelector`: every pod of every namespace.',
    rationale:
      'An empty namespaceSelector matches all namespaces, including ones created later by other teams. Without a ' +
      'podSelector in the same item, every pod in the cluster is admitted: namespace isolation is gone for these pods.',
    remediation:
      'Name the namespaces (`kubernetes.io/metadata.name`, or a team label), and add a podSelector in the same item ' +
      'for the pods that really need access. If every namespace is meant (a cluster-wide scraper), say so with a ' +
      'suppression annotation.',
    example: [
      'ingress:',
      '  - from:',
      '      - namespaceSelector:',
      '          matchLabels: { kubernetes.io/metadata.name: reporting }',
      '        podSelector:',
      '          matchLabels: { app: report-builder }',
    ].join('\n'),
  },
  check(ctx) {
    for (const { policy, direction, peer } of policyPeers(ctx.model)) {
      if (
        peerShape(peer) !== 'namespace-only' ||
        !peer.namespaceSelector ||
        !isEmptySelector(peer.namespaceSelector)
      ) {
        continue;
      }
      ctx.report({
        policy: networkPolicyRef(policy),
        path: subPath(peer.path, 'namespaceSelector'),
        message:
          `${peerKey(direction)}: namespaceSelector {} without podSelector admits every pod of every namespace, ` +
          'including namespaces created later',
      });
    }
  },
};

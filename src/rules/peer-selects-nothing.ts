import {
  formatSelector,
  hasKnownWorkloads,
  isInAndOrSplit,
  peerKey,
  peerShape,
  podSelectorMatchesElsewhere,
  policyPeers,
  subPath,
} from './helpers.js';
import { matchingNamespaceNames, namespacesAreManaged, unknownNamespaceLabelKeys } from './namespaces.js';
import type { Rule } from './types.js';

/** A peer that matches nothing admits nothing: the traffic it was written for is dropped. */
export const peerSelectsNothing: Rule = {
  meta: {
    id: 'peer-selects-nothing',
    severity: 'warning',
    description: 'A `from`/`to` peer that matches no known pod or namespace (ipBlock peers excluded).',
    rationale:
      'A peer whose selectors match nothing admits no traffic. It is almost always a typo or a stale label, and the ' +
      'connection it was meant to allow fails in production. Only namespaces and pods the repository (or config) ' +
      'shows are judged, so pods deployed from elsewhere do not raise it.',
    remediation:
      'Fix the selector to labels the pods (`spec.template.metadata.labels`) or namespaces carry. Declare namespaces ' +
      'that live outside the repository under `namespaces:` in `.netpol-guard.yaml`.',
    example: [
      'egress:',
      '  - to:',
      '      - namespaceSelector:',
      '          matchLabels: { kubernetes.io/metadata.name: data }',
      '        podSelector:',
      '          matchLabels: { app: postgres }   # was app: postgress',
    ].join('\n'),
  },
  check(ctx) {
    const managed = namespacesAreManaged(ctx.model, ctx.config);
    for (const { policy, direction, rule, peer } of policyPeers(ctx.model)) {
      // Half of an AND/OR split: peer-and-or-split explains what both readings admit.
      if (isInAndOrSplit(rule.peers ?? [], peer)) continue;
      const shape = peerShape(peer);
      const key = peerKey(direction);
      if (shape === 'pod-only' && peer.podSelector) {
        // A match in another namespace is cross-namespace-pod-selector's finding, with a better message.
        if (!hasKnownWorkloads(ctx.model, policy.namespace)) continue;
        // Its own namespace first: a cheap look that settles most peers.
        if (ctx.engine.peerWorkloads(policy, peer).length > 0) continue;
        if (podSelectorMatchesElsewhere(ctx.engine, policy, peer).length > 0) continue;
        ctx.report({
          policy,
          path: subPath(peer.path, 'podSelector'),
          message: `${key}: podSelector ${formatSelector(peer.podSelector)} matches no pod of namespace ${policy.namespace}`,
        });
        continue;
      }
      const namespaceSelector = peer.namespaceSelector;
      if (!namespaceSelector || (shape !== 'namespace-only' && shape !== 'namespace-and-pod')) continue;
      const namespaces = matchingNamespaceNames(namespaceSelector, ctx.model, ctx.config);
      if (namespaces.length === 0) {
        // Unknown label keys are namespace-label-unknown's finding.
        if (!managed || unknownNamespaceLabelKeys(namespaceSelector, ctx.model, ctx.config).length > 0)
          continue;
        ctx.report({
          policy,
          path: subPath(peer.path, 'namespaceSelector'),
          message:
            `${key}: namespaceSelector ${formatSelector(namespaceSelector)} matches no known namespace ` +
            '(declare namespaces that live outside the repository under `namespaces:` in .netpol-guard.yaml)',
        });
        continue;
      }
      if (shape !== 'namespace-and-pod' || !peer.podSelector) continue;
      // A matched namespace whose pods the repository does not show (kube-system's DNS pods) may hold the match.
      if (!namespaces.every((namespace) => hasKnownWorkloads(ctx.model, namespace))) continue;
      if (ctx.engine.peerWorkloads(policy, peer).length > 0) continue;
      ctx.report({
        policy,
        path: subPath(peer.path, 'podSelector'),
        message:
          `${key}: podSelector ${formatSelector(peer.podSelector)} matches no pod in namespace` +
          `${namespaces.length === 1 ? '' : 's'} ${namespaces.join(', ')}`,
      });
    }
  },
};

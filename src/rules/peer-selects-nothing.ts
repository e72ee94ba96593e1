import { networkPolicyRef } from '../model/policy-ref.js';
import { namespacesKnown, treeIsComplete, workloadsKnown } from '../model/completeness.js';
import {
  formatSelector,
  isInAndOrSplit,
  peerKey,
  peerShape,
  podSelectorMatchesElsewhere,
  policyPeers,
  subPath,
} from './helpers.js';
import { matchingNamespaceNames, namedNamespaces, unknownNamespaceLabelKeys } from './namespaces.js';
import { labelsNotInIdentity } from './cilium.js';
import type { Rule } from './types.js';
import { noun } from '../text/plural.js';

/** A peer that matches nothing admits nothing: the traffic it was written for is dropped. */
export const peerSelectsNothing: Rule = {
  meta: {
    id: 'peer-selects-nothing',
    severity: 'warning',
    kinds: ['NetworkPolicy'],
    description: 'A `from`/`to` peer that matches no known pod or namespace (ipBlock peers excluded).',
    rationale:
      'A peer whose selectors match nothing admits no traffic. It is almost always a typo or a stale label, and the ' +
      'connection it was meant to allow fails in production. Only what the tree can know is judged: pods of ' +
      'namespaces whose workloads it holds (and no custom resource that makes pods), namespaces when it declares ' +
      'every namespace it uses. A `kubernetes.io/metadata.name` selector names a namespace that exists somewhere ' +
      'and is judged only with `complete: true` (docs/partial-trees.md).',
    remediation:
      'Fix the selector to labels the pods (`spec.template.metadata.labels`) or namespaces carry. Declare namespaces ' +
      'and workloads that live outside the repository under `namespaces:` and `workloads:` in `.netpol-guard.yaml`.',
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
    const { model } = ctx;
    const namespacesAreKnown = namespacesKnown(model);
    for (const { policy, direction, rule, peer } of policyPeers(model)) {
      // Half of an AND/OR split: peer-and-or-split explains what both readings admit.
      if (isInAndOrSplit(rule.peers ?? [], peer)) continue;
      // A label Cilium leaves out of every identity is cilium-selector-label-not-in-identity's finding.
      if (peer.podSelector && labelsNotInIdentity(model, peer.podSelector).length > 0) continue;
      const shape = peerShape(peer);
      const key = peerKey(direction);
      if (shape === 'pod-only' && peer.podSelector) {
        // A match in another namespace is cross-namespace-pod-selector's finding, with a better message.
        if (!workloadsKnown(model, policy.namespace)) continue;
        // Its own namespace first: a cheap look that settles most peers.
        if (ctx.engine.peerWorkloads(policy, peer).length > 0) continue;
        if (podSelectorMatchesElsewhere(ctx.engine, policy, peer).length > 0) continue;
        ctx.report({
          policy: networkPolicyRef(policy),
          path: subPath(peer.path, 'podSelector'),
          message: `${key}: podSelector ${formatSelector(peer.podSelector)} matches no pod of namespace ${policy.namespace}`,
        });
        continue;
      }
      const namespaceSelector = peer.namespaceSelector;
      if (!namespaceSelector || (shape !== 'namespace-only' && shape !== 'namespace-and-pod')) continue;
      // A selector on namespace names selects exactly those namespaces, whether or not the tree declares them.
      const named = treeIsComplete(model) ? undefined : namedNamespaces(namespaceSelector);
      const namespaces = named ?? matchingNamespaceNames(namespaceSelector, model, ctx.config);
      if (namespaces.length === 0) {
        // Unknown label keys are namespace-label-unknown's finding.
        if (!namespacesAreKnown || unknownNamespaceLabelKeys(namespaceSelector, model, ctx.config).length > 0)
          continue;
        ctx.report({
          policy: networkPolicyRef(policy),
          path: subPath(peer.path, 'namespaceSelector'),
          message:
            `${key}: namespaceSelector ${formatSelector(namespaceSelector)} matches no known namespace ` +
            '(declare namespaces that live outside the repository under `namespaces:` in .netpol-guard.yaml)',
        });
        continue;
      }
      if (shape !== 'namespace-and-pod' || !peer.podSelector) continue;
      // Namespaces the tree does not declare may match too, and hold the pods.
      if (!named && !namespacesAreKnown) continue;
      // A matched namespace whose pods the tree does not show (kube-system's DNS pods) may hold the match.
      if (!namespaces.every((namespace) => workloadsKnown(model, namespace))) continue;
      if (ctx.engine.peerWorkloads(policy, peer).length > 0) continue;
      ctx.report({
        policy: networkPolicyRef(policy),
        path: subPath(peer.path, 'podSelector'),
        message:
          `${key}: podSelector ${formatSelector(peer.podSelector)} matches no pod in ` +
          `${noun(namespaces.length, 'namespace')} ${namespaces.join(', ')}`,
      });
    }
  },
};

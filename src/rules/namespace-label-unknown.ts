import { networkPolicyRef } from '../model/policy-ref.js';
import { NAMESPACE_NAME_LABEL } from '../model/build.js';
import { policyPeers, subPath } from './helpers.js';
import { namespacesKnown } from '../model/completeness.js';
import { knownNamespaces, unknownNamespaceLabelKeys } from './namespaces.js';
import type { Rule } from './types.js';

/** A namespaceSelector on a label nobody sets matches nothing (or, with NotIn/DoesNotExist, everything). */
export const namespaceLabelUnknown: Rule = {
  meta: {
    id: 'namespace-label-unknown',
    severity: 'warning',
    kinds: ['NetworkPolicy'],
    description:
      'A namespaceSelector on a label key that no Namespace declares, in a tree that declares every namespace it uses.',
    rationale:
      'Namespaces only carry the labels someone put on them, plus `kubernetes.io/metadata.name`. Selecting on ' +
      '`name: monitoring` or `team: data` when no Namespace has that label matches no namespace, so the peer ' +
      'admits nothing and the traffic it was written for is dropped. Judged only where the tree (with the ' +
      "config's `namespaces:`) declares every namespace its objects live in, or with `complete: true`; elsewhere " +
      'only a value naming a namespace the tree declares without that label (`name: monitoring`) is reported.',
    remediation:
      'Select on `kubernetes.io/metadata.name` (set by Kubernetes on every namespace), or add the label to the ' +
      'Namespace manifests. Namespaces that live outside the repository can be declared with their labels under ' +
      '`namespaces:` in `.netpol-guard.yaml`.',
    example: [
      'ingress:',
      '  - from:',
      '      - namespaceSelector:',
      '          matchLabels: { kubernetes.io/metadata.name: monitoring }   # not { name: monitoring }',
    ].join('\n'),
  },
  check(ctx) {
    // Namespaces declared elsewhere carry labels this tree cannot see; but a Namespace manifest of the tree states
    // all the labels its namespace gets, so `name: monitoring` with monitoring declared without `name` is wrong.
    const allKnown = namespacesKnown(ctx.model);
    const names = new Set(knownNamespaces(ctx.model, ctx.config).map(({ name }) => name));
    for (const { policy, peer } of policyPeers(ctx.model)) {
      const selector = peer.namespaceSelector;
      if (!selector) continue;
      for (const key of unknownNamespaceLabelKeys(selector, ctx.model, ctx.config)) {
        const value = selector.matchLabels?.[key];
        const namesDeclared = value !== undefined && ctx.model.namespaces.get(value)?.inferred === false;
        if (!allKnown && !namesDeclared) continue;
        const expressionIndex = (selector.matchExpressions ?? []).findIndex(
          (expression) => expression.key === key,
        );
        const path =
          value !== undefined
            ? subPath(peer.path, 'namespaceSelector', 'matchLabels', key)
            : subPath(peer.path, 'namespaceSelector', 'matchExpressions', expressionIndex, 'key');
        const suggestion =
          value !== undefined && names.has(value)
            ? `; did you mean ${NAMESPACE_NAME_LABEL}: ${value}?`
            : `; select on ${NAMESPACE_NAME_LABEL} or declare the label`;
        ctx.report({
          policy: networkPolicyRef(policy),
          path,
          message: `no Namespace has the label "${key}", so this namespaceSelector cannot match as intended${suggestion}`,
        });
      }
    }
  },
};

import { networkPolicyRef } from '../model/policy-ref.js';
import type { Rule } from './types.js';

/** A policy without a namespace lands wherever the applying context points. */
export const policyMissingNamespace: Rule = {
  meta: {
    id: 'policy-missing-namespace',
    severity: 'info',
    kinds: ['NetworkPolicy'],
    description: 'A NetworkPolicy without `metadata.namespace`.',
    rationale:
      'A NetworkPolicy only acts in its own namespace. Without `metadata.namespace` it is created in whatever ' +
      'namespace `kubectl`, Helm or Argo CD uses at apply time, which may not be the one whose pods it was written for.',
    remediation: 'State the namespace in the manifest (or make sure your kustomization sets `namespace:`).',
    example: ['metadata:', '  name: allow-frontend', '  namespace: shop'].join('\n'),
  },
  check(ctx) {
    for (const policy of ctx.model.policies) {
      if (policy.namespaceDeclared) continue;
      ctx.report({
        policy: networkPolicyRef(policy),
        path: ['metadata', 'name'],
        message:
          `NetworkPolicy ${policy.name} has no metadata.namespace: it is created in the namespace of the apply ` +
          `context (analysed here as "${policy.namespace}")`,
      });
    }
  },
};

import { networkPolicyRef } from '../model/policy-ref.js';
import { workloadsKnown } from '../model/completeness.js';
import { formatSelector, sortedUnique } from './helpers.js';
import { selectorKeys } from '../policy/selector.js';
import { isEmptySelector } from '../policy/selector.js';
import { labelsNotInIdentity } from './cilium.js';
import type { Rule } from './types.js';
import { noun } from '../text/plural.js';

/** A policy that selects no pod protects nothing; usually a label typo or a renamed app. */
export const policySelectsNothing: Rule = {
  meta: {
    id: 'policy-selects-nothing',
    severity: 'warning',
    kinds: ['NetworkPolicy'],
    description:
      "The policy's podSelector matches no workload of its namespace, where the tree shows every workload.",
    rationale:
      'A policy applies only to the pods its podSelector selects. When it matches none (a typo, a label renamed in ' +
      'the Deployment but not in the policy), the pods it was written for are not isolated and not protected, and ' +
      'nothing says so. Only namespaces whose workloads the tree holds (with no custom resource that makes pods ' +
      'there) are judged, or every namespace with `complete: true` (docs/partial-trees.md).',
    remediation: 'Fix the selector to the labels of the pod template (`spec.template.metadata.labels`).',
    example: [
      'spec:',
      '  podSelector:',
      "    matchLabels: { app: payments-api }   # the Deployment's template labels",
    ].join('\n'),
  },
  check(ctx) {
    for (const policy of ctx.model.policies) {
      // podSelector {} selects every pod, present and future; a namespace whose pods the tree does not all show
      // (none of them, or some made by a custom resource) cannot be judged.
      if (isEmptySelector(policy.podSelector) || !workloadsKnown(ctx.model, policy.namespace)) continue;
      // A label Cilium leaves out of every identity is cilium-selector-label-not-in-identity's finding.
      if (labelsNotInIdentity(ctx.model, policy.podSelector).length > 0) continue;
      if (ctx.engine.policyWorkloads(policy).length > 0) continue;
      const inNamespace = ctx.model.workloads.filter((workload) => workload.namespace === policy.namespace);
      const hints = selectorKeys(policy.podSelector).flatMap((key) => {
        const values = sortedUnique(inNamespace.flatMap((workload) => workload.labels[key] ?? []));
        return values.length > 0 ? [`${key} in use: ${values.join(', ')}`] : [];
      });
      ctx.report({
        policy: networkPolicyRef(policy),
        path: ['spec', 'podSelector'],
        message:
          `podSelector ${formatSelector(policy.podSelector)} matches none of the ${inNamespace.length} ${noun(inNamespace.length, 'workload')} of ` +
          `namespace ${policy.namespace}: the policy protects nothing${hints.length > 0 ? ` (${hints.join('; ')})` : ''}`,
      });
    }
  },
};

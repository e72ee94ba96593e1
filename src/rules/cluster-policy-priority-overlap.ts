import { compareText } from '../text/compare.js';
import { DIRECTIONS } from './helpers.js';
import {
  CLUSTER_POLICY_KINDS,
  policyLabel,
  ruleLabel,
  rulesOverlap,
  subjectsIntersect,
  tieredPoliciesOf,
} from './tiered.js';
import type { Rule } from './types.js';

/**
 * Two policies of one tier at the same priority whose rules can match the same connection with different actions:
 * which applies is up to the implementation. The engine orders them by name, as the reference implementation does
 * (`policy/tiers.ts`). Source: the network-policy-api API reference, `priority` of AdminNetworkPolicySpec and
 * ClusterNetworkPolicySpec (policies of equal priority whose rules overlap have no defined order), and np-guard's
 * `anp_bad_path_test_1`, which refuses two AdminNetworkPolicies at one priority.
 */
export const clusterPolicyPriorityOverlap: Rule = {
  meta: {
    id: 'cluster-policy-priority-overlap',
    severity: 'warning',
    kinds: CLUSTER_POLICY_KINDS,
    description:
      'Two cluster policies of one tier at the same priority whose rules can match the same connection with different actions.',
    rationale:
      'Priorities order cluster policies; two at the same priority have no order the API defines, so when their ' +
      'rules overlap and disagree (one Denies what the other Accepts), the outcome depends on the implementation ' +
      'and may change with an upgrade. netpol-guard evaluates them by name, as the reference implementation does.',
    remediation: 'Give each cluster policy of a tier its own priority, in the order you mean them to apply.',
    example: [
      'apiVersion: policy.networking.k8s.io/v1alpha1',
      'kind: AdminNetworkPolicy',
      'metadata: { name: allow-monitoring }',
      'spec:',
      '  priority: 10   # before deny-cross-tenant at 20, not both at 20',
    ].join('\n'),
  },
  check(ctx) {
    const policies = tieredPoliciesOf(ctx.model, clusterPolicyPriorityOverlap.meta.kinds).sort(
      (a, b) => compareText(a.ref.name, b.ref.name) || compareText(a.ref.kind, b.ref.kind),
    );
    policies.forEach((first, position) => {
      for (const second of policies.slice(position + 1)) {
        if (first.tier !== second.tier || first.priority !== second.priority) continue;
        if (!subjectsIntersect(first.subject, second.subject)) continue;
        const clash = DIRECTIONS.flatMap((direction) =>
          first[direction].flatMap((a) =>
            second[direction].flatMap((b) =>
              a.action !== b.action && rulesOverlap(a, b, ctx.config) ? [{ direction, a, b }] : [],
            ),
          ),
        )[0];
        if (!clash) continue;
        const { direction, a, b } = clash;
        ctx.report({
          policy: second.ref,
          path: ['spec', 'priority'],
          message:
            `${policyLabel(first)} and ${policyLabel(second)} both have priority ${first.priority} in the ` +
            `${first.tier} tier, and ${ruleLabel(direction, a)} of the first and ${ruleLabel(direction, b)} of ` +
            'the second can match the same connection: which one applies is implementation-defined; netpol-guard ' +
            `evaluates ${first.ref.name} first (by name, as the reference implementation does)`,
          related: [
            { ...first.locate(['spec', 'priority']), message: `same priority: ${policyLabel(first)}` },
            { ...first.locate(a.path), message: `overlapping rule of ${policyLabel(first)}` },
            { ...second.locate(b.path), message: `overlapping rule of ${policyLabel(second)}` },
          ],
        });
      }
    });
  },
};

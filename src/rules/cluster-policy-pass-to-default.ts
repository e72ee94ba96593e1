import type { Workload } from '../model/types.js';
import { describeWorkloads } from './helpers.js';
import {
  rulePeers,
  CLUSTER_POLICY_KINDS,
  policyLabel,
  rulesOverlap,
  ruleLabel,
  shadowingRule,
  subjectWorkloads,
  tieredPoliciesOf,
  tieredRules,
} from './tiered.js';
import type { Rule } from './types.js';

/**
 * Pass hands a connection to the tiers below: NetworkPolicies, then the baseline, then the default allow. Where
 * nothing below speaks for the pods a Pass applies to, it decides by default alone: it allows (no NetworkPolicy
 * isolates them, no baseline rule matches) or denies (a NetworkPolicy isolates them and has no rule for the
 * direction). Source: the network-policy-api API overview (Pass skips the rest of the admin tier) and
 * `policy/tiers.ts`; a Pass in the Baseline tier has only the default below it.
 */
export const clusterPolicyPassToDefault: Rule = {
  meta: {
    id: 'cluster-policy-pass-to-default',
    severity: 'warning',
    kinds: CLUSTER_POLICY_KINDS,
    description:
      'A cluster policy Pass where nothing below decides for the pods it applies to: it acts as an allow-all or a deny-all.',
    rationale:
      'Pass delegates to the namespace owners (NetworkPolicies) and then the baseline. When neither has anything ' +
      'for the pods, the Pass is an Accept in disguise (every connection it matches is allowed by default), or, ' +
      'where a NetworkPolicy isolates the pods with no rule for the direction, a Deny: what it does depends on ' +
      'policies written elsewhere, and changes the day one is added.',
    remediation:
      'Say what is meant: Accept or Deny in the cluster policy, or add the NetworkPolicy or baseline rule the Pass ' +
      'delegates to.',
    example: [
      'egress:',
      '  - name: tenants-decide-within-their-namespace',
      '    action: Pass',
      '    to: [{ namespaces: { matchLabels: { tenant: blue } } }]',
      '# ...with a BaselineAdminNetworkPolicy or per-namespace NetworkPolicies that decide below it',
    ].join('\n'),
  },
  check(ctx) {
    const policies = tieredPoliciesOf(ctx.model, clusterPolicyPassToDefault.meta.kinds);
    const baseline = policies.filter((policy) => policy.tier === 'baseline');
    for (const { policy, direction, rule } of tieredRules(policies)) {
      if (rule.action !== 'pass' || rulePeers(rule).length === 0) continue;
      // A Pass an earlier rule shadows never applies: cluster-policy-rule-shadowed says so.
      if (shadowingRule(policy[direction], policy[direction].indexOf(rule))) continue;
      if (policy.tier === 'baseline') {
        ctx.report({
          policy: policy.ref,
          path: rule.path,
          message:
            `${policyLabel(policy)} ${ruleLabel(direction, rule)} passes from the Baseline tier, which has only ` +
            'the default below it: it allows what it matches; write Accept if that is meant',
        });
        continue;
      }
      const pods = subjectWorkloads(ctx.model, policy);
      if (pods.length === 0) continue;
      const allowing: Workload[] = [];
      const denying: Workload[] = [];
      for (const pod of pods) {
        const isolating = ctx.engine.selectingPolicies(pod, direction);
        if (isolating.length > 0) {
          if (isolating.every((networkPolicy) => networkPolicy[direction].length === 0)) denying.push(pod);
          continue;
        }
        // Isolated by a policy of another kind of the namespaced tier (a CiliumNetworkPolicy): it decides.
        if (ctx.engine.isIsolated(pod, direction)) continue;
        const below = baseline.some(
          (candidate) =>
            subjectWorkloads(ctx.model, candidate).includes(pod) &&
            candidate[direction].some((lower) => rulesOverlap(lower, rule, ctx.config)),
        );
        if (!below) allowing.push(pod);
      }
      if (allowing.length + denying.length < pods.length) continue;
      const acts = [
        ...(allowing.length > 0
          ? [`an Accept for ${describeWorkloads(allowing)} (no NetworkPolicy or baseline rule decides)`]
          : []),
        ...(denying.length > 0
          ? [
              `a Deny for ${describeWorkloads(denying)} (isolated by NetworkPolicies without ${direction} rules)`,
            ]
          : []),
      ];
      ctx.report({
        policy: policy.ref,
        path: rule.path,
        message:
          `${policyLabel(policy)} ${ruleLabel(direction, rule)} passes to tiers where nothing decides for the pods ` +
          `it applies to: it acts as ${acts.join(' and as ')}`,
      });
    }
  },
};

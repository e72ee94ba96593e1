import { DIRECTIONS } from './helpers.js';
import {
  rulePeers,
  actionName,
  CLUSTER_POLICY_KINDS,
  policyLabel,
  ruleLabel,
  shadowingRule,
  tieredPoliciesOf,
} from './tiered.js';
import type { Rule } from './types.js';

/**
 * Rules of a cluster policy are evaluated in list order and the first whose peer and port match decides: a rule that
 * an earlier rule of the same direction covers (every peer and every port) never decides anything. Source: the
 * network-policy-api API reference, `ingress`/`egress` of AdminNetworkPolicySpec and ClusterNetworkPolicySpec: the
 * precedence of rules within one policy is the order they are written in.
 */
export const clusterPolicyRuleShadowed: Rule = {
  meta: {
    id: 'cluster-policy-rule-shadowed',
    severity: 'warning',
    kinds: CLUSTER_POLICY_KINDS,
    description:
      'A cluster policy rule that never applies: an earlier rule of the same policy and direction matches every peer and port it does.',
    rationale:
      'Within a cluster policy the first matching rule decides. A rule listed after one that covers it is dead: when ' +
      'its action differs (an Accept for the monitoring namespace after a Deny of all namespaces), the policy does ' +
      'the opposite of what the later rule says, and reviewers read the later rule.',
    remediation: 'Move the narrower rule above the broader one, or remove it when both have the same action.',
    example: [
      'egress:',
      '  - name: allow-monitoring   # the exception first',
      '    action: Accept',
      '    to: [{ namespaces: { matchLabels: { team: monitoring } } }]',
      '  - name: deny-other-namespaces',
      '    action: Deny',
      '    to: [{ namespaces: {} }]',
    ].join('\n'),
  },
  check(ctx) {
    for (const policy of tieredPoliciesOf(ctx.model, clusterPolicyRuleShadowed.meta.kinds)) {
      for (const direction of DIRECTIONS) {
        const rules = policy[direction];
        rules.forEach((rule, position) => {
          // A rule with only peers the engine does not evaluate (nodes, domainNames) is not judged.
          if (rulePeers(rule).length === 0) return;
          const cover = shadowingRule(rules, position);
          if (!cover) return;
          const outcome =
            cover.action === rule.action
              ? 'it is redundant'
              : `its ${actionName(rule.action)} never applies: the earlier ${actionName(cover.action)} decides instead`;
          ctx.report({
            policy: policy.ref,
            path: rule.path,
            message:
              `${policyLabel(policy)} ${ruleLabel(direction, rule)} is shadowed by ${ruleLabel(direction, cover)}, ` +
              `which matches every peer and port it does and comes first: ${outcome}`,
            related: [
              { ...policy.locate(cover.path), message: `the earlier rule: ${ruleLabel(direction, cover)}` },
            ],
          });
        });
      }
    }
  },
};

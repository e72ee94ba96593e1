import { policyEnforcementMode } from '../model/cni.js';
import { DIRECTIONS } from './helpers.js';
import { ciliumPolicies, CILIUM_KINDS, saysDeny } from './cilium.js';
import { policyLabel } from './tiered.js';
import type { Rule } from './types.js';

/**
 * In Cilium a rule with no field at all matches nothing: `egress: [{}]` puts the pods in default deny for egress and
 * allows nothing (Documentation/security/policy/language.rst, "Ingress/Egress Default Deny", whose example
 * examples/policies/l3/egress-default-deny is exactly that). In a NetworkPolicy the same `egress: [{}]` allows all,
 * so the shape reads as an allow-all to most reviewers. Only policies whose author's words do not say "deny" are
 * reported: the documented default deny is named as one.
 */
export const ciliumEmptyRuleDenies: Rule = {
  meta: {
    id: 'cilium-empty-rule-denies',
    severity: 'warning',
    kinds: CILIUM_KINDS,
    description:
      'An empty rule (`ingress: [{}]`, `egress: [{}]`) in a Cilium policy, which matches nothing: a default deny, not the allow-all it is in a NetworkPolicy.',
    rationale:
      'A Cilium rule with no field allows nothing, and a section with rules isolates the pods it selects: ' +
      '`egress: [{}]` cuts all their egress, DNS included. In a NetworkPolicy `egress: [{}]` allows everything, so ' +
      'the same lines read as "allow all" to most reviewers, and a policy meant to open traffic closes it. Policies ' +
      'whose name, description or describing annotation says deny (the documented `deny-all-egress`) are not ' +
      'reported.',
    remediation:
      'To allow everything write the peers: `toEntities: [all]` (or `fromEntities: [all]`). To deny, say so in the ' +
      "policy's name or description, or drop the empty rule where the section has other rules.",
    example: [
      'apiVersion: cilium.io/v2',
      'kind: CiliumNetworkPolicy',
      'metadata:',
      '  name: allow-all-egress',
      'spec:',
      '  endpointSelector: { matchLabels: { app: api } }',
      '  egress:',
      '    - toEntities: [all]   # not `- {}`, which allows nothing',
    ].join('\n'),
  },
  check(ctx) {
    // `never` enforces no policy: an empty rule changes nothing then.
    if (policyEnforcementMode(ctx.model) === 'never') return;
    for (const policy of ciliumPolicies(ctx.model)) {
      if (saysDeny(policy)) continue;
      for (const direction of DIRECTIONS) {
        const allows = policy[direction].filter((rule) => rule.action === 'allow');
        const empty = allows.filter((rule) => rule.empty);
        // enableDefaultDeny false: the section isolates nothing, and the empty rule changes nothing either.
        if (empty.length === 0 || policy.defaultDeny?.[direction] === false) continue;
        const others = allows.length - empty.length;
        const peers = direction === 'ingress' ? 'fromEntities' : 'toEntities';
        const effect =
          others === 0
            ? `the pods it selects are isolated for ${direction} and this policy allows them nothing`
            : `${direction} stays limited to the other ${others === 1 ? 'rule' : `${others} rules`} of the section`;
        for (const rule of empty) {
          ctx.report({
            policy: policy.ref,
            path: rule.path,
            message:
              `${policyLabel(policy)} ${direction}[${rule.index}] is an empty rule, which matches nothing in Cilium: ` +
              `${effect} (in a NetworkPolicy \`${direction}: [{}]\` would allow all). To allow all write ` +
              `\`${peers}: [all]\`; if a deny is meant, say so in the name or description`,
          });
        }
      }
    }
  },
};

import { networkPolicyRef } from '../model/policy-ref.js';
import { DIRECTIONS } from './helpers.js';
import type { Rule } from './types.js';
import { noun } from '../text/plural.js';

/** Rules written for a direction that `policyTypes` leaves out are dead text. */
export const rulesIgnoredByPolicyTypes: Rule = {
  meta: {
    id: 'rules-ignored-by-policy-types',
    severity: 'error',
    kinds: ['NetworkPolicy'],
    description: '`ingress` or `egress` rules in a policy whose explicit `policyTypes` omits that direction.',
    rationale:
      'When `policyTypes` is written, Kubernetes only enforces the directions it lists: the rules of the other ' +
      'direction are ignored. The reviewer reads rules that allow traffic, and the cluster does not apply them ' +
      '(nor isolate the pods in that direction).',
    remediation: 'Add the direction to `policyTypes`, or delete the rules that were not meant to apply.',
    example: [
      'spec:',
      '  podSelector: { matchLabels: { app: api } }',
      '  policyTypes: [Ingress, Egress]   # Egress was missing, so the egress rules below were ignored',
      '  egress:',
      '    - to: [{ podSelector: { matchLabels: { app: db } } }]',
    ].join('\n'),
  },
  check(ctx) {
    for (const policy of ctx.model.policies) {
      if (!policy.policyTypesDeclared) continue;
      for (const direction of DIRECTIONS) {
        const count = policy[direction].length;
        if (policy.types[direction] || count === 0) continue;
        const listed = DIRECTIONS.filter((type) => policy.types[type]).map(
          (type) => type[0]?.toUpperCase() + type.slice(1),
        );
        ctx.report({
          policy: networkPolicyRef(policy),
          path: ['spec', direction],
          message:
            `${count} ${direction} ${noun(count, 'rule is', 'rules are')} ignored: policyTypes is ` +
            `[${listed.join(', ')}] and does not list ${direction === 'ingress' ? 'Ingress' : 'Egress'}`,
          related: [{ ...policy.locate(['spec', 'policyTypes']), message: 'policyTypes' }],
        });
      }
    }
  },
};

import { networkPolicyRef } from '../model/policy-ref.js';
import { DIRECTIONS, peerKey, peerShape } from './helpers.js';
import type { Rule } from './types.js';

/** A rule without peers admits every source or destination: all pods and the whole Internet. */
export const allowAllPeer: Rule = {
  meta: {
    id: 'allow-all-peer',
    severity: 'warning',
    kinds: ['NetworkPolicy'],
    description:
      'A rule that admits every source or destination: a `- {}` peer, or `ports` with no `from`/`to`.',
    rationale:
      'A rule with no `from` (or `to`), an empty list, or an empty peer admits every pod of every namespace and ' +
      'every external address. It often comes from a rule meant to be "just the port" that forgot its peers. An ' +
      'egress rule that is `{}` as a whole is left alone: it is the Kubernetes docs\' "allow all egress" idiom, ' +
      'written on purpose by policies that restrict ingress only (kube-prometheus, microservices-demo); the diff ' +
      'still reports what it opens.',
    remediation:
      'List the peers that need access. If the port really is public (an ingress controller), narrow the ports and ' +
      'document it with a suppression annotation.',
    example: [
      'ingress:',
      '  - from:',
      '      - podSelector: { matchLabels: { app: frontend } }',
      '    ports: [{ protocol: TCP, port: 8080 }]',
    ].join('\n'),
  },
  check(ctx) {
    for (const policy of ctx.model.policies) {
      for (const direction of DIRECTIONS) {
        // Rules of a direction the policy does not enforce are reported by rules-ignored-by-policy-types.
        if (!policy.types[direction]) continue;
        const key = peerKey(direction);
        const everyone = direction === 'ingress' ? 'every source' : 'every destination';
        for (const rule of policy[direction]) {
          const ports = rule.ports === undefined ? 'on every port' : 'on its ports';
          if (rule.peers === undefined) {
            if (direction === 'egress' && rule.ports === undefined) continue;
            ctx.report({
              policy: networkPolicyRef(policy),
              path: rule.path,
              message: `${direction} rule without "${key}" admits ${everyone} ${ports}: every pod and every external address`,
            });
            continue;
          }
          for (const peer of rule.peers) {
            if (peerShape(peer) !== 'empty') continue;
            ctx.report({
              policy: networkPolicyRef(policy),
              path: peer.path,
              message: `empty peer {} in "${key}" admits ${everyone} ${ports}: every pod and every external address`,
            });
          }
        }
      }
    }
  },
};

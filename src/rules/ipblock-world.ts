import { networkPolicyRef } from '../model/policy-ref.js';
import { cidrToRange } from '../policy/ip.js';
import { policyPeers, subPath } from './helpers.js';
import type { Rule } from './types.js';

/** An ipBlock of prefix 0 is the whole Internet (and, depending on the CNI, every pod too). */
export const ipblockWorld: Rule = {
  meta: {
    id: 'ipblock-world',
    severity: 'warning',
    kinds: ['NetworkPolicy'],
    description: 'An ipBlock of `0.0.0.0/0` or `::/0`: traffic to or from the whole Internet.',
    rationale:
      'A /0 block admits every address there is: any host on the Internet for ingress, any destination (data ' +
      'exfiltration, command and control) for egress. It is sometimes right (a public entry point) but should never ' +
      'arrive unnoticed in a pull request.',
    remediation:
      'Narrow the block to the addresses that are really needed (a partner range, a NAT gateway), or, for a public ' +
      'entry point, document it with a suppression annotation and restrict the ports.',
    example: [
      'egress:',
      '  - to:',
      '      - ipBlock: { cidr: 203.0.113.0/24 }   # the card processor, not 0.0.0.0/0',
      '    ports: [{ protocol: TCP, port: 443 }]',
    ].join('\n'),
  },
  check(ctx) {
    for (const { policy, direction, peer } of policyPeers(ctx.model)) {
      if (!peer.ipBlock) continue;
      if (!peer.ipBlock.cidr.endsWith('/0') || !cidrToRange(peer.ipBlock.cidr)) continue;
      const except = peer.ipBlock.except.length > 0 ? ` (except ${peer.ipBlock.except.join(', ')})` : '';
      ctx.report({
        policy: networkPolicyRef(policy),
        path: subPath(peer.path, 'ipBlock', 'cidr'),
        message:
          direction === 'ingress'
            ? `ingress from ${peer.ipBlock.cidr}${except}: any address on the Internet may connect`
            : `egress to ${peer.ipBlock.cidr}${except}: the pods may connect to any address on the Internet`,
      });
    }
  },
};

import { networkPolicyRef } from '../model/policy-ref.js';
import { addressToRange, ipBlockRanges, rangeContains } from '../policy/ip.js';
import { policyPeers, ruleAdmitsPort, subPath } from './helpers.js';
import type { Rule } from './types.js';

/** Instance metadata endpoints (AWS, GCP, Azure, OpenStack share the IPv4 one; AWS has an IPv6 one). */
const METADATA_ENDPOINTS = ['169.254.169.254', 'fd00:ec2::254'];

/** The metadata service answers plain HTTP; a rule that cannot carry TCP 80 does not expose it. */
const METADATA_PORT = 80;

/** Egress to the cloud metadata service hands out the node's credentials. */
export const ipblockMetadataEndpoint: Rule = {
  meta: {
    id: 'ipblock-metadata-endpoint',
    severity: 'warning',
    kinds: ['NetworkPolicy'],
    description: 'Egress allowed to the cloud metadata endpoint 169.254.169.254 (or fd00:ec2::254).',
    rationale:
      "The metadata service hands out the node's cloud credentials and bootstrap secrets. A pod that can reach it " +
      'can usually act as the node in the cloud account: this is the classic pivot after a server-side request ' +
      'forgery. Broad blocks (`0.0.0.0/0`, `169.254.0.0/16`) include it unless they except it.',
    remediation:
      'Except the endpoint from the ipBlock (and keep a default deny for egress so nothing else allows it).',
    example: [
      'egress:',
      '  - to:',
      '      - ipBlock:',
      '          cidr: 0.0.0.0/0',
      '          except: [10.0.0.0/8, 169.254.169.254/32]',
      '    ports: [{ protocol: TCP, port: 443 }]',
    ].join('\n'),
  },
  check(ctx) {
    for (const { policy, direction, rule, peer } of policyPeers(ctx.model)) {
      if (direction !== 'egress' || !peer.ipBlock || !ruleAdmitsPort(rule, 'TCP', METADATA_PORT)) continue;
      const block = peer.ipBlock;
      const admitted = ipBlockRanges(block);
      const endpoint = METADATA_ENDPOINTS.find((address) => {
        const target = addressToRange(address);
        return target !== undefined && admitted.some((range) => rangeContains(range, target));
      });
      if (!endpoint) continue;
      ctx.report({
        policy: networkPolicyRef(policy),
        path: subPath(peer.path, 'ipBlock', 'cidr'),
        message:
          `egress to ${block.cidr} includes the cloud metadata endpoint ${endpoint} (TCP ${METADATA_PORT}): ` +
          `the selected pods can fetch the node's credentials; add ${endpoint}/${endpoint.includes(':') ? 128 : 32} to except`,
      });
    }
  },
};

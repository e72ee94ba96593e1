import { networkPolicyRef } from '../model/policy-ref.js';
import { cidrToRange, ipBlockRanges, rangesOverlap } from '../policy/ip.js';
import { policyPeers, subPath } from './helpers.js';
import type { Rule } from './types.js';

/** ipBlocks are for addresses outside the cluster; pointing them at pod or Service ranges does not do what it says. */
export const ipblockCoversCluster: Rule = {
  meta: {
    id: 'ipblock-covers-cluster',
    severity: 'info',
    kinds: ['NetworkPolicy'],
    description:
      'An ipBlock that covers the configured pod or Service CIDRs (`cluster.podCidrs`, `cluster.serviceCidrs`).',
    rationale:
      'Kubernetes defines ipBlock for traffic leaving or entering the cluster. Pod IPs change on every restart and ' +
      'CNIs differ on whether an ipBlock matches pod traffic at all; Service IPs are translated to pod IPs before ' +
      'policies are evaluated, so a Service CIDR in an ipBlock allows nothing. Either way the rule does not mean what ' +
      'it reads as.',
    remediation:
      'Select in-cluster peers with `namespaceSelector`/`podSelector`; keep ipBlocks for external ranges (except the ' +
      'cluster ranges from broad blocks).',
    example: [
      'egress:',
      '  - to:',
      '      - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: data } }',
      '        podSelector: { matchLabels: { app: postgres } }   # instead of ipBlock 10.96.0.0/12',
    ].join('\n'),
  },
  check(ctx) {
    // On Cilium an ipBlock matches no pod at all: cidr-covers-pod-network-cilium says so of the pod CIDRs.
    const podCidrs = ctx.model.cni === 'cilium' ? [] : ctx.config.cluster.podCidrs;
    const clusterRanges = [
      ...podCidrs.map((cidr) => ({ cidr, what: 'pod CIDR' })),
      ...ctx.config.cluster.serviceCidrs.map((cidr) => ({ cidr, what: 'Service CIDR' })),
    ].flatMap(({ cidr, what }) => {
      const range = cidrToRange(cidr);
      return range ? [{ cidr, what, range }] : [];
    });
    if (clusterRanges.length === 0) return;
    for (const { policy, peer } of policyPeers(ctx.model)) {
      // /0 blocks are ipblock-world's concern; repeating it here would only add noise.
      if (!peer.ipBlock || peer.ipBlock.cidr.endsWith('/0')) continue;
      const admitted = ipBlockRanges(peer.ipBlock);
      const covered = clusterRanges.filter(({ range }) =>
        admitted.some((part) => rangesOverlap(part, range)),
      );
      if (covered.length === 0) continue;
      ctx.report({
        policy: networkPolicyRef(policy),
        path: subPath(peer.path, 'ipBlock', 'cidr'),
        message:
          `ipBlock ${peer.ipBlock.cidr} covers ${covered.map(({ cidr, what }) => `${what} ${cidr}`).join(', ')}: ` +
          'in-cluster traffic should be selected with namespaceSelector/podSelector (pod IPs change, Service IPs ' +
          'are translated before policies apply)',
      });
    }
  },
};

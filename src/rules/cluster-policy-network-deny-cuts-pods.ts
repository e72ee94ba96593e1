import { shortList } from './helpers.js';
import {
  rulePeers,
  CLUSTER_POLICY_KINDS,
  holdsPodAddresses,
  peerCovers,
  policyLabel,
  portsCover,
  ruleLabel,
  tieredPoliciesOf,
} from './tiered.js';
import type { Rule } from './types.js';

/** A pod peer of every pod of every namespace: what an earlier Pass or Accept must match to spare pod traffic. */
const EVERY_POD = { namespaceSelector: {}, podSelector: {}, path: [] };

/**
 * `networks` match every address in the range, pod addresses included: a Deny to `0.0.0.0/0` meant for "the
 * Internet" cuts pod-to-pod traffic (DNS too). Source: the network-policy-api API reference, the `networks` field of
 * AdminNetworkPolicyEgressPeer (v1alpha1) and ClusterNetworkPolicyEgressPeer (v1alpha2): cluster-internal traffic is
 * checked against such a rule too, so one to 0.0.0.0/0 applies to all IPv4 pod-to-pod traffic; it advises a rule
 * that Passes pod traffic before the networks rule.
 */
export const clusterPolicyNetworkDenyCutsPods: Rule = {
  meta: {
    id: 'cluster-policy-network-deny-cuts-pods',
    severity: 'error',
    kinds: CLUSTER_POLICY_KINDS,
    description:
      'A cluster policy Deny to `networks` that hold pod addresses (`0.0.0.0/0`, `::/0`, or a configured pod CIDR), with no earlier rule sparing pod traffic.',
    rationale:
      'Unlike a NetworkPolicy ipBlock, a cluster policy `networks` peer matches every address in the range, pod ' +
      'addresses included. A Deny to `0.0.0.0/0` written to block the Internet also denies the selected pods every ' +
      'connection to other pods, DNS included: an outage of everything the policy selects.',
    remediation:
      'Put a rule before the Deny that Passes (or Accepts) traffic to every pod, as the API reference advises, or ' +
      'deny narrower networks that leave the pod and Service CIDRs out.',
    example: [
      'egress:',
      '  - name: pods-decide-below',
      '    action: Pass',
      '    to: [{ namespaces: {} }]',
      '  - name: no-internet',
      '    action: Deny',
      '    to: [{ networks: [0.0.0.0/0, "::/0"] }]',
    ].join('\n'),
  },
  check(ctx) {
    for (const policy of tieredPoliciesOf(ctx.model, clusterPolicyNetworkDenyCutsPods.meta.kinds)) {
      policy.egress.forEach((rule, position) => {
        if (rule.action !== 'deny') return;
        const cutting = rulePeers(rule).filter(
          (peer) => peer.ipBlock !== undefined && holdsPodAddresses(peer.ipBlock.cidr, ctx.config),
        );
        const first = cutting[0];
        if (!first) return;
        // An earlier Pass or Accept to every pod on these ports means pod traffic never reaches the Deny.
        const spared = policy.egress
          .slice(0, position)
          .some(
            (earlier) =>
              earlier.action !== 'deny' &&
              rulePeers(earlier).some((peer) => peerCovers(peer, EVERY_POD)) &&
              portsCover(earlier.ports, rule.ports),
          );
        if (spared) return;
        const networks = shortList(cutting.map((peer) => peer.ipBlock!.cidr));
        ctx.report({
          policy: policy.ref,
          path: first.path,
          message:
            `${policyLabel(policy)} ${ruleLabel('egress', rule)} denies ${networks}, which holds pod addresses: ` +
            'networks match pods too, so the pods it selects lose every connection to other pods, DNS included, ' +
            'on the ports it names; Pass pod traffic in an earlier rule, or deny narrower networks',
        });
      });
    }
  },
};

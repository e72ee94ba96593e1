import { networkPolicyRef } from '../model/policy-ref.js';
import type { IpBlock, PolicyRef } from '../model/types.js';
import type { FieldPath } from '../manifests/types.js';
import { addressToRange, cidrToRange, ipBlockRanges, rangeContains, rangesOverlap } from '../policy/ip.js';
import { policyPeers, shortList, subPath, workloadLabel } from './helpers.js';
import { ciliumPolicies } from './cilium.js';
import type { Rule } from './types.js';

/**
 * On Cilium a CIDR rule (`toCIDR`, `toCIDRSet`, `fromCIDR`...) and a NetworkPolicy `ipBlock` match only addresses
 * outside the cluster: pods are selected by identity, never by their address, and nodes only under
 * `policyCIDRMatchMode: [nodes]` (Documentation/security/policy/layer3.rst, "CIDR based" and "Selecting nodes with
 * CIDR / ipBlock"). A block over the pod network therefore allows (or denies) none of the pods in it. The pod network
 * is the configured `cluster.podCidrs`, or the pod addresses manifests state.
 */
export const cidrCoversPodNetworkCilium: Rule = {
  meta: {
    id: 'cidr-covers-pod-network-cilium',
    severity: 'warning',
    kinds: ['NetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'],
    description:
      'Under `cni: cilium`, a CIDR rule or ipBlock that covers the pod network (`cluster.podCidrs`, or a pod address a manifest states): Cilium matches no pod by address.',
    rationale:
      'Cilium selects pods by their identity, not their address: a CIDR rule or an ipBlock matches only addresses ' +
      'outside the cluster (nodes too with `policyCIDRMatchMode: [nodes]`, pods never). `toCIDR: 10.0.0.0/8` written ' +
      'to reach the services of the internal network allows none of the pods in it, and `egressDeny` on the pod ' +
      'range blocks none of them: the rule does not do what it reads as.',
    remediation:
      'Select pods with `toEndpoints`/`fromEndpoints` (or podSelector and namespaceSelector in a NetworkPolicy), or ' +
      '`toEntities: [cluster]` for every pod; keep CIDR rules for addresses outside the cluster (with the pod ' +
      'network in `except` when a wide block must stay).',
    example: [
      'egress:',
      '  - toEndpoints:',
      '      - matchLabels: { io.kubernetes.pod.namespace: data, app: postgres }   # not toCIDR: [10.244.0.0/16]',
    ].join('\n'),
  },
  check(ctx) {
    if (ctx.model.cni !== 'cilium') return;
    const podNetworks = ctx.config.cluster.podCidrs.flatMap((cidr) => {
      const range = cidrToRange(cidr);
      return range ? [{ cidr, range }] : [];
    });
    // Addresses manifests state for pods (host-network pods have their node's, which nodes mode may match).
    const podAddresses = ctx.model.workloads.flatMap((workload) =>
      workload.hostNetwork
        ? []
        : workload.ips.flatMap((ip) => {
            const range = addressToRange(ip);
            return range ? [{ workload, ip, range }] : [];
          }),
    );
    if (podNetworks.length === 0 && podAddresses.length === 0) return;
    const judge = (policy: PolicyRef, block: IpBlock, path: FieldPath, what: string) => {
      // A /0 is the Internet too (ipblock-world's concern).
      if (block.cidr.endsWith('/0')) return;
      const admitted = ipBlockRanges(block);
      const whole = cidrToRange(block.cidr);
      // A wider block whose author carved ranges out of it (`except`) is read as meant for the outside addresses.
      const networks = podNetworks.filter(
        ({ range }) =>
          admitted.some((part) => rangesOverlap(part, range)) &&
          (block.except.length === 0 || (whole !== undefined && rangeContains(range, whole))),
      );
      const pods = podAddresses.filter(({ range }) => admitted.some((part) => rangeContains(part, range)));
      if (networks.length === 0 && pods.length === 0) return;
      const covered =
        networks.length > 0
          ? `the pod network ${networks.map(({ cidr }) => cidr).join(', ')}`
          : `the addresses of ${shortList(
              pods.map(({ workload, ip }) => `${workloadLabel(workload)} (${ip})`),
              3,
            )}`;
      ctx.report({
        policy,
        path,
        message:
          `${what} ${block.cidr} covers ${covered}, but on Cilium a CIDR rule or ipBlock matches no pod by its ` +
          'address: select the pods by their labels (or the `cluster` entity), or leave the pod network out with ' +
          '`except` if only outside addresses are meant',
      });
    };
    for (const { policy, peer } of policyPeers(ctx.model)) {
      if (peer.ipBlock)
        judge(networkPolicyRef(policy), peer.ipBlock, subPath(peer.path, 'ipBlock', 'cidr'), 'ipBlock');
    }
    for (const policy of ciliumPolicies(ctx.model)) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        for (const peer of rule.peers ?? []) {
          // CIDR rules only: the world entity is outside the cluster by definition.
          if (!peer.ipBlock || !peer.addressesOnly || peer.world) continue;
          judge(policy.ref, peer.ipBlock, peer.path, 'CIDR');
        }
      }
    }
  },
};

import { adminDenyBlocksDns } from './admin-deny-blocks-dns.js';
import { cidrCoversPodNetworkCilium } from './cidr-covers-pod-network-cilium.js';
import { ciliumEmptyRuleDenies } from './cilium-empty-rule-denies.js';
import { ciliumEndpointsEmptySelectorNamespace } from './cilium-endpoints-empty-selector-namespace.js';
import { ciliumFqdnWithoutDnsVisibility } from './cilium-fqdn-without-dns-visibility.js';
import { ciliumL7RuleBypassed } from './cilium-l7-rule-bypassed.js';
import { ciliumNamespaceKeyInEndpointSelector } from './cilium-namespace-key-in-endpoint-selector.js';
import { ciliumSelectorLabelNotInIdentity } from './cilium-selector-label-not-in-identity.js';
import { allowAllPeer } from './allow-all-peer.js';
import { clusterPolicyNetworkDenyCutsPods } from './cluster-policy-network-deny-cuts-pods.js';
import { clusterPolicyPassToDefault } from './cluster-policy-pass-to-default.js';
import { clusterPolicyPriorityOverlap } from './cluster-policy-priority-overlap.js';
import { clusterPolicyRuleShadowed } from './cluster-policy-rule-shadowed.js';
import { crossNamespacePodSelector } from './cross-namespace-pod-selector.js';
import { denyOnlyPolicyIsolates } from './deny-only-policy-isolates.js';
import { dnsEgressMissing } from './dns-egress-missing.js';
import { duplicatePolicy } from './duplicate-policy.js';
import { ipblockCoversCluster } from './ipblock-covers-cluster.js';
import { ipblockMetadataEndpoint } from './ipblock-metadata-endpoint.js';
import { ipblockWorld } from './ipblock-world.js';
import { namedPortUndefined } from './named-port-undefined.js';
import { namespaceLabelUnknown } from './namespace-label-unknown.js';
import { namespaceSelectorAll } from './namespace-selector-all.js';
import { namespaceWithoutDefaultDeny } from './namespace-without-default-deny.js';
import { peerAndOrSplit } from './peer-and-or-split.js';
import { peerSelectsNothing } from './peer-selects-nothing.js';
import { policyMissingNamespace } from './policy-missing-namespace.js';
import { policySelectsNothing } from './policy-selects-nothing.js';
import { rulesIgnoredByPolicyTypes } from './rules-ignored-by-policy-types.js';
import { schema } from './schema.js';
import { servicePortNotContainerPort } from './service-port-not-container-port.js';
import type { Rule } from './types.js';

/**
 * Every rule, in the order the docs list them (most harmful first). Explicit rather than scanned from the folder:
 * the bundled Action has no folder to scan.
 */
export const rules: readonly Rule[] = [
  dnsEgressMissing,
  adminDenyBlocksDns,
  clusterPolicyNetworkDenyCutsPods,
  ciliumEmptyRuleDenies,
  denyOnlyPolicyIsolates,
  ciliumFqdnWithoutDnsVisibility,
  ciliumL7RuleBypassed,
  rulesIgnoredByPolicyTypes,
  ciliumNamespaceKeyInEndpointSelector,
  duplicatePolicy,
  schema,
  clusterPolicyRuleShadowed,
  clusterPolicyPriorityOverlap,
  clusterPolicyPassToDefault,
  namespaceSelectorAll,
  ciliumEndpointsEmptySelectorNamespace,
  allowAllPeer,
  peerAndOrSplit,
  crossNamespacePodSelector,
  ciliumSelectorLabelNotInIdentity,
  policySelectsNothing,
  peerSelectsNothing,
  namespaceLabelUnknown,
  namedPortUndefined,
  servicePortNotContainerPort,
  ipblockWorld,
  ipblockMetadataEndpoint,
  cidrCoversPodNetworkCilium,
  ipblockCoversCluster,
  namespaceWithoutDefaultDeny,
  policyMissingNamespace,
];

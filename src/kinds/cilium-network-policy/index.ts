import type { TieredKind } from '../types.js';
import { readCiliumPolicy } from '../cilium/read.js';

/**
 * `cilium.io/v2` CiliumNetworkPolicy: rules in the namespaced tier beside NetworkPolicies (allows unioned, a deny
 * beats every allow), each rule's `endpointSelector` and its peers' selectors scoped to the policy's namespace unless
 * a peer names another. Source: Documentation/security/policy/language.rst and pkg/policy/api in cilium/cilium.
 */
export const ciliumNetworkPolicy: TieredKind = {
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumNetworkPolicy',
  namespaced: true,
  form: 'tiered',
  read: readCiliumPolicy,
};

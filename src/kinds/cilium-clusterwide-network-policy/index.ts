import type { TieredKind } from '../types.js';
import { readCiliumPolicy } from '../cilium/read.js';

/**
 * `cilium.io/v2` CiliumClusterwideNetworkPolicy: a CiliumNetworkPolicy without a namespace; its selectors look in
 * every namespace unless they name one, and `nodeSelector` rules (host policies) apply to nodes. Source:
 * Documentation/network/kubernetes/policy.rst ("CiliumClusterwideNetworkPolicy") in cilium/cilium.
 */
export const ciliumClusterwideNetworkPolicy: TieredKind = {
  apiVersion: 'cilium.io/v2',
  kind: 'CiliumClusterwideNetworkPolicy',
  namespaced: false,
  form: 'tiered',
  read: (reader) => readCiliumPolicy(reader, undefined),
};

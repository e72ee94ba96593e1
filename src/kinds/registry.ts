import { adminNetworkPolicy } from './admin-network-policy/index.js';
import { baselineAdminNetworkPolicy } from './baseline-admin-network-policy/index.js';
import { ciliumClusterwideNetworkPolicy } from './cilium-clusterwide-network-policy/index.js';
import { ciliumNetworkPolicy } from './cilium-network-policy/index.js';
import { clusterNetworkPolicy } from './cluster-network-policy/index.js';
import { networkPolicy } from './network-policy/index.js';
import type { PolicyKind } from './types.js';

/** Every policy kind the engine evaluates; the loader and the model builder dispatch here. */
export const POLICY_KINDS: readonly PolicyKind[] = [
  networkPolicy,
  adminNetworkPolicy,
  baselineAdminNetworkPolicy,
  clusterNetworkPolicy,
  ciliumNetworkPolicy,
  ciliumClusterwideNetworkPolicy,
];

/** The kind of an object of this apiVersion and kind, if the engine evaluates it. */
export function policyKindOf(apiVersion: string, kind: string): PolicyKind | undefined {
  return POLICY_KINDS.find((candidate) => candidate.apiVersion === apiVersion && candidate.kind === kind);
}

/** The kinds the engine evaluates under this kind name, in whatever apiVersion (for `unsupported-api-version`). */
export function policyKindsNamed(kind: string): PolicyKind[] {
  return POLICY_KINDS.filter((candidate) => candidate.kind === kind);
}

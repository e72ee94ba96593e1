import { adminNetworkPolicy } from './admin-network-policy/index.js';
import { baselineAdminNetworkPolicy } from './baseline-admin-network-policy/index.js';
import { clusterNetworkPolicy } from './cluster-network-policy/index.js';
import type { PolicyKind } from './types.js';

/** Every policy kind the engine evaluates besides NetworkPolicy; the loader and the model builder dispatch here. */
export const POLICY_KINDS: readonly PolicyKind[] = [
  adminNetworkPolicy,
  baselineAdminNetworkPolicy,
  clusterNetworkPolicy,
];

/** The kind of an object of this apiVersion and kind, if the engine evaluates it. */
export function policyKindOf(apiVersion: string, kind: string): PolicyKind | undefined {
  return POLICY_KINDS.find((candidate) => candidate.apiVersion === apiVersion && candidate.kind === kind);
}

import type { NetworkPolicy, PolicyRef } from './types.js';

/** How explanations, findings and fixes name a NetworkPolicy: as any other kind's policy. */
export function networkPolicyRef(policy: NetworkPolicy): PolicyRef {
  return { kind: 'NetworkPolicy', namespace: policy.namespace, name: policy.name, location: policy.loc };
}

/** How reports name a policy: `namespace/name`, or the name of a cluster-scoped one. */
export function policyName(ref: Pick<PolicyRef, 'namespace' | 'name'>): string {
  return ref.namespace === undefined ? ref.name : `${ref.namespace}/${ref.name}`;
}

/**
 * The identity of a policy in one model: its kind, namespace and name (the model keeps the first of two objects
 * with one identity), the same for references to it on both sides of a comparison.
 */
export function policyKey(ref: Pick<PolicyRef, 'kind' | 'namespace' | 'name'>): string {
  return [ref.kind, ref.namespace ?? '', ref.name].join('\u0000');
}

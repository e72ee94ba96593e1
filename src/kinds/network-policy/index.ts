import type { NetworkPolicyKind } from '../types.js';
import { readNetworkPolicy } from './read.js';
import { validateNetworkPolicy } from './validate.js';

/**
 * `networking.k8s.io/v1` NetworkPolicy: the namespaced tier, an allow-only union under isolation. Checked against its
 * schema and the API server's own checks when loaded (`validate.ts`), read into its own model form (`read.ts`) and
 * compiled into the engine's (`compile.ts`). Source: https://kubernetes.io/docs/concepts/services-networking/network-policies/.
 */
export const networkPolicy: NetworkPolicyKind = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  namespaced: true,
  validate: validateNetworkPolicy,
  otherVersions: 'others are removed from Kubernetes or belong to another product, such as Calico',
  form: 'network-policy',
  read: (reader, namespace) => readNetworkPolicy(reader, namespace!),
};

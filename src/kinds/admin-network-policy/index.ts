import type { FieldReader } from '../../model/fields.js';
import type { TieredPolicy } from '../../model/types.js';
import { readClusterPolicy, readPriority } from '../network-policy-api/read.js';
import { v1alpha1Rules } from '../network-policy-api/v1alpha1.js';
import type { TieredKind } from '../types.js';

const RULES = v1alpha1Rules({ Allow: 'allow', Deny: 'deny', Pass: 'pass' }, [
  'priority',
  'subject',
  'ingress',
  'egress',
]);

/**
 * `policy.networking.k8s.io/v1alpha1` AdminNetworkPolicy: the admin tier, by `priority` (0-1000, lower first), rules
 * Allow / Deny / Pass in list order. Source: apis/v1alpha1/adminnetworkpolicy_types.go in
 * kubernetes-sigs/network-policy-api and https://network-policy-api.sigs.k8s.io/reference/spec/.
 */
export const adminNetworkPolicy: TieredKind = {
  apiVersion: 'policy.networking.k8s.io/v1alpha1',
  kind: 'AdminNetworkPolicy',
  namespaced: false,
  form: 'tiered',
  read(reader: FieldReader): TieredPolicy | undefined {
    return readClusterPolicy(reader, RULES, () => ({ tier: 'admin', priority: readPriority(reader) }));
  },
};

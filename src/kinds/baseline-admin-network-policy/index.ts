import type { FieldReader } from '../../model/fields.js';
import { RejectedPolicy } from '../../model/policy.js';
import type { TieredPolicy } from '../../model/types.js';
import { readClusterPolicy } from '../network-policy-api/read.js';
import { v1alpha1Rules } from '../network-policy-api/v1alpha1.js';
import type { TieredKind } from '../types.js';

const RULES = v1alpha1Rules({ Allow: 'allow', Deny: 'deny' }, ['subject', 'ingress', 'egress']);

/**
 * `policy.networking.k8s.io/v1alpha1` BaselineAdminNetworkPolicy: the cluster's one baseline (named `default`),
 * below NetworkPolicies, rules Allow / Deny in list order. Source: apis/v1alpha1/baselineadminnetworkpolicy_types.go.
 */
export const baselineAdminNetworkPolicy: TieredKind = {
  apiVersion: 'policy.networking.k8s.io/v1alpha1',
  kind: 'BaselineAdminNetworkPolicy',
  namespaced: false,
  form: 'tiered',
  read(reader: FieldReader): TieredPolicy | undefined {
    return readClusterPolicy(reader, RULES, () => {
      if (reader.object.name !== 'default') {
        throw new RejectedPolicy(
          ['metadata', 'name'],
          'Only one baseline admin network policy with metadata.name="default" can be created in the cluster',
        );
      }
      return { tier: 'baseline', priority: 0 };
    });
  },
};

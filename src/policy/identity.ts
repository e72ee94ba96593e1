import {
  CILIUM_CLUSTER_LABEL,
  CILIUM_OWNED_LABEL_PREFIX,
  CILIUM_SERVICE_ACCOUNT_LABEL,
} from '../model/cni.js';
import type { Labels, Workload } from '../model/types.js';

/**
 * Cilium's identity of a pod: the labels of its endpoint, which Cilium's selectors match, and NetworkPolicy's too
 * under `cni: cilium` (Cilium translates a NetworkPolicy into its own rules, its selectors with the `k8s:` source:
 * pkg/k8s/network_policy.go, `ParseNetworkPolicy`). Cilium builds them from the pod (`GetPodMetadata`,
 * pkg/k8s/watchers/pod.go and pkg/k8s/utils/utils.go `SanitizePodLabels`): its own labels without the ones under
 * `io.cilium.k8s` (`filterPodLabels`: Cilium owns those), `io.cilium.k8s.policy.serviceaccount` with the pod's
 * `spec.serviceAccountName`, and `io.cilium.k8s.policy.cluster` with the cluster's name. The namespace labels
 * (`io.kubernetes.pod.namespace`, `io.cilium.k8s.namespace.labels.*`) stay with the namespace in the model.
 *
 * A representative (`representatives.ts`) stands for pods the tree does not show by the labels a selector names, which
 * may be Cilium's own: it keeps them.
 */
export function ciliumIdentity(workload: Workload, clusterName: string): Labels {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(workload.labels))
    if (workload.representative !== undefined || !key.startsWith(CILIUM_OWNED_LABEL_PREFIX))
      labels[key] = value;
  if (workload.serviceAccount !== undefined) labels[CILIUM_SERVICE_ACCOUNT_LABEL] = workload.serviceAccount;
  labels[CILIUM_CLUSTER_LABEL] = clusterName;
  return labels;
}

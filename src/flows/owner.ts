import type { Labels } from '../model/types.js';

/**
 * The workload a pod name implies, when the pod's labels say how the controller named it: a Deployment's pods are
 * `<name>-<pod-template-hash>-<suffix>`, a StatefulSet's `<name>-<ordinal>`. Logs without Hubble's `workloads`
 * field then still name a stable workload, since pod names churn.
 */
export function ownerFromPodName(pod: string, labels: Labels): { kind: string; name: string } | undefined {
  const hash = labels['pod-template-hash'];
  const hashAt = hash ? pod.lastIndexOf(`-${hash}-`) : -1;
  if (hashAt > 0) return { kind: 'Deployment', name: pod.slice(0, hashAt) };
  const ordinal = /^(.+)-\d+$/.exec(pod);
  if (ordinal && labels['statefulset.kubernetes.io/pod-name'] === pod)
    return { kind: 'StatefulSet', name: ordinal[1]! };
  return undefined;
}

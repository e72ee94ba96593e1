import type { PodMaker } from './types.js';

/**
 * A Kubeflow `Profile` `<name>` makes namespace `<name>` labelled `istio-injection: enabled` and
 * `app.kubernetes.io/part-of: kubeflow-profile` (components/profile-controller/controllers/profile_controller.go and
 * manifests/kustomize/base/manager/namespace-labels.yaml, github.com/kubeflow/dashboard @d842464). The pods in it
 * (notebooks, pipeline runs) are made later by other controllers, so the namespace's pods stay unknown.
 */
export const kubeflowProfile: PodMaker = {
  group: 'kubeflow.org',
  kind: 'Profile',
  source: 'github.com/kubeflow/dashboard components/profile-controller (@d842464)',
  workloads: () => undefined,
  namespace: (resource) => ({
    name: resource.object.name,
    labels: { 'istio-injection': 'enabled', 'app.kubernetes.io/part-of': 'kubeflow-profile' },
  }),
};

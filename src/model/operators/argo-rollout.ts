import { readPodTemplate } from '../workloads.js';
import type { PodMaker } from './types.js';

/**
 * An Argo Rollouts `Rollout` runs the pods of its `spec.template` as a Deployment would (ReplicaSets named by the
 * Rollout; `rollouts-pod-template-hash` added per revision): pkg/apis/rollouts/v1alpha1/types.go `RolloutSpec`
 * (github.com/argoproj/argo-rollouts @9f8d111). With `spec.workloadRef` the pods are those of the Deployment it names,
 * which the Rollout alone does not show (its namespace is then not fully known).
 */
export const argoRollout: PodMaker = {
  group: 'argoproj.io',
  kind: 'Rollout',
  source: 'github.com/argoproj/argo-rollouts pkg/apis/rollouts/v1alpha1/types.go (@9f8d111)',
  workloads(resource) {
    if (resource.get(['spec', 'template']) === undefined) return undefined;
    return [
      { kind: 'Rollout', name: resource.object.name, ...readPodTemplate(resource, ['spec', 'template']) },
    ];
  },
};

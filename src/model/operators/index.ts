import { alertmanager } from './alertmanager.js';
import { argoRollout } from './argo-rollout.js';
import { cloudNativePgCluster } from './cloudnative-pg.js';
import { kubeflowProfile } from './kubeflow-profile.js';
import { monitoringStack } from './monitoring-stack.js';
import { prometheus } from './prometheus.js';
import { thanosRuler } from './thanos-ruler.js';
import type { PodMaker } from './types.js';

export { isInert } from './inert.js';
export type { MadeWorkload, PodMaker } from './types.js';

/**
 * The well-known custom resources whose pods the model derives (docs/partial-trees.md lists them). Explicit, as the
 * rules' registry is. observability-operator's prometheus-operator fork serves the same kinds under `monitoring.rhobs`.
 */
const POD_MAKERS: readonly PodMaker[] = [
  prometheus,
  alertmanager,
  thanosRuler,
  ...[prometheus, alertmanager, thanosRuler].map((maker) => ({ ...maker, group: 'monitoring.rhobs' })),
  monitoringStack,
  cloudNativePgCluster,
  argoRollout,
  kubeflowProfile,
];

const byGroupAndKind = new Map(POD_MAKERS.map((maker) => [`${maker.group}/${maker.kind}`, maker]));

/** The pod maker for a resource of `group`/`kind`, if it is a well-known one. */
export function podMakerFor(group: string, kind: string): PodMaker | undefined {
  return byGroupAndKind.get(`${group}/${kind}`);
}

export { POD_MAKERS };

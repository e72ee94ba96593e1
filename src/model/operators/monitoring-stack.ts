import { alertmanager } from './alertmanager.js';
import { prometheus } from './prometheus.js';
import type { MadeWorkload, PodMaker } from './types.js';

/**
 * observability-operator's `MonitoringStack` `<name>` makes a Prometheus and (unless `spec.alertmanagerConfig.disabled`)
 * an Alertmanager, both named `<name>`, whose pods also carry `app.kubernetes.io/component` and
 * `app.kubernetes.io/part-of: <name>` (`podLabels` in pkg/controllers/monitoring/monitoring-stack/components.go and
 * alertmanager.go, github.com/rhobs/observability-operator @20ac77b). They are run by its prometheus-operator fork,
 * which names and labels them as upstream does.
 */
export const monitoringStack: PodMaker = {
  group: 'monitoring.rhobs',
  kind: 'MonitoringStack',
  source: 'github.com/rhobs/observability-operator pkg/controllers/monitoring/monitoring-stack (@20ac77b)',
  workloads(resource) {
    const name = resource.object.name;
    const partOf = (component: string, made: MadeWorkload[] | undefined): MadeWorkload[] =>
      (made ?? []).map((workload) => ({
        ...workload,
        labels: {
          ...workload.labels,
          'app.kubernetes.io/component': component,
          'app.kubernetes.io/part-of': name,
        },
      }));
    const made = partOf('prometheus', prometheus.workloads(resource));
    if (resource.get(['spec', 'alertmanagerConfig', 'disabled']) !== true) {
      made.push(...partOf('alertmanager', alertmanager.workloads(resource)));
    }
    return made;
  },
};

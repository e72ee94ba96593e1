import { listensLocally, operatorPodLabels, webPortName } from './prometheus-operator.js';
import type { PodMaker } from './types.js';

/**
 * An `Alertmanager` runs as StatefulSet `alertmanager-<name>` (pkg/alertmanager/statefulset.go `prefixedName`):
 * web on 9093 unless `listenLocal`, cluster mesh on 9094 over TCP and UDP (`alertmanagerWebPort`, `alertmanagerMeshPort`).
 */
export const alertmanager: PodMaker = {
  group: 'monitoring.coreos.com',
  kind: 'Alertmanager',
  source: 'github.com/prometheus-operator/prometheus-operator pkg/alertmanager/statefulset.go (@6adcebc)',
  workloads(resource) {
    const name = resource.object.name;
    const web = listensLocally(resource)
      ? []
      : [{ name: webPortName(resource), port: 9093, protocol: 'TCP' as const }];
    return [
      {
        kind: 'StatefulSet',
        name: `alertmanager-${name}`,
        labels: operatorPodLabels(resource, 'alertmanager', { alertmanager: name }),
        ports: [
          ...web,
          { name: 'mesh-tcp', port: 9094, protocol: 'TCP' },
          { name: 'mesh-udp', port: 9094, protocol: 'UDP' },
        ],
      },
    ];
  },
};

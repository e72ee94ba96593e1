import { operatorPodLabels } from './prometheus-operator.js';
import type { PodMaker } from './types.js';

/** A `ThanosRuler` runs as StatefulSet `thanos-ruler-<name>`, gRPC on 10901 and HTTP on 10902 (pkg/thanos/statefulset.go). */
export const thanosRuler: PodMaker = {
  group: 'monitoring.coreos.com',
  kind: 'ThanosRuler',
  source: 'github.com/prometheus-operator/prometheus-operator pkg/thanos/statefulset.go (@6adcebc)',
  workloads(resource) {
    const name = resource.object.name;
    return [
      {
        kind: 'StatefulSet',
        name: `thanos-ruler-${name}`,
        labels: operatorPodLabels(resource, 'thanos-ruler', { 'thanos-ruler': name }),
        ports: [
          { name: 'grpc', port: 10901, protocol: 'TCP' },
          { name: 'http', port: 10902, protocol: 'TCP' },
        ],
      },
    ];
  },
};

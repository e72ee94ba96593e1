import { listensLocally, operatorPodLabels, webPortName } from './prometheus-operator.js';
import type { PodMaker } from './types.js';

/**
 * A `Prometheus` runs as StatefulSet `prometheus-<name>` (pkg/prometheus/common.go `PrefixedName`), port 9090
 * (common.go), with a Thanos sidecar on 10901/10902 when `spec.thanos` is set (server/statefulset.go).
 * One StatefulSet per shard; shard 0's labels stand for all (`operator.prometheus.io/shard` differs).
 */
export const prometheus: PodMaker = {
  group: 'monitoring.coreos.com',
  kind: 'Prometheus',
  source: 'github.com/prometheus-operator/prometheus-operator pkg/prometheus (@6adcebc)',
  workloads(resource) {
    const name = resource.object.name;
    const ports = listensLocally(resource)
      ? []
      : [{ name: webPortName(resource), port: 9090, protocol: 'TCP' as const }];
    if (resource.get(['spec', 'thanos']) !== undefined) {
      ports.push(
        { name: 'http', port: 10902, protocol: 'TCP' },
        { name: 'grpc', port: 10901, protocol: 'TCP' },
      );
    }
    return [
      {
        kind: 'StatefulSet',
        name: `prometheus-${name}`,
        labels: operatorPodLabels(resource, 'prometheus', {
          prometheus: name,
          'operator.prometheus.io/name': name,
          'operator.prometheus.io/shard': '0',
        }),
        ports,
      },
    ];
  },
};

import type { PodMaker } from './types.js';

/**
 * A CloudNativePG `Cluster` `<name>` runs instance pods `<name>-1`, `<name>-2`… labelled `cnpg.io/cluster: <name>`,
 * `cnpg.io/podRole: instance` and the `app.kubernetes.io/*` labels, plus `spec.inheritedMetadata.labels`, serving
 * PostgreSQL on 5432, metrics on 9187 and status on 8000 (pkg/specs/pods.go, pkg/utils/labels_annotations.go,
 * github.com/cloudnative-pg/cloudnative-pg @a95a534). The operator manages the pods itself, without a StatefulSet;
 * `cnpg.io/instanceRole` (primary or replica) moves between them and is left out.
 */
export const cloudNativePgCluster: PodMaker = {
  group: 'postgresql.cnpg.io',
  kind: 'Cluster',
  source: 'github.com/cloudnative-pg/cloudnative-pg pkg/specs/pods.go (@a95a534)',
  workloads(resource) {
    const name = resource.object.name;
    return [
      {
        kind: 'Cluster',
        name,
        labels: {
          ...resource.stringMap(['spec', 'inheritedMetadata', 'labels']),
          'cnpg.io/cluster': name,
          'cnpg.io/podRole': 'instance',
          'app.kubernetes.io/name': 'postgresql',
          'app.kubernetes.io/instance': name,
          'app.kubernetes.io/component': 'database',
          'app.kubernetes.io/managed-by': 'cloudnative-pg',
        },
        ports: [
          { name: 'postgresql', port: 5432, protocol: 'TCP' },
          { name: 'metrics', port: 9187, protocol: 'TCP' },
          { name: 'status', port: 8000, protocol: 'TCP' },
        ],
      },
    ];
  },
};

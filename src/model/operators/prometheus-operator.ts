import type { FieldReader } from '../fields.js';
import type { Labels } from '../types.js';

/**
 * Pod labels prometheus-operator puts on the pods of a Prometheus, Alertmanager or ThanosRuler `name`, over the
 * labels of `spec.podMetadata` (the operator's own win): `expectedPodLabels` in pkg/prometheus/server/,
 * pkg/alertmanager/ and pkg/thanos/statefulset_test.go (github.com/prometheus-operator/prometheus-operator @6adcebc).
 * `app.kubernetes.io/version` is left out: it depends on the image, which the resource may not state.
 */
export function operatorPodLabels(
  resource: FieldReader,
  app: string,
  own: Readonly<Record<string, string>>,
): Labels {
  const name = resource.object.name;
  return {
    ...resource.stringMap(['spec', 'podMetadata', 'labels']),
    'app.kubernetes.io/name': app,
    'app.kubernetes.io/managed-by': 'prometheus-operator',
    'app.kubernetes.io/instance': name,
    ...own,
  };
}

/** The web port's name: `spec.portName`, `web` by default (pkg/prometheus/common.go `DefaultPortName`). */
export function webPortName(resource: FieldReader): string {
  return resource.string(['spec', 'portName']) || 'web';
}

/** Whether the resource serves only on localhost (`spec.listenLocal`): then no container port is declared. */
export function listensLocally(resource: FieldReader): boolean {
  return resource.get(['spec', 'listenLocal']) === true;
}

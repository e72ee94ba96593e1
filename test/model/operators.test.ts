import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../../src/manifests/load.js';
import { buildModel } from '../../src/model/build.js';
import { namespacesKnown, workloadsKnown } from '../../src/model/completeness.js';

/** Through the loader, which is what hands custom resources to the model. */
const build = (yaml: string, options = {}) => buildModel(parseManifestText(yaml, 'm.yaml').objects, options);

describe('pods made by operators (issue 17 item 4)', () => {
  it('models a Prometheus as the StatefulSet prometheus-operator makes, with its pod labels and ports', () => {
    // Labels: expectedPodLabels in prometheus-operator's pkg/prometheus/server/statefulset_test.go.
    const { model, diagnostics } = build(`
apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: { name: k8s, namespace: monitoring }
spec:
  podMetadata: { labels: { team: obs, prometheus: overridden } }
  thanos: { image: thanos }
`);
    expect(diagnostics).toEqual([]);
    expect(model.workloads).toEqual([
      {
        id: 'monitoring/StatefulSet/prometheus-k8s',
        namespace: 'monitoring',
        kind: 'StatefulSet',
        name: 'prometheus-k8s',
        labels: {
          team: 'obs',
          prometheus: 'k8s',
          'app.kubernetes.io/name': 'prometheus',
          'app.kubernetes.io/managed-by': 'prometheus-operator',
          'app.kubernetes.io/instance': 'k8s',
          'operator.prometheus.io/name': 'k8s',
          'operator.prometheus.io/shard': '0',
        },
        ports: [
          { name: 'web', port: 9090, protocol: 'TCP' },
          { name: 'http', port: 10902, protocol: 'TCP' },
          { name: 'grpc', port: 10901, protocol: 'TCP' },
        ],
        ips: [],
        loc: { file: 'm.yaml', line: 2, column: 1 },
        madeBy: 'Prometheus k8s',
      },
    ]);
    expect(workloadsKnown(model, 'monitoring')).toBe(true);
  });

  it('models Alertmanager, ThanosRuler, MonitoringStack, CloudNativePG Cluster and Rollout pods', () => {
    const { model } = build(`
apiVersion: monitoring.coreos.com/v1
kind: Alertmanager
metadata: { name: main, namespace: monitoring }
spec: { listenLocal: true }
---
apiVersion: monitoring.coreos.com/v1
kind: ThanosRuler
metadata: { name: rules, namespace: monitoring }
---
apiVersion: monitoring.rhobs/v1alpha1
kind: MonitoringStack
metadata: { name: stack, namespace: obs }
---
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata: { name: ledger, namespace: data }
spec: { inheritedMetadata: { labels: { team: payments } } }
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: web, namespace: shop }
spec:
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: web, ports: [{ containerPort: 8080 }] }] }
`);
    const summary = model.workloads.map((w) => ({
      id: w.id,
      labels: w.labels,
      ports: w.ports.map((p) => `${p.protocol}/${p.port}`),
    }));
    expect(summary).toEqual([
      {
        id: 'monitoring/StatefulSet/alertmanager-main',
        labels: {
          alertmanager: 'main',
          'app.kubernetes.io/name': 'alertmanager',
          'app.kubernetes.io/managed-by': 'prometheus-operator',
          'app.kubernetes.io/instance': 'main',
        },
        ports: ['TCP/9094', 'UDP/9094'],
      },
      {
        id: 'monitoring/StatefulSet/thanos-ruler-rules',
        labels: {
          'thanos-ruler': 'rules',
          'app.kubernetes.io/name': 'thanos-ruler',
          'app.kubernetes.io/managed-by': 'prometheus-operator',
          'app.kubernetes.io/instance': 'rules',
        },
        ports: ['TCP/10901', 'TCP/10902'],
      },
      {
        id: 'obs/StatefulSet/prometheus-stack',
        labels: expect.objectContaining({
          prometheus: 'stack',
          'app.kubernetes.io/component': 'prometheus',
          'app.kubernetes.io/part-of': 'stack',
        }) as unknown,
        ports: ['TCP/9090'],
      },
      {
        id: 'obs/StatefulSet/alertmanager-stack',
        labels: expect.objectContaining({
          alertmanager: 'stack',
          'app.kubernetes.io/component': 'alertmanager',
          'app.kubernetes.io/part-of': 'stack',
        }) as unknown,
        ports: ['TCP/9093', 'TCP/9094', 'UDP/9094'],
      },
      {
        id: 'data/Cluster/ledger',
        labels: {
          team: 'payments',
          'cnpg.io/cluster': 'ledger',
          'cnpg.io/podRole': 'instance',
          'app.kubernetes.io/name': 'postgresql',
          'app.kubernetes.io/instance': 'ledger',
          'app.kubernetes.io/component': 'database',
          'app.kubernetes.io/managed-by': 'cloudnative-pg',
        },
        ports: ['TCP/5432', 'TCP/9187', 'TCP/8000'],
      },
      { id: 'shop/Rollout/web', labels: { app: 'web' }, ports: ['TCP/8080'] },
    ]);
  });

  it('keeps a StatefulSet the tree states over the one derived from its Prometheus', () => {
    const { model } = build(`
apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: { name: k8s, namespace: monitoring }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: prometheus-k8s, namespace: monitoring }
spec:
  template:
    metadata: { labels: { app: from-dump } }
`);
    expect(model.workloads.map((w) => [w.id, w.labels])).toEqual([
      ['monitoring/StatefulSet/prometheus-k8s', { app: 'from-dump' }],
    ]);
  });

  it("makes a Kubeflow Profile's namespace, with its labels, whose pods stay unknown", () => {
    const { model } = build(`
apiVersion: kubeflow.org/v1
kind: Profile
metadata: { name: alice }
spec: { owner: { kind: User, name: alice@example.com } }
`);
    expect(model.namespaces.get('alice')?.labels).toEqual({
      'istio-injection': 'enabled',
      'app.kubernetes.io/part-of': 'kubeflow-profile',
      'kubernetes.io/metadata.name': 'alice',
    });
    expect(workloadsKnown(model, 'alice')).toBe(false);
  });

  it('marks a namespace with another custom resource as not fully known, in one diagnostic for all', () => {
    const { model, diagnostics } = build(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: apps }
spec: { template: { metadata: { labels: { app: api } } } }
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: { name: podinfo, namespace: apps }
---
apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata: { name: events, namespace: queue }
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: { name: tls, namespace: web }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: web }
spec: { template: { metadata: { labels: { app: web } } } }
`);
    expect(workloadsKnown(model, 'apps')).toBe(false);
    expect(workloadsKnown(model, 'queue')).toBe(false);
    // A Certificate makes no pods.
    expect(workloadsKnown(model, 'web')).toBe(true);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'unknown-pods',
        file: 'm.yaml',
        line: 7,
        message: expect.stringContaining(
          '2 custom resources may create pods this tree does not show (HelmRelease apps/podinfo, Kafka queue/events)',
        ) as unknown,
      }),
    ]);
    expect(build('', { complete: true }).model.knowledge?.complete).toBe(true);
  });

  it('names a resource declared once per cluster folder once (fluxcd/flux2-multi-tenancy clusters/*)', () => {
    const release = `
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: { name: tenants, namespace: flux-system }
`;
    const { diagnostics } = build(`${release}---${release}`);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'unknown-pods',
        message: expect.stringContaining(
          '1 custom resource may create pods this tree does not show (Kustomization flux-system/tenants)',
        ) as unknown,
      }),
    ]);
  });
});

describe('namespaces the tree knows (issue 17 item 1)', () => {
  const policyIn = (namespace: string) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: ${namespace} }
spec: { podSelector: {} }
`;
  const namespace = (name: string) => `
apiVersion: v1
kind: Namespace
metadata: { name: ${name} }
`;

  it('are known when every namespace holding objects is declared (system ones aside), or configured', () => {
    expect(
      namespacesKnown(build(`${namespace('a')}---${policyIn('a')}---${policyIn('default')}`).model),
    ).toBe(true);
    // One Namespace manifest does not make the undeclared namespaces of the other policies known.
    expect(namespacesKnown(build(`${namespace('a')}---${policyIn('a')}---${policyIn('b')}`).model)).toBe(
      false,
    );
    expect(
      namespacesKnown(
        build(`${namespace('a')}---${policyIn('a')}---${policyIn('b')}`, { namespaceLabels: { b: {} } })
          .model,
      ),
    ).toBe(true);
    expect(namespacesKnown(build(policyIn('b'), { complete: true }).model)).toBe(true);
  });
});

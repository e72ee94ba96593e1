import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { objectsFromYaml } from './objects.js';

const build = (yaml: string, options = {}) => buildModel(objectsFromYaml(yaml, 'm.yaml'), options);

describe('buildModel', () => {
  it('gives every namespace its name label and infers referenced ones', () => {
    const { model } = build(
      `
apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { team: shop } }
---
apiVersion: v1
kind: Pod
metadata: { name: p, namespace: payments }
spec: { containers: [{ name: c }] }
`,
      { namespaceLabels: { 'kube-system': { tier: 'control' }, shop: { team: 'config', region: 'eu' } } },
    );
    expect(model.namespaces.get('shop')).toMatchObject({
      labels: { team: 'shop', region: 'eu', 'kubernetes.io/metadata.name': 'shop' },
      inferred: false,
      loc: { file: 'm.yaml', line: 2 },
    });
    expect(model.namespaces.get('payments')).toEqual({
      name: 'payments',
      labels: { 'kubernetes.io/metadata.name': 'payments' },
      inferred: true,
    });
    expect(model.namespaces.get('kube-system')?.labels).toEqual({
      tier: 'control',
      'kubernetes.io/metadata.name': 'kube-system',
    });
  });

  it('reads pod templates of every workload kind, container ports and pod IPs', () => {
    const { model } = build(`
apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly, namespace: ops }
spec:
  jobTemplate:
    spec:
      template:
        metadata: { labels: { app: nightly } }
        spec:
          initContainers: [{ name: init, ports: [{ containerPort: 1 }] }]
          containers: [{ name: c, ports: [{ name: metrics, containerPort: 9100 }, { containerPort: 53, protocol: UDP }] }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: ops }
spec: { template: { metadata: { labels: { app: db } }, spec: { containers: [{ name: db }] } } }
---
apiVersion: v1
kind: Pod
metadata: { name: bare, namespace: ops, labels: { app: bare } }
spec: { containers: [{ name: c }] }
status: { podIP: 10.0.0.5, podIPs: [{ ip: 10.0.0.5 }, { ip: 'fd00::5' }] }
`);
    expect(model.workloads.map((w) => [w.id, w.labels, w.ports, w.ips])).toEqual([
      [
        'ops/CronJob/nightly',
        { app: 'nightly' },
        [
          { name: 'metrics', port: 9100, protocol: 'TCP' },
          { port: 53, protocol: 'UDP' },
        ],
        [],
      ],
      ['ops/StatefulSet/db', { app: 'db' }, [], []],
      ['ops/Pod/bare', { app: 'bare' }, [], ['10.0.0.5', 'fd00::5']],
    ]);
  });

  it('folds Pods into their controller owner and warns when their labels differ', () => {
    const { model, diagnostics } = build(`
apiVersion: v1
kind: Pod
metadata: { name: b, namespace: x, labels: { app: w, v: '2' }, ownerReferences: [{ kind: ReplicaSet, name: w-1, controller: true }] }
spec: { containers: [{ name: c, ports: [{ containerPort: 81 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: a, namespace: x, labels: { app: w, v: '1' }, ownerReferences: [{ kind: ReplicaSet, name: w-1, controller: true }] }
spec: { containers: [{ name: c, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: lone, namespace: x, ownerReferences: [{ kind: Node, name: n1 }] }
spec: { containers: [{ name: c }] }
`);
    expect(model.workloads.map((w) => [w.id, w.labels, w.ports.map((p) => p.port)])).toEqual([
      ['x/Pod/lone', {}, []],
      ['x/ReplicaSet/w-1', { app: 'w', v: '1' }, [80, 81]],
    ]);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'owner-labels-differ',
        severity: 'warning',
        resource: { kind: 'ReplicaSet', namespace: 'x', name: 'w-1' },
      }),
    );
  });

  it('folds the Pods and ReplicaSets of a Deployment into it, by pod-template-hash (issue 17 item 8)', () => {
    // A cluster dump: `kubectl get deploy,rs,pods -o yaml` lists each group of pods three times.
    const { model, diagnostics } = build(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: x }
spec: { template: { metadata: { labels: { app: api } }, spec: { containers: [{ name: c }] } } }
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: api-5d4f7c9b8, namespace: x, ownerReferences: [{ kind: Deployment, name: api, controller: true }] }
spec: { template: { metadata: { labels: { app: api, pod-template-hash: 5d4f7c9b8 } } } }
---
apiVersion: v1
kind: Pod
metadata:
  name: api-5d4f7c9b8-abcde
  namespace: x
  labels: { app: api, pod-template-hash: 5d4f7c9b8 }
  ownerReferences: [{ kind: ReplicaSet, name: api-5d4f7c9b8, controller: true }]
status: { podIP: 10.0.0.7 }
---
apiVersion: v1
kind: Pod
metadata:
  name: api-66b9d-xyz12
  namespace: x
  labels: { app: api, pod-template-hash: 66b9d }
  ownerReferences: [{ kind: ReplicaSet, name: api-66b9d, controller: true }]
status: { podIP: 10.0.0.8 }
---
apiVersion: v1
kind: Pod
metadata:
  name: batch-abc
  namespace: x
  labels: { app: batch }
  ownerReferences: [{ kind: ReplicaSet, name: batch, controller: true }]
`);
    expect(model.workloads.map((w) => [w.id, w.labels, w.ips])).toEqual([
      ['x/Deployment/api', { app: 'api' }, ['10.0.0.7', '10.0.0.8']],
      // A ReplicaSet without the hash is a ReplicaSet of its own.
      ['x/ReplicaSet/batch', { app: 'batch' }, []],
    ]);
    // The hash differs between the pods of two revisions, as it always does during a rollout: no warning.
    expect(diagnostics).toEqual([]);
  });

  it('reads Services: selector, cluster IPs and ports with defaults', () => {
    const { model } = build(`
apiVersion: v1
kind: Service
metadata: { name: web, namespace: s }
spec:
  selector: { app: web }
  clusterIP: 10.96.0.10
  clusterIPs: [10.96.0.10, 'fd00::a']
  ports: [{ port: 80, targetPort: http, name: web }, { port: 53, protocol: UDP }]
---
apiVersion: v1
kind: Service
metadata: { name: headless, namespace: s }
spec: { clusterIP: None, ports: [{ port: 5432, targetPort: 5433 }] }
`);
    expect(model.services).toEqual([
      expect.objectContaining({
        name: 'web',
        selector: { app: 'web' },
        clusterIPs: ['10.96.0.10', 'fd00::a'],
        ports: [
          { name: 'web', port: 80, targetPort: 'http', protocol: 'TCP' },
          { port: 53, targetPort: 53, protocol: 'UDP' },
        ],
      }),
      expect.objectContaining({
        name: 'headless',
        clusterIPs: [],
        ports: [{ port: 5432, targetPort: 5433, protocol: 'TCP' }],
      }),
    ]);
    expect(model.services[1]!.selector).toBeUndefined();
  });

  it('reads NetworkPolicies with defaulted types, undefined peers and ports for "everything", and field paths', () => {
    const { model } = build(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: n, annotations: { note: hi } }
spec:
  podSelector: { matchLabels: { app: a } }
  ingress:
    - from: []
      ports: []
    - from: [{ podSelector: {} }, { ipBlock: { cidr: 10.0.0.0/8, except: [10.1.0.0/16] } }]
      ports: [{ port: http }, { port: 8000, endPort: 8080, protocol: SCTP }, { protocol: UDP }]
  egress:
    - to: [{ namespaceSelector: { matchExpressions: [{ key: env, operator: In, values: [prod] }] } }]
`);
    const [policy] = model.policies;
    expect(policy).toMatchObject({
      id: 'n/p',
      namespaceDeclared: true,
      types: { ingress: true, egress: true },
      policyTypesDeclared: false,
      annotations: { note: 'hi' },
    });
    expect(policy!.ingress[0]).toEqual({ path: ['spec', 'ingress', 0] });
    expect(policy!.ingress[1]!.peers).toEqual([
      { podSelector: {}, path: ['spec', 'ingress', 1, 'from', 0] },
      { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }, path: ['spec', 'ingress', 1, 'from', 1] },
    ]);
    expect(policy!.ingress[1]!.ports).toEqual([
      { protocol: 'TCP', port: 'http', path: ['spec', 'ingress', 1, 'ports', 0] },
      { protocol: 'SCTP', port: 8000, endPort: 8080, path: ['spec', 'ingress', 1, 'ports', 1] },
      { protocol: 'UDP', path: ['spec', 'ingress', 1, 'ports', 2] },
    ]);
    expect(policy!.locate(['spec', 'ingress', 1, 'from', 1])).toEqual({
      file: 'm.yaml',
      line: 10,
      column: 35,
    });
  });

  it('places objects without a namespace in the default namespace, with one info diagnostic for all', () => {
    const { model, diagnostics } = build(
      `
apiVersion: v1
kind: Pod
metadata: { name: a }
spec: { containers: [{ name: c }] }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny }
spec: { podSelector: {} }
`,
      { defaultNamespace: 'apps' },
    );
    expect(model.workloads[0]!.namespace).toBe('apps');
    expect(model.policies[0]).toMatchObject({ id: 'apps/deny', namespaceDeclared: false });
    expect(diagnostics.filter((d) => d.code === 'default-namespace')).toEqual([
      {
        severity: 'info',
        code: 'default-namespace',
        message:
          '2 objects have no metadata.namespace (Pod a, NetworkPolicy deny); they are analysed in namespace "apps", ' +
          'where `kubectl apply` without `-n` creates them (config `defaultNamespace` names another)',
        file: 'm.yaml',
        line: 2,
        column: 1,
      },
    ]);
  });

  it('turns wrong field types into diagnostics at their line and keeps the rest', () => {
    const { model, diagnostics } = build(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: d, namespace: n }
spec:
  template:
    metadata: { labels: [not, a, map] }
    spec:
      containers:
        - name: c
          ports: [{ containerPort: '8080' }, { containerPort: 9090, protocol: ICMP }, { containerPort: 7070 }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: bad, namespace: n }
spec:
  podSelector: {}
  ingress: [{ ports: [{ port: 80, protocol: ICMP }] }]
---
apiVersion: v1
kind: Pod
metadata: { name: dup, namespace: n }
---
apiVersion: v1
kind: Pod
metadata: { name: dup, namespace: n }
`);
    expect(model.workloads.map((w) => [w.id, w.labels, w.ports.map((p) => p.port)])).toEqual([
      ['n/Deployment/d', {}, [7070]],
      ['n/Pod/dup', {}, []],
    ]);
    expect(model.policies).toEqual([]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['warning', 'invalid-field', 7],
      ['warning', 'invalid-field', 11],
      ['warning', 'invalid-field', 11],
      ['error', 'invalid-policy', 18],
      ['warning', 'duplicate-object', 24],
    ]);
  });

  // Seen on onedr0p/home-ops: a bootstrap kustomization and the Flux tree both declare Namespace network.
  it('says nothing of a Namespace declared twice alike, and warns when the copies differ', () => {
    const alike = build(`
apiVersion: v1
kind: Namespace
metadata: { name: network, annotations: { kustomize.toolkit.fluxcd.io/prune: disabled } }
---
apiVersion: v1
kind: Namespace
metadata: { name: network, annotations: { kustomize.toolkit.fluxcd.io/prune: disabled } }
`);
    expect(alike.diagnostics).toEqual([]);
    const differ = build(`
apiVersion: v1
kind: Namespace
metadata: { name: network }
---
apiVersion: v1
kind: Namespace
metadata: { name: network, labels: { team: net } }
`);
    expect(differ.diagnostics.map((d) => [d.code, d.line])).toEqual([['duplicate-object', 6]]);
    expect(differ.model.namespaces.get('network')?.labels).toEqual({
      'kubernetes.io/metadata.name': 'network',
    });
  });

  // The API server's name rules (apimachinery ValidateNamespaceName: RFC 1123 label; ValidatePodName and the
  // workload kinds' name validation: RFC 1123 subdomain), as fixtures/hostile/invalid-names.yaml uses them.
  it('refuses a Namespace or workload whose name the API server would reject, with an error at the object', () => {
    const { model, diagnostics } = build(`
apiVersion: v1
kind: Namespace
metadata: { name: "Shop" }
---
apiVersion: v1
kind: Pod
metadata: { name: "web\u200B", namespace: front, labels: { app: web } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: "front.eu" }
spec: { template: { metadata: { labels: { app: api } } } }
---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: "-front" }
spec: { selector: { app: web } }
---
apiVersion: v1
kind: Pod
metadata: { name: web.v1, namespace: front, labels: { app: web } }
`);
    expect(model.workloads.map((w) => w.id)).toEqual(['front/Pod/web.v1']);
    expect(model.services).toEqual([]);
    expect([...model.namespaces.keys()]).toEqual(['front']);
    expect(diagnostics.map((d) => [d.severity, d.code, d.line, d.message])).toEqual([
      [
        'error',
        'invalid-name',
        4,
        expect.stringMatching(/^Namespace Shop: metadata.name must consist of lower case/),
      ],
      ['error', 'invalid-name', 8, expect.stringMatching(/^Pod web\u200B: metadata.name must consist/)],
      [
        'error',
        'invalid-name',
        12,
        expect.stringMatching(/^Deployment api: metadata.namespace "front.eu" must/),
      ],
      ['error', 'invalid-name', 17, expect.stringMatching(/not analysed$/)],
    ]);
  });
});

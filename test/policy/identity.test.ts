import { describe, expect, it } from 'vitest';
import { decide, labelFilter, parseLabelExpression } from '../../src/policy/identity.js';

/** The keys of `keys` the filter keeps, as pkg/labelsfilter/filter_test.go lists what `filterLabels` returns. */
function kept(added: readonly string[], keys: readonly string[]): string[] {
  const filter = labelFilter(added);
  return keys.filter((key) => decide(filter, key).kept).sort();
}

/** The pod labels of filter_test.go's cases (cilium/cilium pkg/labelsfilter/filter_test.go). */
const NORMAL_LABELS = [
  'io.kubernetes.container.hash',
  'io.kubernetes.container.name',
  'io.kubernetes.container.restartCount',
  'io.kubernetes.container.terminationMessagePath',
  'io.kubernetes.pod.name',
  'io.kubernetes.pod.namespace',
  'app.kubernetes.io',
  'kubernetes.io.foo',
  'beta.kubernetes.io.foo',
  'annotation.kubectl.kubernetes.io',
  'annotation.hello',
  'annotation.cilium-identity',
  'io.kubernetes.pod.terminationGracePeriod',
  'io.kubernetes.pod.uid',
  'ignore',
  'ignorE',
  'annotation.kubernetes.io/config.seen',
  'controller-revision-hash',
  'io.cilium.k8s.policy.cluster',
  'io.cilium.k8s.policy.serviceaccount',
];

describe("Cilium's label filter (pkg/labelsfilter/filter_test.go)", () => {
  it('TestDefaultFilterLabels: the defaults drop what Kubernetes and controllers set per pod, keep the rest', () => {
    const keys = [
      ...NORMAL_LABELS,
      'ioXkubernetes',
      'statefulset.kubernetes.io/pod-name',
      'batch.kubernetes.io/job-completion-index',
      'apps.kubernetes.io/pod-index',
      'id.lizards',
      'id.lizards.k8s',
    ];
    expect(kept([], keys)).toEqual(
      [
        'app.kubernetes.io',
        'id.lizards',
        'id.lizards.k8s',
        'ignorE',
        'ignore',
        'io.cilium.k8s.policy.cluster',
        'io.cilium.k8s.policy.serviceaccount',
        'io.kubernetes.pod.namespace',
        'ioXkubernetes',
      ].sort(),
    );
  });

  it('TestFilterLabels: an added inclusive expression keeps only what inclusive ones match', () => {
    const keys = [
      ...NORMAL_LABELS,
      'id.lizards',
      'id.lizards.k8s',
      'foo2.lizards.k8s',
      'lizards.foo.lizards.k8s',
    ];
    expect(kept([':!ignor[eE]', 'id.*', 'foo'], keys)).toEqual(
      [
        'app.kubernetes.io',
        'foo2.lizards.k8s',
        'id.lizards',
        'id.lizards.k8s',
        'io.cilium.k8s.policy.cluster',
        'io.cilium.k8s.policy.serviceaccount',
        'io.kubernetes.pod.namespace',
      ].sort(),
    );
  });

  it('TestFilterLabelsDocExample: k8s: expressions match pod labels, $ anchors the end', () => {
    const added = [
      'k8s:io.kubernetes.pod.namespace',
      'k8s:k8s-app',
      'k8s:app',
      'k8s:name',
      'k8s:kind$',
      'k8s:other$',
    ];
    const keys = [
      'io.cilium.k8s.namespace.labels',
      'k8s-app-team',
      'app-production',
      'name-defined',
      'kind',
      'other',
      'io.kubernetes.pod.namespace',
      'io.cilium.k8s.policy.cluster',
      'io.cilium.k8s.policy.serviceaccount',
      'kindly',
      'team',
    ];
    expect(kept(added, keys)).toEqual(keys.filter((key) => key !== 'kindly' && key !== 'team').sort());
  });

  it('matches an expression at the start of the key only, with a top-level alternation too', () => {
    expect(kept(['k8s:team|squad'], ['team-a', 'squad-b', 'my-team', 'xsquad'])).toEqual([
      'squad-b',
      'team-a',
    ]);
  });

  it('keeps app.kubernetes.io/* labels, whatever else is added', () => {
    const keys = ['app.kubernetes.io/name', 'app.kubernetes.io/instance', 'app.kubernetes.io/component'];
    expect(kept([], keys)).toEqual([...keys].sort());
    expect(kept(['k8s:team'], keys)).toEqual([...keys].sort());
    expect(kept(['!controller-uid', '!job-name'], [...keys, 'controller-uid', 'job-name'])).toEqual(
      [...keys].sort(),
    );
  });

  it('names the expression that drops a label: the shortest exclusive one that matches', () => {
    const filter = labelFilter([]);
    const decision = decide(filter, 'statefulset.kubernetes.io/pod-name');
    expect(decision.kept || decision.excludedBy?.text).toBe('!statefulset\\.kubernetes\\.io/pod-name');
    const hash = decide(filter, 'pod-template-hash');
    expect(hash.kept || hash.excludedBy?.text).toBe('!pod-template-hash');
    // In an inclusive filter, a label no expression matches is dropped by none in particular.
    const inclusive = decide(labelFilter(['k8s:app']), 'team');
    expect(inclusive).toEqual({ kept: false });
    // An expression of another source (container:, any:) matches no pod label.
    expect(decide(labelFilter(['any:!team']), 'team')).toEqual({ kept: true });
  });
});

describe('parseLabelExpression', () => {
  it("reads Cilium's syntax: [source:][!]regexp", () => {
    const parsed = parseLabelExpression('k8s:!controller-uid');
    expect(typeof parsed !== 'string' && [parsed.source, parsed.exclude, parsed.pattern.source]).toEqual([
      'k8s',
      true,
      '^(?:controller-uid)',
    ]);
  });

  it('refuses what RE2 refuses and what would make a backtracking engine slow', () => {
    for (const text of [
      'k8s:',
      'k8s:(?=a)b',
      'k8s:(a)\\1',
      'k8s:(a+)+$',
      'k8s:(a|aa)*',
      'a.*b.*c.*d',
      'a?b?c?',
      'a{0,100}b',
      'k8s:[',
    ]) {
      expect(typeof parseLabelExpression(text), text).toBe('string');
    }
    for (const text of [
      '!.*beta\\.kubernetes\\.io',
      'k8s:(?:team|squad)',
      'k8s:[a-z]+-app$',
      'k8s:(ab)+',
      'a+?b{2,8}',
    ])
      expect(typeof parseLabelExpression(text), text).not.toBe('string');
  });
});

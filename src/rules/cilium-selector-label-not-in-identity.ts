import type { FieldPath, SourceLocation } from '../manifests/types.js';
import { networkPolicyRef } from '../model/policy-ref.js';
import type { LabelSelector, PolicyRef } from '../model/types.js';
import {
  CILIUM_DEFAULT_LABEL_FILTER,
  decide,
  labelFilterOf,
  type LabelDecision,
  type LabelExpression,
  type LabelFilter,
} from '../policy/identity.js';
import { ciliumPolicies, requiredLabels, type RequiredLabel } from './cilium.js';
import { policyPeers, subPath } from './helpers.js';
import type { Rule } from './types.js';

/**
 * On Cilium, policies select identities, and a pod's identity holds only the labels Cilium's label filter keeps
 * (pkg/labelsfilter/filter.go; Documentation/operations/performance/scalability/identity-relevant-labels.rst): a
 * selector that requires a label the filter drops (`statefulset.kubernetes.io/pod-name`, `pod-template-hash`,
 * `controller-revision-hash`, `batch.kubernetes.io/controller-uid`...) matches no pod. The engine already evaluates it
 * so (`policy/identity.ts`); the rule says why, and which expression of the filter drops the label.
 */
export const ciliumSelectorLabelNotInIdentity: Rule = {
  meta: {
    id: 'cilium-selector-label-not-in-identity',
    severity: 'warning',
    kinds: ['NetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'],
    description:
      "Under `cni: cilium`, a selector that requires a label Cilium's identity label filter drops (`pod-template-hash`, `statefulset.kubernetes.io/pod-name`...): it matches no pod.",
    rationale:
      'Cilium enforces policies on security identities, built from the labels its label filter keeps. By default it ' +
      'leaves out the labels Kubernetes and controllers set per pod or per revision (`pod-template-hash`, ' +
      '`controller-revision-hash`, `statefulset.kubernetes.io/pod-name`, `batch.kubernetes.io/controller-uid`, ' +
      'everything under `kubernetes.io` and `k8s.io`), and the `labels` setting may leave out more. A selector ' +
      'requiring such a label matches no pod: an allow written for one StatefulSet replica lets nothing in, and a ' +
      'deny or the policy it isolates with protects nothing.',
    remediation:
      'Select a label that is part of the identity (`app.kubernetes.io/name`, `app`...), or add an expression that ' +
      "keeps the label to Cilium's `labels` setting (and to `cilium.identityLabels`). An expression Cilium excludes " +
      'the whole key with (`!pod-template-hash`) cannot be outweighed: select another label.',
    example: [
      'endpointSelector:',
      '  matchLabels:',
      '    app.kubernetes.io/name: postgres   # not statefulset.kubernetes.io/pod-name: postgres-0',
    ].join('\n'),
  },
  check(ctx) {
    const filter = labelFilterOf(ctx.model);
    if (!filter) return;
    const judge = (policy: PolicyRef, required: readonly RequiredLabel[], what: string) => {
      for (const { key, path } of required) {
        const decision = decide(filter, key);
        if (decision.kept) continue;
        ctx.report({
          policy,
          path,
          message:
            `${what} requires the label ${key}, which ${droppedBy(filter, decision)} leaves out of every pod's ` +
            `Cilium identity: under cni: cilium it matches no pod. ${fixFor(filter, key, decision)}`,
        });
      }
    };
    for (const policy of ctx.model.policies) {
      const ref = networkPolicyRef(policy);
      judge(ref, requiredLabels(policy.podSelector, ['spec', 'podSelector']), 'the podSelector');
    }
    for (const { policy, peer } of policyPeers(ctx.model)) {
      if (peer.podSelector)
        judge(
          networkPolicyRef(policy),
          requiredLabels(peer.podSelector, subPath(peer.path, 'podSelector')),
          'the peer podSelector',
        );
    }
    for (const policy of ciliumPolicies(ctx.model)) {
      const subject = [...(policy.specPath ?? ['spec']), 'endpointSelector'];
      judge(
        policy.ref,
        writtenOf(policy.subject.podSelector, subject, policy.locate),
        'the endpointSelector',
      );
      for (const rule of [...policy.ingress, ...policy.egress]) {
        for (const peer of rule.peers ?? []) {
          const field = peer.path[peer.path.length - 2];
          if (!peer.podSelector || (field !== 'fromEndpoints' && field !== 'toEndpoints')) continue;
          judge(policy.ref, writtenOf(peer.podSelector, peer.path, policy.locate), `the ${field} selector`);
        }
      }
    }
  },
};

/**
 * The labels a Cilium selector requires, from the model's reading of it (its keys without their source, matchLabels
 * and matchExpressions as one list): each at its matchLabels key where one is written so (bare, `k8s:` or `any:`),
 * else at the selector's matchExpressions.
 */
function writtenOf(
  selector: LabelSelector,
  path: FieldPath,
  locate: (path: FieldPath) => SourceLocation,
): RequiredLabel[] {
  const at = (where: FieldPath) => {
    const { line, column } = locate(where);
    return `${line}:${column}`;
  };
  const matchLabels = at([...path, 'matchLabels']);
  return (selector.matchExpressions ?? []).flatMap(({ key, operator }) => {
    if (operator !== 'In' && operator !== 'Exists') return [];
    const written = [key, `k8s:${key}`, `any:${key}`]
      .map((name) => [...path, 'matchLabels', name])
      .find((where) => at(where) !== matchLabels);
    return [{ key, path: written ?? [...path, 'matchExpressions'] }];
  });
}

/** Which expression of the filter drops the label, in words. */
function droppedBy(filter: LabelFilter, decision: LabelDecision & { kept: false }): string {
  const { excludedBy } = decision;
  if (!excludedBy)
    return "Cilium's label filter (cilium.identityLabels is inclusive, and no inclusive expression matches it)";
  return ciliumOwn(filter, excludedBy)
    ? `Cilium's default label filter expression ${excludedBy.text}`
    : `the label filter expression ${excludedBy.text} of cilium.identityLabels`;
}

/** Whether an expression is one of Cilium's defaults rather than one the `labels` setting adds. */
function ciliumOwn(filter: LabelFilter, expression: LabelExpression): boolean {
  return filter.expressions.indexOf(expression) < CILIUM_DEFAULT_LABEL_FILTER.length;
}

/** What brings the label back into the identity, where something can. */
function fixFor(filter: LabelFilter, key: string, decision: LabelDecision & { kept: false }): string {
  const select = 'Select a label that is part of the identity (app.kubernetes.io/name, app...)';
  const { excludedBy } = decision;
  if (excludedBy && !ciliumOwn(filter, excludedBy))
    return `${select}, or take ${excludedBy.text} out of Cilium's labels setting (and cilium.identityLabels).`;
  // The shortest exclusive match wins unless an inclusive one is longer: one over the whole key cannot be.
  if (excludedBy && excludedBy.pattern.exec(key)?.[0].length === key.length)
    return `${select}: ${excludedBy.text} covers the whole key, so no expression can keep it.`;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `${select}, or keep it with the expression k8s:${escaped} in Cilium's labels setting (and cilium.identityLabels).`;
}

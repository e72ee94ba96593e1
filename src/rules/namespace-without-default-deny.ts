import type { Namespace, NetworkPolicy, TieredPolicy } from '../model/types.js';
import type { Direction } from '../policy/types.js';
import { isEmptySelector, matchesSelector } from '../policy/selector.js';
import { byNamespace, DIRECTIONS } from './helpers.js';
import type { Rule } from './types.js';
import { noun } from '../text/plural.js';

/** Whether the policy isolates every pod of its namespace in `direction` without opening it right back. */
function isDefaultDeny(policy: NetworkPolicy, direction: Direction): boolean {
  return (
    isEmptySelector(policy.podSelector) &&
    policy.types[direction] &&
    !policy[direction].some((rule) => rule.peers === undefined && rule.ports === undefined)
  );
}

/**
 * Whether a policy of the namespaced tier of another kind (CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy)
 * isolates every pod of `namespace` in `direction`: it selects them all, has rules there without opting out of
 * default deny, and none of its allows matches every peer on every port.
 */
function isolatesNamespace(policy: TieredPolicy, namespace: Namespace, direction: Direction): boolean {
  const { subject } = policy;
  return (
    policy.tier === 'namespaced' &&
    (subject.namespace === undefined || subject.namespace === namespace.name) &&
    matchesSelector(subject.namespaceSelector ?? {}, namespace.labels) &&
    isEmptySelector(subject.podSelector) &&
    policy[direction].length > 0 &&
    (policy.defaultDeny?.[direction] ?? true) &&
    !policy[direction].some((rule) => rule.action === 'allow' && !rule.peers && !rule.ports)
  );
}

/** Without a namespace-wide default deny, every new workload starts fully open. */
export const namespaceWithoutDefaultDeny: Rule = {
  meta: {
    id: 'namespace-without-default-deny',
    severity: 'info',
    kinds: ['NetworkPolicy'],
    description: 'A namespace with workloads and no default-deny policy for ingress and/or egress.',
    rationale:
      'Pods that no policy selects accept and send everything. Per-workload policies protect only the pods they ' +
      'name: the next Deployment added to the namespace, or a pod whose labels drift, is wide open. A default deny ' +
      '(`podSelector: {}` with the direction in `policyTypes` and no allow-all rule) makes "closed" the default.',
    remediation:
      'Add a default-deny policy to the namespace, then allow what each workload needs (remember DNS for egress).',
    example: [
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      '  name: default-deny',
      '  namespace: shop',
      'spec:',
      '  podSelector: {}',
      '  policyTypes: [Ingress, Egress]',
    ].join('\n'),
    suppressibleByAnnotation: 'Namespace',
  },
  check(ctx) {
    const contents = byNamespace(ctx.model);
    for (const namespace of ctx.model.namespaces.values()) {
      const workloads = contents.workloads.get(namespace.name) ?? [];
      const first = workloads[0];
      if (!first) continue;
      const policies = contents.policies.get(namespace.name) ?? [];
      const missing = DIRECTIONS.filter(
        (direction) =>
          !policies.some((policy) => isDefaultDeny(policy, direction)) &&
          !(ctx.model.tieredPolicies ?? []).some((policy) => isolatesNamespace(policy, namespace, direction)),
      );
      if (missing.length === 0) continue;
      const unanalysed = ctx.diagnostics.filter(
        (d) =>
          d.code === 'policy-kind-not-analysed' &&
          d.severity === 'warning' &&
          (d.resource?.namespace ?? namespace.name) === namespace.name,
      ).length;
      const message =
        `namespace ${namespace.name} has ${workloads.length} ${noun(workloads.length, 'workload')} and no ` +
        `default-deny for ${missing.join(' and ')}: pods no policy selects are open in that direction` +
        (unanalysed > 0
          ? ` (unless ${unanalysed === 1 ? 'the policy of a kind' : `one of the ${unanalysed} policies of kinds`} ` +
            'not analysed that may apply here isolates them; see the diagnostics)'
          : '');
      // An inferred namespace has no manifest of its own: point at its first workload instead.
      if (namespace.loc) ctx.report({ namespace, message });
      else ctx.report({ at: first.loc, resource: { kind: 'Namespace', name: namespace.name }, message });
    }
  },
};

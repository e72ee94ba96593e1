import { policyEnforcementMode } from '../model/cni.js';
import type { TieredPolicy, Workload } from '../model/types.js';
import type { Direction } from '../policy/types.js';
import { describeWorkloads, DIRECTIONS } from './helpers.js';
import { ciliumPolicies, CILIUM_KINDS, isolates, sectionPath, tieredSelecting } from './cilium.js';
import { policyLabel, subjectsIntersect, subjectWorkloads } from './tiered.js';
import type { Rule, RuleContext } from './types.js';

/** Whether another policy isolates the workload for the direction and allows it something there. */
function otherwiseIsolated(
  ctx: RuleContext,
  policy: TieredPolicy,
  workload: Workload,
  direction: Direction,
): boolean {
  if (ctx.engine.selectingPolicies(workload, direction).length > 0) return true;
  return (tieredSelecting(ctx.model, direction).get(workload) ?? []).some(
    (other) => other !== policy && isolates(other, direction) && hasAllows(other, direction),
  );
}

/** For a policy whose pods the tree does not show: whether another policy may isolate some of the same pods. */
function mayBeIsolatedElsewhere(ctx: RuleContext, policy: TieredPolicy, direction: Direction): boolean {
  const networkPolicies = ctx.model.policies.some(
    (other) =>
      other.types[direction] &&
      subjectsIntersect(policy.subject, {
        namespace: other.namespace,
        namespaceSelector: {},
        podSelector: other.podSelector,
      }),
  );
  return (
    networkPolicies ||
    (ctx.model.tieredPolicies ?? []).some(
      (other) =>
        other !== policy &&
        other.tier === 'namespaced' &&
        isolates(other, direction) &&
        hasAllows(other, direction) &&
        subjectsIntersect(policy.subject, other.subject),
    )
  );
}

function hasAllows(policy: TieredPolicy, direction: Direction): boolean {
  return policy[direction].some((rule) => rule.action === 'allow');
}

/**
 * A Cilium policy with only `ingressDeny`/`egressDeny` still puts the pods it selects in default deny for that
 * direction: Cilium counts a section of deny rules like one of allows (Documentation/security/policy/deny.rst:
 * "Pods will enter default-deny mode as soon as a single policy selects it"; pkg/policy/api/rule.go, Sanitize:
 * `EnableDefaultDeny` defaults to true when `Egress` or `EgressDeny` has rules). Reported only where nothing else
 * isolates the pods, and not when `enableDefaultDeny` turns it off.
 */
export const denyOnlyPolicyIsolates: Rule = {
  meta: {
    id: 'deny-only-policy-isolates',
    severity: 'warning',
    kinds: CILIUM_KINDS,
    description:
      'A Cilium policy with only deny rules in a direction, which still isolates the pods it selects: everything no other policy allows is dropped, not only what it denies.',
    rationale:
      'A deny policy reads as "block this, leave the rest": written alone, `egressDeny: [{toEntities: [world]}]` ' +
      'looks like it only keeps the pods off the Internet. But in Cilium a policy with rules in a direction, deny ' +
      'or allow, puts the pods it selects in default deny for it, so their DNS, their calls to other pods and ' +
      'everything else not allowed elsewhere stop too.',
    remediation:
      'Keep the rest open with `enableDefaultDeny: { egress: false }` (or `ingress`) on the policy (Cilium 1.15 ' +
      "and later), or allow it explicitly beside the denies, as Cilium's `from_world_deny` example does with " +
      '`fromEntities: [all]`.',
    example: [
      'apiVersion: cilium.io/v2',
      'kind: CiliumClusterwideNetworkPolicy',
      'metadata:',
      '  name: external-lockdown',
      'spec:',
      '  endpointSelector: {}',
      '  ingressDeny:',
      '    - fromEntities: [world]',
      '  ingress:',
      '    - fromEntities: [all]   # the rest stays allowed',
    ].join('\n'),
  },
  check(ctx) {
    const mode = policyEnforcementMode(ctx.model);
    // `always` isolates every pod anyway; `never` enforces nothing.
    if (mode !== 'default') return;
    for (const policy of ciliumPolicies(ctx.model)) {
      for (const direction of DIRECTIONS) {
        const [firstDeny] = policy[direction].filter((rule) => rule.action === 'deny');
        if (!firstDeny || hasAllows(policy, direction) || !isolates(policy, direction)) continue;
        const selected = subjectWorkloads(ctx.model, policy);
        let pods: string;
        if (selected.length > 0) {
          const open = selected.filter((workload) => !otherwiseIsolated(ctx, policy, workload, direction));
          if (open.length === 0) continue;
          pods = describeWorkloads(open);
        } else {
          if (mayBeIsolatedElsewhere(ctx, policy, direction)) continue;
          pods = 'the pods it selects';
        }
        ctx.report({
          policy: policy.ref,
          path: sectionPath(firstDeny),
          message:
            `${policyLabel(policy)} has only ${direction}Deny rules, yet it isolates ${pods} for ${direction}: ` +
            `everything no other policy allows is dropped, not only what it denies. Add ` +
            `\`enableDefaultDeny: { ${direction}: false }\` to deny only what it lists, or allow the rest`,
        });
      }
    }
  },
};

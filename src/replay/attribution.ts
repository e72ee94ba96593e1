import type { SideEnds } from '../diff/blame.js';
import type { RecordedAttribution, RecordedPolicy } from '../flows/types.js';
import type { Diagnostic } from '../manifests/types.js';
import { networkPolicyRef, policyKey, policyName } from '../model/policy-ref.js';
import type { ClusterModel, PolicyRef, Protocol } from '../model/types.js';
import type { Decision } from '../policy/types.js';
import { noun } from '../text/plural.js';

/**
 * Compares what the cluster said decided one direction of a recorded flow (Hubble's `*_allowed_by`, `*_denied_by`)
 * with what the engine says at base, the policy set the flows were recorded under. They agree when both allow and
 * one policy the cluster names lets the connection through in the model, or both deny and one it names denies it
 * there. Anything else means the model is not the cluster: a policy applied that the repository does not hold (or
 * holds otherwise), or semantics the engine gets wrong, and every verdict built on the model is in doubt there.
 * Returns what the model says when they disagree, undefined when they agree.
 */
export function attributionMismatch(
  base: SideEnds,
  recorded: RecordedAttribution,
  protocol: Protocol,
  port: number,
): { model: Decision; text: string } | undefined {
  const { direction } = recorded;
  const [subject, other] = direction === 'egress' ? [base.from, base.to] : [base.to, base.from];
  const decision = base.engine.decision(direction, subject, other, protocol, port);
  const allowed = decision.action !== 'deny';
  if (allowed === (recorded.action === 'allow')) {
    const named = (ref: PolicyRef) =>
      recorded.policies.some((policy) => samePolicy(policy, ref, base.engine.model));
    if (decision.policy && decision.index !== undefined && named(decision.policy)) return undefined;
    // The namespaced tier is a union: the engine names one of the rules that decide, the cluster may name another.
    if (decision.tier === 'namespaced') {
      const side = base.engine.explain(base.from, base.to, protocol, port)[direction];
      const deciding = side.policies.filter((policy) =>
        policy.rules.some(
          (rule) =>
            rule.peerMatches && rule.portMatches && (rule.action === 'deny') === (recorded.action === 'deny'),
        ),
      );
      if (deciding.some((policy) => named(policy.policy))) return undefined;
    }
  }
  return {
    model: decision,
    text: `Hubble recorded ${describeAttribution(recorded)}; at base the manifests say ${describeModelDecision(decision)}`,
  };
}

/**
 * Whether a policy the cluster names is the model's: same name (as Cilium names it) and namespace (none for a
 * cluster-scoped kind, which Hubble leaves empty), and kind when the cluster gives one. Cilium's kinds are the kinds
 * as written (`io.cilium.k8s.policy.derived-from`: NetworkPolicy, CiliumNetworkPolicy,
 * CiliumClusterwideNetworkPolicy, ClusterNetworkPolicy), and every rule of a policy's `specs` carries its name.
 */
function samePolicy(recorded: RecordedPolicy, ref: PolicyRef, model: ClusterModel): boolean {
  return (
    recorded.name === attributedName(model, ref) &&
    recorded.namespace === ref.namespace &&
    (recorded.kind === undefined || recorded.kind === ref.kind)
  );
}

/** Annotations by which Cilium renames a NetworkPolicy or ClusterNetworkPolicy, the first one set winning. */
const NAME_ANNOTATIONS = ['policy.cilium.io/name', 'io.cilium.name'];

/**
 * The name Hubble gives a policy (`io.cilium.k8s.policy.name`, which GetPolicyFromLabels in
 * pkg/k8s/apis/cilium.io/utils/utils.go reads back into `Policy.name`): metadata.name, but for a NetworkPolicy and a
 * ClusterNetworkPolicy the value of the `policy.cilium.io/name` annotation (or of its alias `io.cilium.name`) when one
 * is written and not empty (pkg/annotation; GetPolicyLabelsv1 in pkg/k8s/network_policy.go, GetKCNPPolicyLabels
 * for ClusterNetworkPolicy). A CiliumNetworkPolicy is always named by metadata.name (ParseToCiliumLabels).
 */
function attributedName(model: ClusterModel, ref: PolicyRef): string {
  let renamed = renamedPolicies.get(model);
  if (!renamed) {
    renamed = new Map();
    const note = (policy: PolicyRef, annotations: Readonly<Record<string, string>> | undefined) => {
      const key = NAME_ANNOTATIONS.find((name) => annotations?.[name] !== undefined);
      const name = key === undefined ? '' : annotations![key]!;
      if (name !== '') renamed!.set(policyKey(policy), name);
    };
    for (const policy of model.policies) note(networkPolicyRef(policy), policy.annotations);
    for (const policy of model.tieredPolicies ?? [])
      if (policy.ref.kind === 'ClusterNetworkPolicy') note(policy.ref, policy.annotations);
    renamedPolicies.set(model, renamed);
  }
  return renamed.get(policyKey(ref)) ?? ref.name;
}

const renamedPolicies = new WeakMap<ClusterModel, Map<string, string>>();

/** `ingress allowed by CiliumNetworkPolicy shop/api (match L3-L4)`: an attribution as reports say it. */
export function describeAttribution(recorded: RecordedAttribution): string {
  const policies = recorded.policies
    .map((policy) => `${policy.kind ? `${policy.kind} ` : ''}${policyName(policy)}`)
    .join(', ');
  const match = recorded.match ? ` (match ${recorded.match})` : '';
  return `${recorded.direction} ${recorded.action === 'allow' ? 'allowed' : 'denied'} by ${policies}${match}`;
}

/** What decided a side in the model, in the words of {@link describeAttribution}. */
export function describeModelDecision(decision: Decision): string {
  const { direction, policy, index, location } = decision;
  const verdict = decision.action === 'deny' ? 'denied' : 'allowed';
  const at = location ?? policy?.location;
  const where = at ? ` (${at.file}:${at.line})` : '';
  if (!policy) {
    if (decision.action !== 'deny') return `${direction} allowed: no policy isolates it`;
    return `${direction} denied with no policy deciding (Cilium's policyEnforcementMode: always)`;
  }
  const named = `${policy.kind} ${policyName(policy)}`;
  if (index === undefined)
    return decision.action === 'deny'
      ? `${direction} denied: ${named} isolates it and none of its rules allows it${where}`
      : `${direction} allowed: ${named} applies without isolating it${where}`;
  const list = decision.tier === 'namespaced' && decision.action === 'deny' ? `${direction}Deny` : direction;
  return `${direction} ${verdict} by ${named} ${list}[${index}]${where}`;
}

/** Mismatches said one by one in diagnostics; past these, one more diagnostic counts the rest. */
export const MAX_MISMATCH_DIAGNOSTICS = 20;

/**
 * The `model-cluster-mismatch` warnings of a replay, about base (they never fail the check): each names the flow,
 * what the cluster recorded and what the model says, at the rule or policy the model decides by.
 */
export function mismatchDiagnostics(
  mismatches: readonly { label: string; text: string; model: Decision }[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = mismatches.slice(0, MAX_MISMATCH_DIAGNOSTICS).map((mismatch) => {
    const at = mismatch.model.location ?? mismatch.model.policy?.location;
    return {
      severity: 'warning',
      code: 'model-cluster-mismatch',
      message: `the model and the cluster differ on ${mismatch.label}: ${mismatch.text}`,
      ...(at ? { file: at.file, line: at.line } : {}),
      side: 'base',
    };
  });
  const more = mismatches.length - MAX_MISMATCH_DIAGNOSTICS;
  if (more > 0)
    diagnostics.push({
      severity: 'warning',
      code: 'model-cluster-mismatch',
      message: `the model and the cluster differ on ${more} more recorded flow ${noun(more, 'direction')} (JSON flows.modelClusterMismatches lists them all)`,
      side: 'base',
    });
  return diagnostics;
}

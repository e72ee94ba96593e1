import { ConnSet } from './portset.js';

/**
 * How one direction's verdict is composed from the policies of every kind: the one place that says it. The bulk
 * connectivity path asks {@link composeDirection} for port sets, every per-question path (`isAllowed`, `explain`,
 * `admittingRules`, the lint helpers) asks {@link decidePort} for one port; the engine's property tests hold the two
 * to the same answer. Sources: the network-policy-api API reference (https://network-policy-api.sigs.k8s.io/api-overview/)
 * and NPEP-2091 for the ClusterNetworkPolicy tiers; the Kubernetes NetworkPolicy docs for the namespaced tier.
 *
 * 1. Admin tier: policies by priority (lower first, then name, as the reference implementation orders equal
 *    priorities), rules in list order; the first rule whose peer and port match decides: Accept/Allow admits, Deny
 *    drops, Pass skips the rest of the admin tier.
 * 2. Namespaced tier (NetworkPolicy, CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy as one tier, as Cilium
 *    composes them): when a policy of the tier applies to the pod for the direction, the tier decides and nothing
 *    below is asked. Isolated (any of them isolates), the connection is allowed iff some allow matches and no deny
 *    matches; not isolated (only Cilium policies with `enableDefaultDeny` false apply), everything no deny matches
 *    is allowed (Cilium inserts an allow-all rule then: pkg/policy/repository.go). A deny beats every allow.
 * 3. Baseline tier: as the admin tier (first matching rule decides), for what the tiers above left undecided.
 * 4. Default: allowed. A cluster policy never isolates a pod by itself.
 */
export type Tier = 'admin' | 'namespaced' | 'baseline';
export type RuleAction = 'allow' | 'deny' | 'pass';

/** One admin or baseline rule whose peer matches the other end, with the ports it names towards it. */
export interface OrderedRule {
  action: RuleAction;
  ports: ConnSet;
}

/**
 * The namespaced tier for one pair: whether it decides for the subject, and the ports its allows and denies match
 * (`allow` is every port when its policies apply without isolating).
 */
export interface NamespacedVerdict {
  decides: boolean;
  allow: ConnSet;
  deny: ConnSet;
}

/** The ports allowed in one direction for one pair, tier by tier. Rules are those whose peer matches, in order. */
export function composeDirection(
  admin: readonly OrderedRule[],
  namespaced: NamespacedVerdict,
  baseline: readonly OrderedRule[],
): ConnSet {
  // Only NetworkPolicies apply: the namespaced tier alone decides (most pods of most clusters).
  if (admin.length === 0 && namespaced.decides)
    return namespaced.deny.isEmpty() ? namespaced.allow : namespaced.allow.subtract(namespaced.deny);
  let allowed = ConnSet.none();
  let open = ConnSet.all();
  let passed = ConnSet.none();
  for (const rule of admin) {
    const hit = rule.ports.intersection(open);
    if (hit.isEmpty()) continue;
    open = open.subtract(hit);
    if (rule.action === 'allow') allowed = allowed.union(hit);
    else if (rule.action === 'pass') passed = passed.union(hit);
  }
  let undecided = open.union(passed);
  if (namespaced.decides)
    return allowed.union(undecided.intersection(namespaced.allow).subtract(namespaced.deny));
  for (const rule of baseline) {
    const hit = rule.ports.intersection(undecided);
    if (hit.isEmpty()) continue;
    undecided = undecided.subtract(hit);
    // A baseline Pass has no tier below it but the default: it allows.
    if (rule.action !== 'deny') allowed = allowed.union(hit);
  }
  return allowed.union(undecided);
}

/** Which tier decided one port, and by which rule (none for the namespaced tier's default deny and for default allow). */
export interface PortDecision<R> {
  allowed: boolean;
  tier: Tier | 'default';
  /** The deciding rule: the admin or baseline rule that matched first, or the namespaced deny or first allow. */
  rule?: R;
  /** The admin rule that passed the connection down, when one did. */
  passedBy?: R;
}

/**
 * The same composition for one port. `admits` says whether a rule's peer matches the other end and its ports the
 * port; `namespaced` is asked only when the admin tier leaves the port undecided, and gives the first allow and the
 * first deny that admit it.
 */
export function decidePort<R extends { action: RuleAction }>(
  admin: Iterable<R>,
  baseline: Iterable<R>,
  admits: (rule: R) => boolean,
  namespaced: () => { decides: boolean; open: boolean; allowing: R | undefined; denying: R | undefined },
): PortDecision<R> {
  let passedBy: R | undefined;
  for (const rule of admin) {
    if (!admits(rule)) continue;
    if (rule.action === 'pass') {
      passedBy = rule;
      break;
    }
    return { allowed: rule.action === 'allow', tier: 'admin', rule };
  }
  const passed = passedBy ? { passedBy } : {};
  const tier = namespaced();
  if (tier.decides) {
    const rule = tier.denying ?? tier.allowing;
    return {
      allowed: (tier.open || tier.allowing !== undefined) && tier.denying === undefined,
      tier: 'namespaced',
      ...(rule ? { rule } : {}),
      ...passed,
    };
  }
  for (const rule of baseline) {
    if (admits(rule)) return { allowed: rule.action !== 'deny', tier: 'baseline', rule, ...passed };
  }
  return { allowed: true, tier: 'default', ...passed };
}

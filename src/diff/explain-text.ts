import { hostNetworkSeenAs, type Cni } from '../model/cni.js';
import { policyName } from '../model/policy-ref.js';
import type { SourceLocation } from '../manifests/types.js';
import { dnsNamesPeer } from '../policy/fqdn.js';
import type { Decision, DecidingRule, Explanation, RuleVerdict, SideExplanation } from '../policy/types.js';

/** A denial said in one sentence, and the policy line a reviewer should look at. */
export interface DenialText {
  text: string;
  location?: SourceLocation;
}

const at = (loc: SourceLocation) => `${loc.file}:${loc.line}`;

/**
 * Turns the engine's explanation of a denied connection into the sentence reports show: which side denies it,
 * which policies isolate that side (file:line), and whether a rule came close (peer matches, port does not).
 */
export function describeDenial(explanation: Explanation, fromLabel: string, toLabel: string): DenialText {
  const parts: string[] = [];
  let location: SourceLocation | undefined;
  const sides: [SideExplanation, string][] = [
    [explanation.egress, `egress of ${fromLabel}`],
    [explanation.ingress, `ingress of ${toLabel}`],
  ];
  for (const [side, subject] of sides) {
    if (side.allowed) continue;
    const decided = side.decision?.tier === 'namespaced' ? undefined : side.decision?.rule;
    if (decided) {
      // An admin (or baseline) rule decided: the NetworkPolicies of the pod were never asked.
      parts.push(`${subject} is denied by ${describeDecidingRule(decided, side.direction)}`);
      location ??= decided.loc;
      continue;
    }
    // A namespaced deny (a Cilium policy's ingressDeny / egressDeny) beats every allow of the tier.
    const deny = side.policies
      .flatMap((p) => p.rules.map((r) => ({ policy: policyName(p.policy), rule: r })))
      .find(({ rule }) => rule.action === 'deny' && rule.peerMatches && rule.portMatches);
    if (deny) {
      parts.push(
        `${subject} is denied by ${deny.policy} ${ruleLabel(side.direction, deny.rule)} (${at(deny.rule.loc)})`,
      );
      location ??= deny.rule.loc;
      continue;
    }
    // No policy and still isolated: Cilium's `policyEnforcementMode: always` isolates every pod. The rules of a
    // Cilium policy's `specs` are one policy, named once.
    const policies =
      side.policies.length > 0
        ? [...new Set(side.policies.map((p) => `${policyName(p.policy)} (${at(p.policy.location)})`))].join(
            ', ',
          )
        : "Cilium's policyEnforcementMode: always";
    const target = side.direction === 'egress' ? `to ${toLabel}` : `from ${fromLabel}`;
    // The port is left out: every port the report lists beside this sentence is denied for the same reason.
    const rules = side.policies.flatMap((p) =>
      p.rules.map((r) => ({ policy: policyName(p.policy), rule: r })),
    );
    let sentence = `${subject} is isolated by ${policies} and no rule allows the port ${target}`;
    const nearMiss = rules.find(({ rule }) => rule.peerMatches && !rule.portMatches);
    // An address rule covering the pod's stated address is no near miss on Cilium, where it never matches a pod.
    const byAddress = rules.find(
      ({ rule }) => rule.portMatches && rule.podAddress && !rule.podAddress.matched,
    );
    // A selector on a label Cilium leaves out of the identity is no near miss either: it matches no pod there.
    const byDropped = rules.find(({ rule }) => rule.portMatches && rule.notInIdentity);
    // A toFQDNs rule allows the port to the names' addresses, which only DNS answers tell.
    const byName = rules.find(({ rule }) => rule.portMatches && rule.fqdn?.dependsOnDns);
    const otherName = rules.find(({ rule }) => rule.portMatches && rule.fqdn?.answerFor);
    // An address rule may hold the addresses of a DNS name peer, which only DNS answers give: said, not located
    // at, since it is no rule the change is about.
    const byBlocks = rules.find(({ rule }) => rule.portMatches && rule.addressesFromDns);
    // A toFQDNs rule lists the name, but the proxy never sees its DNS for these pods.
    const unseen = rules.find(({ rule }) => rule.portMatches && rule.fqdn?.withoutVisibility);
    if (byName?.rule.fqdn)
      sentence += ` (unknown: depends on DNS: ${byName.policy} ${ruleLabel(side.direction, byName.rule)} at ${at(byName.rule.loc)} allows ${dnsNamesPeer(byName.rule.fqdn.selectors)}, and no DNS answer recorded says whether this is one)`;
    else if (unseen)
      sentence += ` (${unseen.policy} ${ruleLabel(side.direction, unseen.rule)} at ${at(unseen.rule.loc)} lists it, but no DNS rule on port 53 sends these pods' DNS for it through Cilium's proxy, so the rule learns none of its addresses)`;
    else if (byBlocks?.rule.addressesFromDns)
      sentence += ` (unknown: depends on DNS: ${byBlocks.policy} ${ruleLabel(side.direction, byBlocks.rule)} at ${at(byBlocks.rule.loc)} allows ${byBlocks.rule.addressesFromDns.join(', ')}, which may or may not hold the addresses DNS answers)`;
    else if (otherName?.rule.fqdn?.answerFor)
      sentence += ` (DNS answered ${otherName.rule.fqdn.answerFor.join(', ')} with this address, which ${otherName.policy} ${ruleLabel(side.direction, otherName.rule)} at ${at(otherName.rule.loc)} does not list: it allows ${otherName.rule.fqdn.selectors.join(', ')})`;
    else if (nearMiss?.rule.namedPorts)
      sentence += ` (${nearMiss.policy} ${side.direction}[${nearMiss.rule.index}] at ${at(nearMiss.rule.loc)} matches the peer and allows named port ${nearMiss.rule.namedPorts.join(', ')}, resolved on the pod, which this repository does not hold: whether it is this port is not known here)`;
    else if (nearMiss)
      sentence += ` (${nearMiss.policy} ${side.direction}[${nearMiss.rule.index}] at ${at(nearMiss.rule.loc)} matches the peer but not the port)`;
    else if (byAddress?.rule.podAddress)
      sentence += ` (${byAddress.policy} ${ruleLabel(side.direction, byAddress.rule)} at ${at(byAddress.rule.loc)} names ${byAddress.rule.podAddress.cidr}, which covers the pod's stated address ${byAddress.rule.podAddress.address}, but on Cilium a CIDR rule or ipBlock matches no pod)`;
    else if (byDropped?.rule.notInIdentity)
      sentence += ` (${byDropped.policy} ${ruleLabel(side.direction, byDropped.rule)} at ${at(byDropped.rule.loc)} selects the pod by ${byDropped.rule.notInIdentity.join(', ')}, which Cilium's identity label filter leaves out, so it matches no pod)`;
    parts.push(sentence);
    location ??=
      byName?.rule.loc ??
      unseen?.rule.loc ??
      otherName?.rule.loc ??
      nearMiss?.rule.loc ??
      byAddress?.rule.loc ??
      byDropped?.rule.loc ??
      side.policies[0]?.policy.location;
  }
  return { text: parts.length > 0 ? parts.join('; ') : 'allowed', ...(location ? { location } : {}) };
}

/** `AdminNetworkPolicy deny-egress, priority 10, egress[2] "name" (cluster/anp.yaml:31)`: what `explain` names. */
export function describeDecidingRule(rule: DecidingRule, direction: SideExplanation['direction']): string {
  const name = rule.name ? ` "${rule.name}"` : '';
  return (
    `${rule.policy.kind} ${rule.policy.namespace ? `${rule.policy.namespace}/` : ''}${rule.policy.name}, ` +
    `priority ${rule.priority}, ${direction}[${rule.index}]${name} ${rule.action} (${at(rule.loc)})`
  );
}

/**
 * An admin or baseline rule's decision, as {@link describeDecidingRule} names it; undefined for a decision of the
 * namespaced tier or of no policy (the NetworkPolicy lines reports show say those).
 */
export function describeClusterTierDecision(decision: Decision): string | undefined {
  const { policy, priority, index, location } = decision;
  if (decision.tier === 'namespaced' || decision.tier === 'default') return undefined;
  if (!policy || priority === undefined || index === undefined || !location) return undefined;
  return describeDecidingRule(
    {
      policy,
      priority,
      index,
      action: decision.action,
      loc: location,
      ...(decision.name !== undefined ? { name: decision.name } : {}),
    },
    decision.direction,
  );
}

/** `ingress[2]`, or `ingressDeny[0]` for the deny rules of a Cilium policy (a list of their own). */
export function ruleLabel(
  direction: SideExplanation['direction'],
  rule: Pick<RuleVerdict, 'index' | 'action'>,
): string {
  return `${direction}${rule.action === 'deny' ? 'Deny' : ''}[${rule.index}]`;
}

/**
 * What a verdict about a `hostNetwork: true` pod does not say. Kubernetes leaves NetworkPolicy for such pods
 * undefined ("Network Policies", "NetworkPolicy and hostNetwork pods"); its most common implementation ignores them
 * when matching selectors and treats their traffic as the node's, so peers reach them at the node address. With
 * `cni: cilium` or `calico` the engine models that (`hostNetworkSeenAs` in `model/cni.ts`); `generic` reads the
 * policies as for any pod.
 */
export function hostNetworkCaveat(label: string, cni: Cni | undefined): string {
  const seenAs = hostNetworkSeenAs(cni);
  if (seenAs === 'pod')
    return (
      `${label} runs with hostNetwork: true: on most CNIs network policies do not apply to its traffic, which ` +
      "uses the node's address (an ipBlock of the node, not a pod selector, matches it); the verdict above reads " +
      'the policies as for any pod (set cni to cilium or calico to have it read as the node)'
    );
  return (
    `${label} runs with hostNetwork: true: with cni: ${cni} it is its node to the policies, so none isolates it ` +
    'and no pod or namespace selector matches it; ' +
    (seenAs === 'node-identity'
      ? "it is the host entity where it shares the other end's node and remote-node elsewhere, so only a rule " +
        'naming both (or cluster, all) surely matches it; Cilium host policies are not evaluated'
      : "an ipBlock holding the node's address does, which the manifests do not give: only a block of every " +
        'address is taken to hold it')
  );
}

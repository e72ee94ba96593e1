import type { Protocol, TieredPolicy, TieredRule, Workload } from '../model/types.js';
import type { Decision } from '../policy/types.js';
import { labelsSatisfying, describeWorkloads } from './helpers.js';
import { dnsPods } from './dns-egress-missing.js';
import { policyLabel, ruleLabel, subjectWorkloads, tieredPoliciesOf } from './tiered.js';
import { matchesSelector } from '../policy/selector.js';
import type { Rule, RuleContext } from './types.js';

/**
 * The pods an admin policy applies to: the known ones, or, in a tree without them (a cluster admin's repository),
 * one pod shaped by the subject in each namespace of the tree it selects.
 */
function subjectPods(ctx: RuleContext, policy: TieredPolicy): Workload[] {
  const known = subjectWorkloads(ctx.model, policy);
  if (known.length > 0) return known;
  const { namespaceSelector = {}, podSelector } = policy.subject;
  return [...ctx.model.namespaces.values()]
    .filter((namespace) => matchesSelector(namespaceSelector, namespace.labels))
    .map((namespace) => ({
      id: `${namespace.name}/Pod/selected-by-${policy.ref.name}`,
      namespace: namespace.name,
      kind: 'Pod',
      name: `(pods ${policy.ref.name} selects)`,
      labels: labelsSatisfying(podSelector),
      ports: [],
      ips: [],
      loc: policy.ref.location,
    }));
}

/**
 * An admin-tier Deny decides before any NetworkPolicy: when it matches the DNS pods, no namespaced allow can bring
 * name resolution back. Source: the network-policy-api API overview (an admin Deny cannot be overridden by
 * NetworkPolicies) and `policy/tiers.ts`; the DNS pods are those of the config's `dns:`, as for dns-egress-missing.
 */
export const adminDenyBlocksDns: Rule = {
  meta: {
    id: 'admin-deny-blocks-dns',
    severity: 'error',
    kinds: ['AdminNetworkPolicy', 'ClusterNetworkPolicy'],
    description: 'An admin-tier Deny that blocks the pods it selects from the cluster DNS pods on UDP 53.',
    rationale:
      'An AdminNetworkPolicy (or a ClusterNetworkPolicy of the Admin tier) decides before every NetworkPolicy: ' +
      'when one of its Deny rules matches the DNS pods, the pods it selects cannot resolve any name, and no ' +
      'namespace owner can allow it back. A broad Deny (every other namespace, `0.0.0.0/0`) does this ' +
      'unnoticed.',
    remediation:
      'Put an Accept (or a Pass) for the DNS pods on UDP and TCP 53 before the Deny, in the same policy or in one ' +
      'of lower priority value.',
    example: [
      'egress:',
      '  - name: allow-dns',
      '    action: Allow',
      '    to:',
      '      - pods:',
      '          namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }',
      '          podSelector: { matchLabels: { k8s-app: kube-dns } }',
      '    ports: [{ portNumber: { protocol: UDP, port: 53 } }, { portNumber: { protocol: TCP, port: 53 } }]',
      '  - name: deny-other-namespaces',
      '    action: Deny',
      '    to: [{ namespaces: {} }]',
    ].join('\n'),
  },
  check(ctx) {
    const admin = tieredPoliciesOf(ctx.model, adminDenyBlocksDns.meta.kinds).filter(
      (policy) => policy.tier === 'admin' && policy.egress.some((rule) => rule.action === 'deny'),
    );
    if (admin.length === 0) return;
    const { pods: targets, description } = dnsPods(ctx.model, ctx.config);
    const dnsIds = new Set(targets.map((target) => target.id));
    const required = ctx.config.dns.ports.filter((port) => port.protocol === 'UDP');
    const denials = new Map<TieredRule, { policy: TieredPolicy; workloads: Map<string, Workload> }>();
    // Whether an admin Deny decides depends on the admin tier alone (it is evaluated first): pods whose admin
    // policies mean the same are decided alike, once per port and target, by the narrow question (which rule
    // decides), not by explaining every rule. Keyed by the meaning itself (its hash kept by the engine's string)
    // and then the question: joining them into one key would hash the whole meaning again for every pod.
    const decisions = new Map<string, Map<string, Decision>>();
    const decide = (workload: Workload, target: Workload, protocol: Protocol, port: number) => {
      const meaning = ctx.engine.selectionMeaning(workload, 'egress', 'admin');
      let byQuestion = decisions.get(meaning);
      if (!byQuestion) decisions.set(meaning, (byQuestion = new Map()));
      const question = `${target.id} ${protocol} ${port}`;
      let decision = byQuestion.get(question);
      if (!decision) {
        decision = ctx.engine.decision('egress', { workload }, { workload: target }, protocol, port);
        byQuestion.set(question, decision);
      }
      return decision;
    };
    for (const policy of admin) {
      for (const workload of subjectPods(ctx, policy)) {
        if (dnsIds.has(workload.id)) continue;
        for (const { protocol, port } of required) {
          for (const target of targets) {
            const decision = decide(workload, target, protocol, port);
            if (decision.tier !== 'admin' || decision.action !== 'deny') continue;
            const { policy: ref, index } = decision;
            const deciding = admin.find((candidate) => candidate.ref === ref);
            const rule = deciding?.egress.find((candidate) => candidate.index === index);
            if (!deciding || !rule) continue;
            const entry = denials.get(rule) ?? { policy: deciding, workloads: new Map() };
            entry.workloads.set(workload.id, workload);
            denials.set(rule, entry);
          }
        }
      }
    }
    const ports = required.map(({ protocol, port }) => `${protocol} ${port}`).join(', ');
    for (const [rule, { policy, workloads }] of denials) {
      ctx.report({
        policy: policy.ref,
        path: rule.path,
        message:
          `${policyLabel(policy)} ${ruleLabel('egress', rule)} denies ${ports} to the DNS pods (${description}) ` +
          `for ${describeWorkloads([...workloads.values()])}: they cannot resolve names, and no NetworkPolicy can ` +
          'allow it back; accept DNS in an earlier rule',
      });
    }
  },
};

import { networkPolicyRef } from '../model/policy-ref.js';
import type { ResolvedConfig } from '../config/types.js';
import type { ClusterModel, NetworkPolicy, Protocol, Workload } from '../model/types.js';
import { namespaceLabelsOf } from '../model/build.js';
import { isEmptySelector, matchesSelector } from '../policy/selector.js';
import type { PolicyEngine } from '../policy/types.js';
import { cidrToRange, ipBlockRanges, rangesOverlap } from '../policy/ip.js';
import {
  describeWorkloads,
  formatSelector,
  labelsSatisfying,
  ruleAdmitsPort,
  shortList,
  sortedUnique,
} from './helpers.js';
import { dnsNamespaceName } from './namespaces.js';
import type { Rule, RuleContext } from './types.js';

/**
 * The DNS pods of the repository when it declares them; otherwise one synthetic pod shaped like CoreDNS (labels from
 * the config, CoreDNS's port names so named-port rules resolve).
 */
export function dnsPods(
  model: ClusterModel,
  config: ResolvedConfig,
): { pods: Workload[]; description: string } {
  const { dns } = config;
  const declared = model.workloads.filter((workload) => isDeclaredDnsPod(model, config, workload));
  if (declared.length > 0) return { pods: declared, description: describeWorkloads(declared, 2) };
  // A namespace of the repository that the DNS namespaceSelector matches, or the one the config names.
  const namespace =
    [...model.namespaces.values()].find((candidate) =>
      matchesSelector(dns.namespaceSelector, candidate.labels),
    )?.name ?? dnsNamespaceName(config);
  const synthetic: Workload = {
    id: `${namespace}/Pod/cluster-dns`,
    namespace,
    kind: 'Pod',
    name: 'cluster-dns',
    labels: labelsSatisfying(dns.podSelector),
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      { name: 'metrics', port: 9153, protocol: 'TCP' },
    ],
    ips: [],
    loc: { file: '', line: 0, column: 0 },
  };
  return {
    pods: [synthetic],
    description: `pods ${formatSelector(dns.podSelector)} in namespace ${namespace}`,
  };
}

/** Whether the config's DNS selectors take a workload of the model for one of the cluster's DNS pods. */
export function isDeclaredDnsPod(model: ClusterModel, config: ResolvedConfig, workload: Workload): boolean {
  const { dns } = config;
  return (
    matchesSelector(dns.namespaceSelector, namespaceLabelsOf(model, workload.namespace)) &&
    matchesSelector(dns.podSelector, workload.labels)
  );
}

/**
 * Whether an egress ipBlock of the workload's policies admits the port and may hold DNS pods whose IPs the manifests
 * do not state. Without configured pod CIDRs any such block is given the benefit of the doubt: better silent than wrong.
 */
function ipBlockMayReachDns(
  engine: PolicyEngine,
  workload: Workload,
  protocol: Protocol,
  port: number,
  podCidrs: readonly string[],
): boolean {
  const podRanges = podCidrs.flatMap((cidr) => cidrToRange(cidr) ?? []);
  return engine.selectingPolicies(workload, 'egress').some((policy) =>
    policy.egress.some(
      (rule) =>
        ruleAdmitsPort(rule, protocol, port) &&
        (rule.peers ?? []).some((peer) => {
          if (!peer.ipBlock) return false;
          if (podRanges.length === 0) return true;
          return ipBlockRanges(peer.ipBlock).some((admitted) =>
            podRanges.some((pods) => rangesOverlap(admitted, pods)),
          );
        }),
    ),
  );
}

function reachesDns(
  ctx: RuleContext,
  workload: Workload,
  dnsTargets: readonly Workload[],
  protocol: Protocol,
  port: number,
): boolean {
  // Only the workload's egress side: whether the DNS pods' own ingress admits it is a different question.
  return (
    dnsTargets.some((dns) =>
      ctx.engine.sideAllows('egress', { workload }, { workload: dns }, protocol, port),
    ) ||
    (dnsTargets.every((dns) => dns.ips.length === 0) &&
      ipBlockMayReachDns(ctx.engine, workload, protocol, port, ctx.config.cluster.podCidrs))
  );
}

/** Whether the admin tier denies the workload's egress to every DNS pod on the port. */
function deniedByAdmin(
  ctx: RuleContext,
  workload: Workload,
  dnsTargets: readonly Workload[],
  protocol: Protocol,
  port: number,
): boolean {
  return dnsTargets.every((dns) => {
    const { decision } = ctx.engine.explain({ workload }, { workload: dns }, protocol, port).egress;
    return decision?.tier === 'admin' && !decision.allowed;
  });
}

/** Egress isolation without DNS breaks every workload that resolves a name, which is nearly all of them. */
export const dnsEgressMissing: Rule = {
  meta: {
    id: 'dns-egress-missing',
    severity: 'error',
    kinds: ['NetworkPolicy'],
    description: 'An egress-isolated workload that no rule allows to reach the cluster DNS pods on UDP 53.',
    rationale:
      'Once a policy isolates a pod for egress, everything not allowed is dropped, DNS included. The pod can no ' +
      'longer resolve Service names: every outgoing call fails, usually as a timeout far from the policy that caused ' +
      'it. DNS also falls back to TCP 53 for large answers, so UDP alone breaks intermittently.',
    remediation:
      'Allow egress to the DNS pods on UDP and TCP 53, for the whole namespace in a separate policy so every ' +
      'isolated pod gets it. If your DNS pods carry other labels, set `dns:` in `.netpol-guard.yaml`.',
    example: [
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata:',
      '  name: allow-dns',
      '  namespace: shop',
      'spec:',
      '  podSelector: {}',
      '  policyTypes: [Egress]',
      '  egress:',
      '    - to:',
      '        - namespaceSelector:',
      '            matchLabels: { kubernetes.io/metadata.name: kube-system }',
      '          podSelector:',
      '            matchLabels: { k8s-app: kube-dns }',
      '      ports:',
      '        - { protocol: UDP, port: 53 }',
      '        - { protocol: TCP, port: 53 }',
    ].join('\n'),
  },
  check(ctx) {
    const { dns } = ctx.config;
    const { pods: targets, description: dnsDescription } = dnsPods(ctx.model, ctx.config);
    const dnsIds = new Set(targets.map((workload) => workload.id));
    const required = dns.ports.filter((port) => port.protocol === 'UDP');
    const advised = dns.ports.filter((port) => port.protocol !== 'UDP');
    // Workloads are grouped by the policy the finding points at, so one policy never carries two findings.
    const groups = new Map<
      NetworkPolicy,
      { policies: Set<NetworkPolicy>; workloads: Workload[]; advisedMissing: Set<string> }
    >();
    // Whether a pod's egress reaches the DNS pods depends only on the policies selecting it for egress: many pods
    // share them (a namespace's default deny and DNS allowance), so each set of policies is asked once per port.
    const answers = new Map<string, boolean>();
    const reaches = (
      workload: Workload,
      policies: readonly NetworkPolicy[],
      protocol: Protocol,
      port: number,
    ) => {
      const key = `${protocol} ${port}\u0000${policies.map((policy) => policy.id).join('\u0000')}`;
      let answer = answers.get(key);
      if (answer === undefined) {
        answer = reachesDns(ctx, workload, targets, protocol, port);
        answers.set(key, answer);
      }
      return answer;
    };
    for (const workload of ctx.model.workloads) {
      if (dnsIds.has(workload.id)) continue;
      const policies = ctx.engine.selectingPolicies(workload, 'egress');
      if (policies.length === 0) continue;
      if (required.every(({ protocol, port }) => reaches(workload, policies, protocol, port))) continue;
      // DNS an admin Deny cuts is admin-deny-blocks-dns's: no NetworkPolicy rule can bring it back.
      if (required.some(({ protocol, port }) => deniedByAdmin(ctx, workload, targets, protocol, port)))
        continue;
      const [isolating] = [...policies].sort(compareIsolating);
      if (!isolating) continue;
      const group = groups.get(isolating) ?? {
        policies: new Set(),
        workloads: [],
        advisedMissing: new Set(),
      };
      for (const policy of policies) group.policies.add(policy);
      group.workloads.push(workload);
      for (const { protocol, port } of advised) {
        if (!reaches(workload, policies, protocol, port)) group.advisedMissing.add(`${protocol} ${port}`);
      }
      groups.set(isolating, group);
    }
    const requiredText = required.map(({ protocol, port }) => `${protocol} ${port}`).join(', ');
    for (const [isolating, { policies, workloads, advisedMissing }] of groups) {
      const others = [...policies].filter((policy) => policy !== isolating).sort(compareIsolating);
      const alsoSelecting =
        others.length > 0
          ? ` (also selected by ${shortList(
              others.map((policy) => policy.id),
              3,
            )})`
          : '';
      const tcpNote =
        advisedMissing.size > 0
          ? `; ${sortedUnique(advisedMissing).join(', ')} is not allowed either (warning: large answers use TCP)`
          : '';
      ctx.report({
        policy: networkPolicyRef(isolating),
        path: isolating.policyTypesDeclared ? ['spec', 'policyTypes'] : ['spec', 'egress'],
        message:
          `${describeWorkloads(workloads)} cannot resolve names: ${isolating.id} isolates egress${alsoSelecting} ` +
          `and no rule allows ${requiredText} to the DNS pods (${dnsDescription})${tcpNote}`,
        related: others.map((policy) => ({
          ...policy.loc,
          message: `also selects these pods for egress: ${policy.id}`,
        })),
      });
    }
  },
};

/** Which policy a finding points at: a namespace-wide one (the default deny) first, then file order. */
function compareIsolating(a: NetworkPolicy, b: NetworkPolicy): number {
  const wide = Number(isEmptySelector(b.podSelector)) - Number(isEmptySelector(a.podSelector));
  return wide || (a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : a.loc.line - b.loc.line);
}

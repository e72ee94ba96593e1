import { networkPolicyRef } from '../model/policy-ref.js';
import type { ResolvedConfig } from '../config/types.js';
import type {
  ClusterModel,
  NetworkPolicy,
  PolicyRef,
  Protocol,
  TieredPolicy,
  Workload,
} from '../model/types.js';
import type { FieldPath, SourceLocation } from '../manifests/types.js';
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
import { CILIUM_KINDS, isolates, sectionPath, tieredSelecting } from './cilium.js';
import { policyLabel } from './tiered.js';
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

/**
 * A policy that selects a workload for egress: a NetworkPolicy, or a Cilium policy (one rule of `spec`/`specs`) with
 * egress rules, which Cilium composes with NetworkPolicies into one tier (`policy/tiers.ts`).
 */
type EgressPolicy = { network: NetworkPolicy } | { cilium: TieredPolicy };

/** How findings and messages name and place a policy. */
function describe(policy: EgressPolicy): {
  ref: PolicyRef;
  label: string;
  path: FieldPath;
  loc: SourceLocation;
  wide: boolean;
  isolating: boolean;
} {
  if ('network' in policy) {
    const { network } = policy;
    return {
      ref: networkPolicyRef(network),
      label: network.id,
      path: network.policyTypesDeclared ? ['spec', 'policyTypes'] : ['spec', 'egress'],
      loc: network.loc,
      wide: isEmptySelector(network.podSelector),
      isolating: true,
    };
  }
  const { cilium } = policy;
  const [section] = [
    ...cilium.egress.filter((rule) => rule.action === 'allow'),
    ...cilium.egress.filter((rule) => rule.action === 'deny'),
  ];
  return {
    ref: cilium.ref,
    label: policyLabel(cilium),
    path: section ? sectionPath(section) : ['spec'],
    loc: cilium.ref.location,
    wide: isEmptySelector(cilium.subject.podSelector),
    isolating: isolates(cilium, 'egress'),
  };
}

/** Egress isolation without DNS breaks every workload that resolves a name, which is nearly all of them. */
export const dnsEgressMissing: Rule = {
  meta: {
    id: 'dns-egress-missing',
    severity: 'error',
    kinds: ['NetworkPolicy', ...CILIUM_KINDS],
    description: 'An egress-isolated workload that no rule allows to reach the cluster DNS pods on UDP 53.',
    rationale:
      'Once a policy isolates a pod for egress, everything not allowed is dropped, DNS included. The pod can no ' +
      'longer resolve Service names: every outgoing call fails, usually as a timeout far from the policy that caused ' +
      'it. DNS also falls back to TCP 53 for large answers, so UDP alone breaks intermittently. Cilium policies count ' +
      'as Cilium composes them: `toEndpoints` on the DNS pods (`k8s:k8s-app: kube-dns` in `kube-system`), ' +
      '`toEntities: [cluster]` or `[all]`, a `toPorts` rule on port 53 (with or without DNS L7 rules) allow it.',
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
    // Which Cilium policies select each pod, worked out if some pod lacks DNS.
    let ciliumSelecting: ReturnType<typeof tieredSelecting> | undefined;
    // Workloads are grouped by the policy the finding points at, so one policy never carries two findings.
    const groups = new Map<
      NetworkPolicy | TieredPolicy,
      {
        isolating: EgressPolicy;
        policies: Map<NetworkPolicy | TieredPolicy, EgressPolicy>;
        workloads: Workload[];
        advisedMissing: Set<string>;
      }
    >();
    // Whether a pod's egress reaches the DNS pods depends only on what its egress policies of every tier mean: many
    // pods share that (a namespace's default deny and DNS allowance), so each meaning is asked once per port. Keyed
    // by the meaning itself (its hash kept by the engine's string), then the port.
    const answers = new Map<string, Map<string, boolean>>();
    const reaches = (workload: Workload, protocol: Protocol, port: number) => {
      const meaning = ctx.engine.selectionMeaning(workload, 'egress');
      let byPort = answers.get(meaning);
      if (!byPort) answers.set(meaning, (byPort = new Map()));
      const question = `${protocol} ${port}`;
      let answer = byPort.get(question);
      if (answer === undefined) {
        answer = reachesDns(ctx, workload, targets, protocol, port);
        byPort.set(question, answer);
      }
      return answer;
    };
    for (const workload of ctx.model.workloads) {
      if (dnsIds.has(workload.id) || !ctx.engine.isIsolated(workload, 'egress')) continue;
      if (required.every(({ protocol, port }) => reaches(workload, protocol, port))) continue;
      // Listed only for the few pods that lose DNS: most of a large cluster's reach it.
      const policies: EgressPolicy[] = [
        ...ctx.engine.selectingPolicies(workload, 'egress').map((network) => ({ network })),
        ...((ciliumSelecting ??= tieredSelecting(ctx.model, 'egress')).get(workload) ?? [])
          .filter((cilium) => CILIUM_KINDS.includes(cilium.ref.kind))
          .map((cilium) => ({ cilium })),
      ];
      if (policies.length === 0) continue;
      // DNS an admin Deny cuts is admin-deny-blocks-dns's: no NetworkPolicy rule can bring it back.
      if (required.some(({ protocol, port }) => deniedByAdmin(ctx, workload, targets, protocol, port)))
        continue;
      const [isolating] = [...policies].sort(compareIsolating);
      if (!isolating) continue;
      const own = 'network' in isolating ? isolating.network : isolating.cilium;
      const group = groups.get(own) ?? {
        isolating,
        policies: new Map(),
        workloads: [] as Workload[],
        advisedMissing: new Set<string>(),
      };
      for (const policy of policies)
        group.policies.set('network' in policy ? policy.network : policy.cilium, policy);
      group.workloads.push(workload);
      for (const { protocol, port } of advised) {
        if (!reaches(workload, protocol, port)) group.advisedMissing.add(`${protocol} ${port}`);
      }
      groups.set(own, group);
    }
    const requiredText = required.map(({ protocol, port }) => `${protocol} ${port}`).join(', ');
    for (const [own, { isolating, policies, workloads, advisedMissing }] of groups) {
      const finding = describe(isolating);
      // A Cilium policy's other rules (`specs`) are the same object: named once, as the finding's.
      const seen = new Set([finding.label]);
      const others = [...policies.entries()]
        .filter(([policy]) => policy !== own)
        .map(([, policy]) => policy)
        .sort(compareIsolating)
        .map(describe)
        .filter((other) => !seen.has(other.label) && seen.add(other.label));
      const alsoSelecting =
        others.length > 0
          ? ` (also selected by ${shortList(
              others.map((other) => other.label),
              3,
            )})`
          : '';
      const tcpNote =
        advisedMissing.size > 0
          ? `; ${sortedUnique(advisedMissing).join(', ')} is not allowed either (warning: large answers use TCP)`
          : '';
      ctx.report({
        policy: finding.ref,
        path: finding.path,
        message:
          `${describeWorkloads(workloads)} cannot resolve names: ${finding.label} isolates egress${alsoSelecting} ` +
          `and no rule allows ${requiredText} to the DNS pods (${dnsDescription})${tcpNote}`,
        related: others.map((other) => ({
          ...other.loc,
          message: `also selects these pods for egress: ${other.label}`,
        })),
      });
    }
  },
};

/**
 * Which policy a finding points at: one that isolates (a Cilium policy may opt out), then a namespace-wide one (the
 * default deny), then file order.
 */
function compareIsolating(a: EgressPolicy, b: EgressPolicy): number {
  const [left, right] = [describe(a), describe(b)];
  const isolating = Number(right.isolating) - Number(left.isolating);
  const wide = Number(right.wide) - Number(left.wide);
  return (
    isolating ||
    wide ||
    (left.loc.file < right.loc.file
      ? -1
      : left.loc.file > right.loc.file
        ? 1
        : left.loc.line - right.loc.line)
  );
}

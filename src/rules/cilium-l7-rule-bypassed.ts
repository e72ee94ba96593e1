import type { ResolvedConfig } from '../config/types.js';
import type { SourceLocation } from '../manifests/types.js';
import { NAMESPACE_NAME_LABEL } from '../model/build.js';
import type { Cni } from '../model/cni.js';
import type {
  L7Rules,
  NetworkPolicy,
  PolicyPeer,
  TieredPolicy,
  TieredPort,
  TieredRule,
} from '../model/types.js';
import { l7Restricts } from '../policy/l7.js';
import type { PolicyEngine } from '../policy/types.js';
import type { Direction } from '../policy/types.js';
import { DIRECTIONS } from './helpers.js';
import { ciliumPolicies, CILIUM_KINDS, tieredSelecting } from './cilium.js';
import { peersOverlap, policyLabel, portsOverlap, rulePeers, subjectWorkloads } from './tiered.js';
import type { Rule } from './types.js';

/** Whether two peers can be the same pod or address (a Cilium CIDR rule never holds a pod). */
function overlap(a: PolicyPeer, b: PolicyPeer, config: ResolvedConfig): boolean {
  if ((a.addressesOnly && !b.ipBlock) || (b.addressesOnly && !a.ipBlock)) return false;
  return peersOverlap(a, b, config);
}

const PARSER_NAMES: Readonly<Record<L7Rules['protocol'], string>> = {
  http: 'HTTP',
  kafka: 'Kafka',
  dns: 'DNS',
  l7proto: 'L7',
};

/** A rule that may allow the port without L7 rules, and how a message names where it is. */
interface Bypass {
  rule: TieredRule;
  /** Empty for a rule of the policy itself. */
  policyLabel: string;
  loc: SourceLocation;
}

/**
 * Cilium merges the rules that select a pod port by port: "If a layer 4 rule is specified in the policy, and a similar
 * layer 4 rule with layer 7 rules is also specified, then the layer 7 portions of the latter rule will have no
 * effect" (Documentation/security/policy/layer7.rst). An L3-only or L4-only allow for the same port and an overlapping
 * peer wildcards the L7 rules for that peer (pkg/policy/rule.go, wildcardL3L4Rule): its requests pass unfiltered.
 * Judged within a policy, and across policies that select the same pods of the tree.
 */
export const ciliumL7RuleBypassed: Rule = {
  meta: {
    id: 'cilium-l7-rule-bypassed',
    severity: 'warning',
    kinds: CILIUM_KINDS,
    description:
      'An L7 rule (`toPorts[].rules`: http, kafka, dns) that another allow of the same pods makes ineffective: an L3/L4 rule without L7 for the same port and an overlapping peer.',
    rationale:
      'Cilium filters a port at L7 only for the peers no L3/L4-only rule allows on it. Where a rule allows the same ' +
      "port (or every port) to an overlapping peer without L7 rules, Cilium lets that peer's requests through " +
      'unfiltered: `GET /public` only, written for the frontend, means every method and path once another rule ' +
      'allows the frontend on port 80. The policy reads as filtered and is not.',
    remediation:
      'Remove the L3/L4-only allow for that port, narrow its peers so they no longer overlap, or give it the same ' +
      'L7 rules.',
    example: [
      'ingress:',
      '  - fromEndpoints: [{ matchLabels: { app: frontend } }]',
      '    toPorts:',
      '      - ports: [{ port: "80", protocol: TCP }]',
      '        rules:',
      '          http: [{ method: GET, path: /public }]',
      '  # not also: - fromEndpoints: [{ matchLabels: { app: frontend } }]   (every port, unfiltered)',
    ].join('\n'),
  },
  check(ctx) {
    for (const policy of ciliumPolicies(ctx.model)) {
      for (const direction of DIRECTIONS) {
        // One finding per toPorts item: its ports share one L7 rule set.
        const filtering = policy[direction].flatMap((rule) => {
          if (rule.action !== 'allow') return [];
          const filtered = new Map<L7Rules, TieredPort[]>();
          for (const port of rule.ports ?? []) {
            if (port.l7 && l7Restricts(port.l7))
              filtered.set(port.l7, [...(filtered.get(port.l7) ?? []), port]);
          }
          return filtered.size > 0 ? [{ rule, filtered }] : [];
        });
        // The other policies of the same pods are looked up only where an L7 rule filters (few policies do).
        if (filtering.length === 0) continue;
        const candidates: Bypass[] = [
          ...policy[direction].map((candidate) => ({
            rule: candidate,
            policyLabel: '',
            loc: policy.locate(candidate.path),
          })),
          ...sharing(ctx.engine, policy, direction),
        ];
        for (const { rule, filtered } of filtering) {
          for (const [l7, ports] of filtered) {
            const bypass = candidates.find((candidate) => bypasses(candidate, rule, ports, ctx.config));
            if (!bypass) continue;
            const where = `${bypass.policyLabel ? `${bypass.policyLabel} ` : ''}${direction}[${bypass.rule.index}]`;
            ctx.report({
              policy: policy.ref,
              path: l7.path,
              message:
                `${policyLabel(policy)} ${direction}[${rule.index}] filters ${PARSER_NAMES[l7.protocol]} on ` +
                `${portText(ports)}, but ${where} allows the same port to an overlapping peer without L7 rules: ` +
                "Cilium lets that peer's requests through unfiltered, so these L7 rules do not apply to it",
              related: [{ ...bypass.loc, message: `the L3/L4-only allow: ${where}` }],
            });
          }
        }
      }
    }
  },
};

/** Whether `candidate` allows a port of `ports` to a peer of `rule` with no L7 rules. */
function bypasses(
  candidate: Bypass,
  rule: TieredRule,
  ports: readonly TieredPort[],
  config: ResolvedConfig,
): boolean {
  if (candidate.rule.action !== 'allow' || candidate.rule.empty) return false;
  const plain = candidate.rule.ports?.filter((port) => !port.l7);
  if (plain !== undefined && plain.length === 0) return false;
  if (!portsOverlap(plain, ports)) return false;
  return rulePeers(candidate.rule).some((peer) =>
    rulePeers(rule).some((other) => overlap(peer, other, config)),
  );
}

/**
 * The rules of the other policies that select a pod of the tree the policy selects, in the direction: Cilium
 * policies, and NetworkPolicies, which Cilium merges with them port by port (their rules never carry L7 rules).
 */
function sharing(engine: PolicyEngine, policy: TieredPolicy, direction: Direction): Bypass[] {
  const { model } = engine;
  const selecting = tieredSelecting(model, direction);
  const cilium = new Set<TieredPolicy>();
  const network = new Set<NetworkPolicy>();
  for (const workload of subjectWorkloads(model, policy)) {
    for (const other of selecting.get(workload) ?? []) {
      if (other !== policy && CILIUM_KINDS.includes(other.ref.kind)) cilium.add(other);
    }
    for (const other of engine.selectingPolicies(workload, direction)) network.add(other);
  }
  return [
    ...[...cilium].flatMap((other) =>
      other[direction].map((rule) => ({
        rule,
        policyLabel: policyLabel(other),
        loc: other.locate(rule.path),
      })),
    ),
    ...[...network].flatMap((other) =>
      networkRules(other, direction, model.cni).map((rule) => ({
        rule,
        policyLabel: `NetworkPolicy ${other.id}`,
        loc: other.locate(rule.path),
      })),
    ),
  ];
}

/** A NetworkPolicy's rules as allow rules of the tiered form, their peers with the namespace they imply. */
function networkRules(policy: NetworkPolicy, direction: Direction, cni: Cni | undefined): TieredRule[] {
  const peer = (written: PolicyPeer): PolicyPeer =>
    written.ipBlock
      ? { ...written, ...(cni === 'cilium' ? { addressesOnly: true as const } : {}) }
      : {
          namespaceSelector: written.namespaceSelector ?? {
            matchLabels: { [NAMESPACE_NAME_LABEL]: policy.namespace },
          },
          podSelector: written.podSelector ?? {},
          path: written.path,
        };
  return policy[direction].map((rule, index) => ({
    action: 'allow',
    index,
    ...(rule.peers ? { peers: rule.peers.map(peer) } : {}),
    ...(rule.ports ? { ports: rule.ports } : {}),
    path: rule.path,
  }));
}

function portText(ports: readonly TieredPort[]): string {
  const named = ports.map((port) => {
    const number =
      port.port === undefined
        ? 'every port'
        : port.endPort !== undefined
          ? `${port.port}-${port.endPort}`
          : `${port.port}`;
    return port.protocol ? `${port.protocol}/${number}` : number;
  });
  return [...new Set(named)].join(', ');
}

import type { FieldPath, SourceLocation } from '../manifests/types.js';
import type {
  ClusterModel,
  Namespace,
  L7Rules,
  NetworkPolicy,
  PolicyPeer,
  PolicyRef,
  Protocol,
  RuleAction,
  Tier,
  Workload,
} from '../model/types.js';
import type { Cni } from '../model/cni.js';
import type { ConnSet } from './portset.js';

/**
 * The addresses DNS answers gave each name (lower case, without the trailing dot): what Cilium's DNS proxy learnt, so
 * what a `toFQDNs` rule allows. The check gives the engine those the recorded flows hold (Hubble L7 DNS answers).
 */
export type DnsAnswers = ReadonlyMap<string, readonly string[]>;

/** What an engine is made with besides the model. */
export interface EngineOptions {
  /** DNS answers for `toFQDNs`; without them a toFQDNs rule matches no address, which `explain` says depends on DNS. */
  dns?: DnsAnswers;
}

/** Inclusive port range `[lo, hi]`, 1..65535. */
export type PortRange = [number, number];

/** A workload as it appears in reports and JSON: `{namespace, kind, name}`. */
export interface WorkloadPeer {
  namespace: string;
  kind: string;
  name: string;
  /** For a representative peer (pods the tree does not show): what it stands for, as reports print it. */
  representative?: string;
}
/** An external address block, always a valid CIDR (IPv4 or IPv6). */
export interface CidrPeer {
  cidr: string;
  /** Diff rows only: addresses of `cidr` left out, as in an ipBlock (a change that spares a few blocks of a wide one). */
  except?: string[];
}
export type Peer = WorkloadPeer | CidrPeer;

/** One allowed (from, to, protocol) with its ports; the `reach` JSON contract. */
export interface Connection {
  from: Peer;
  to: Peer;
  protocol: Protocol;
  ports: PortRange[];
  /**
   * Named ports allowed besides `ports`, towards a representative peer whose pods the tree does not show: which
   * number a name means is resolved on the pod (issue 17 item 6). Sorted; absent when none.
   */
  namedPorts?: string[];
  /**
   * Ports of `ports` a Cilium proxy filters at L7 (issue 18): allowed at L3/L4, each request passes only when an L7
   * rule of each filtering side matches it. In port order; absent when no port is filtered.
   */
  l7?: FilteredPorts[];
}

/** One L7 rule a Cilium proxy filters a connection by: a request passes a side when one of its rules matches. */
export interface L7Rule {
  parser: L7Rules['protocol'];
  /** The rule as written (`{method: GET, path: /api/.*}`). */
  rule: Readonly<Record<string, unknown>>;
  policy: PolicyRef;
  /** Where the rule item is written. */
  location: SourceLocation;
}

/**
 * The L7 filters of an allowed connection on one port: the source's egress proxy and the destination's ingress
 * proxy, each absent when it passes every request. A request passes when it passes both.
 */
export interface L7Filter {
  egress?: L7Rule[];
  ingress?: L7Rule[];
}

/** A request an L7 proxy saw (a Hubble L7 record), as L7 rules are matched against it. */
export type L7Request =
  | {
      parser: 'http';
      method: string;
      /** Without query string. */
      path: string;
      /** The URL's authority, when the record gives one. */
      host?: string;
      /** The request had a query string, which the record leaves out of `path`. */
      withQuery?: boolean;
    }
  | { parser: 'dns'; query: string };

/** How an L7 filter judges one request: whether it passes, which side refuses it, what could not be checked. */
export interface L7Judgement {
  allowed: boolean;
  /** When refused: the side none of whose rules matches the request, and those rules. */
  refusedBy?: { direction: Direction; rules: L7Rule[] };
  /**
   * What the rules check that the record does not carry (`headers`, `host`, `the query string`): taken to match,
   * so the request is only partly checked. Absent when everything was checked.
   */
  unchecked?: string[];
}

/** Ports of a connection with the one L7 filter they share. */
export interface FilteredPorts extends L7Filter {
  ports: PortRange[];
}

/**
 * Part of the connectivity, by workload id: every connection of the `sources` (to workloads and to external
 * blocks) and every connection to the `destinations` (from workloads and from external blocks).
 */
export interface ConnectionScope {
  sources: ReadonlySet<string>;
  destinations: ReadonlySet<string>;
}

/** What an engine question is about: a workload of the model, or an IP address. */
export type Endpoint = { workload: Workload } | { ip: string };

export type Direction = 'ingress' | 'egress';

/** How one rule of one policy relates to a question: does its peer match, does its port match. */
export interface RuleVerdict {
  /** Index in `spec.ingress` / `spec.egress`. */
  index: number;
  loc: SourceLocation;
  peerMatches: boolean;
  portMatches: boolean;
  /** What the rule does when it matches; given for the rules of admin and baseline policies and for denies. */
  action?: RuleAction;
  /** The rule's `name`, for kinds that name rules. */
  name?: string;
  /**
   * The rule's named ports when the destination is a representative (pods outside the tree): whether the port asked
   * about is one of them is resolved on the pod, so `portMatches` is false for want of a number, not by the rule.
   */
  namedPorts?: string[];
  /**
   * Set when an address peer of the rule (ipBlock, CIDR) covers an address the tree states for the pod at the other
   * end: whether it matches the pod by it, which depends on the CNI (`policy/compile.ts`).
   */
  podAddress?: { cidr: string; address: string; matched: boolean; cni: Cni };
  /**
   * Under `cni: cilium`, set when a selector peer of the rule would match the pod at the other end by its labels but
   * does not by Cilium's identity of it: the labels the selector requires that Cilium's label filter leaves out
   * (`policy/identity.ts`).
   */
  notInIdentity?: string[];
  /**
   * Set for a Cilium `toFQDNs` rule: the names it lists; the name whose DNS answer gave the address asked about, when
   * it allows it so (`answeredBy`); the names DNS answered the address for otherwise, none of which the rule
   * learns (`answerFor`); whether its verdict on the address depends on DNS: no answer the engine was given
   * names it (`dependsOnDns`); and towards a DNS name peer, whether it lists the name without DNS visibility.
   */
  fqdn?: {
    selectors: string[];
    answeredBy?: string;
    answerFor?: string[];
    dependsOnDns: boolean;
    /**
     * Towards a DNS name peer an item of the rule covers: no DNS rule on port 53 lets the proxy answer it for these
     * pods, so Cilium learns none of its addresses and the rule allows none (DNS visibility).
     */
    withoutVisibility?: true;
  };
  /**
   * Set on a rule with address peers (CIDR, ipBlock) that do not match the DNS name peer at the other end
   * (`policy/fqdn.ts`): whether they hold the addresses DNS answers for it is unknown, since only a rule holding
   * every address surely does (the verdict depends on DNS). The blocks, as written.
   */
  addressesFromDns?: string[];
}

/** One policy that applies to a side, and how each of its rules relates to the question. */
export interface PolicyVerdict {
  /** The policy by kind, namespace (none for a cluster-scoped one), name and where it is written, as `DecidingRule`. */
  policy: PolicyRef;
  /** Given for admin and baseline policies. */
  tier?: Tier;
  priority?: number;
  rules: RuleVerdict[];
}

/** The rule a tier decided by, as `explain` names it. */
export interface DecidingRule {
  policy: PolicyRef;
  priority: number;
  index: number;
  name?: string;
  action: RuleAction;
  loc: SourceLocation;
}

/** Which tier decided a side, by which rule, and whether an admin Pass sent it down (see `tiers.ts`). */
export interface TierDecision {
  tier: Tier | 'default';
  allowed: boolean;
  rule?: DecidingRule;
  passedBy?: DecidingRule;
}

/** One side of a connection: the source's egress or the destination's ingress. */
export interface SideExplanation {
  direction: Direction;
  /** False for an IP endpoint (policies do not apply to it) or a pod that no policy isolates. */
  isolated: boolean;
  allowed: boolean;
  /** Every namespaced policy (NetworkPolicy) that selects the pod for this direction, with its rules. */
  policies: PolicyVerdict[];
  /** Set when admin or baseline policies select the pod: those policies in evaluation order, with their rules. */
  tiered?: PolicyVerdict[];
  /** Set with `tiered`: the tier and rule that decided. */
  decision?: TierDecision;
  /**
   * Set on an isolated ingress whose other end is the pod's local host (a Cilium entity): Cilium lets it through
   * whatever the allows say (`allow-localhost`), so only a deny stops it.
   */
  localHost?: true;
}

export interface Explanation {
  allowed: boolean;
  protocol: Protocol;
  port: number;
  egress: SideExplanation;
  ingress: SideExplanation;
  /** Set when the connection is allowed and a Cilium proxy filters it at L7 (see {@link L7Filter}). */
  l7?: L7Filter;
}

/** A rule of a policy, by its index in the policy's `ingress` or `egress` list. */
/**
 * An allow rule that lets a connection through, of a policy of any kind of the namespaced tier (NetworkPolicy,
 * CiliumNetworkPolicy, CiliumClusterwideNetworkPolicy): the policy, the rule's index in its direction's list and
 * its field path (which tells a Cilium policy's `specs[n]` apart).
 */
export interface AdmittingRule {
  policy: PolicyRef;
  index: number;
  path: FieldPath;
}

/**
 * What decided one direction of a connection on one side: the tier, the policy, and the rule with its action; the
 * JSON report's `decidedBy`. Without a policy, nothing decided and the connection is allowed by default (no policy
 * applies, or every admin rule passed it down and nothing below matched). A policy without a rule isolates the pod
 * and none of its rules admits the connection (`action` deny), or applies without isolating (allow).
 */
export interface Decision {
  direction: Direction;
  tier: Tier | 'default';
  action: RuleAction;
  policy?: PolicyRef;
  /** The policy's priority in an admin or baseline tier. */
  priority?: number;
  /** Index in the policy's `ingress` / `egress` list (`ingressDeny` / `egressDeny` for a Cilium deny). */
  index?: number;
  /** The rule's `name`, for kinds that name rules. */
  name?: string;
  path?: FieldPath;
  /** Where the rule is written. */
  location?: SourceLocation;
  /**
   * The peer item of the deciding rule that matched the other end (the first one, as written), where it is written:
   * what the rule names that end by (`namespaceSelector: {}` is every pod of every namespace). Absent when the rule
   * names no peer (it matches every pod and address) or no rule decided.
   */
  peer?: DecidingPeer;
}

/** A rule's peer item with where it is written (see {@link Decision.peer}). */
export type DecidingPeer = PolicyPeer & { location: SourceLocation };

/**
 * The semantics engine over one ClusterModel (created by `createEngine(model)` in `engine.ts`).
 * Every question is answered exactly as Kubernetes defines NetworkPolicy; selectors are compiled once.
 */
export interface PolicyEngine {
  readonly model: ClusterModel;
  /** Pods (workloads) the policy's podSelector selects, in the policy's namespace. */
  policyWorkloads(policy: NetworkPolicy): Workload[];
  /** Policies that select the workload and list the direction in their (effective) types. */
  selectingPolicies(workload: Workload, direction: Direction): NetworkPolicy[];
  isIsolated(workload: Workload, direction: Direction): boolean;
  /**
   * What the policies of every tier that apply to the workload in `direction` mean together, as text: equal on two
   * engines exactly when they decide that direction alike for any other end (see `CompiledPolicy.meaning`). With
   * `tier`, what that tier's policies mean: equal when that tier decides alike (an admin Deny, say).
   */
  selectionMeaning(workload: Workload, direction: Direction, tier?: Tier): string;
  /**
   * Whether the workload's `direction` here allows, with every other pod and address, at least the ports it allows in
   * `other` (an engine made like this one, or this one like it, over the same workloads). False when that cannot be
   * told from the rules alone (other cluster policies apply, named ports of every destination, a representative):
   * then it may not.
   */
  allowsAtLeast(other: PolicyEngine, workload: Workload, direction: Direction): boolean;
  /** Workloads one peer item of `policy` matches (podSelector alone = the policy's own namespace; ipBlock = pods with a stated IP inside it). */
  peerWorkloads(policy: NetworkPolicy, peer: PolicyPeer): readonly Workload[];
  /** Namespaces one peer item matches (the policy's own namespace for podSelector alone; none for ipBlock). */
  peerNamespaces(policy: NetworkPolicy, peer: PolicyPeer): Namespace[];
  /** Every port allowed from `from` to `to`: egress at the source AND ingress at the destination. */
  allowedPorts(from: Endpoint, to: Endpoint): ConnSet;
  isAllowed(from: Endpoint, to: Endpoint, protocol: Protocol, port: number): boolean;
  /**
   * One side of `isAllowed`: whether the source's egress (`subject` = source) or the destination's ingress
   * (`subject` = destination) lets the connection through; `other` is the other end.
   */
  sideAllows(
    direction: Direction,
    subject: Endpoint,
    other: Endpoint,
    protocol: Protocol,
    port: number,
  ): boolean;
  explain(from: Endpoint, to: Endpoint, protocol: Protocol, port: number): Explanation;
  /**
   * Where the rule that lets a connection through is written: the first of the destination's ingress rules that
   * admits it when its ingress is isolated, else of the source's egress rules; undefined when no isolated side has
   * such a rule. What `explain` would show first, without explaining every rule.
   */
  allowingRule(from: Endpoint, to: Endpoint, protocol: Protocol, port: number): SourceLocation | undefined;
  /**
   * Every allow rule, in policy and rule order, of the namespaced-tier policies of every kind selecting `subject`
   * in `direction` that lets the connection through (its peer matches `other` and it admits the port); none when
   * that tier does not decide there. The rules `explain` shows as matching both peer and port, without explaining the others.
   */
  admittingRules(
    direction: Direction,
    subject: Endpoint,
    other: Endpoint,
    protocol: Protocol,
    port: number,
  ): AdmittingRule[];
  /** Which tier, policy and rule decide one side of a connection (see {@link Decision}). */
  decision(
    direction: Direction,
    subject: Endpoint,
    other: Endpoint,
    protocol: Protocol,
    port: number,
  ): Decision;
  /**
   * The L7 filter on an allowed connection's port: the L7 rules of the allows that admit it on each side, merged as
   * Cilium merges them (`policy/l7.ts`); undefined when the connection is denied or no side filters it.
   */
  l7Filter(from: Endpoint, to: Endpoint, protocol: Protocol, port: number): L7Filter | undefined;
  /** All allowed connections between workloads and to/from external blocks (see README "reach JSON"). */
  connectivity(): Connection[];
  /**
   * `connectivity()` one connection at a time, so a caller that compares or counts never holds them all; with a
   * scope, only the connections it names. Report order: by source (`compareWorkloads`), each source's workload
   * destinations (`compareWorkloads`, then protocol name) and then its external blocks; last, the connections from
   * external blocks.
   */
  connections(scope?: ConnectionScope): Iterable<Connection>;
}

import type { FieldPath, SourceLocation } from '../manifests/types.js';
import type {
  ContainerPort,
  FqdnMatch,
  FqdnSelector,
  L7Rules,
  Labels,
  NetworkPolicy,
  NodeEntity,
  PolicyPeer,
  PolicyRef,
  Protocol,
  RuleAction,
  Tier,
  TieredPolicy,
  TieredPort,
} from '../model/types.js';
import { pushTo } from '../collections.js';
import { coversDnsName, dnsRulesAllow } from './fqdn.js';
import { CILIUM_KINDS } from '../model/cni.js';
import { l7Restricts } from './l7.js';
import { fullRange, ipBlockRanges, rangeContains, type IpRange } from './ip.js';
import { ConnSet } from './portset.js';
import { compileSelector, isEmptySelector } from './selector.js';
import type { Direction } from './types.js';

/** What a peer or a policy needs to know about a pod: where it runs, its labels, its ports and its stated IPs. */
export interface PodFacts {
  namespace: string;
  namespaceLabels: Labels;
  /**
   * The labels NetworkPolicy and the other Kubernetes kinds select: the pod's own, or under `cni: cilium` Cilium's
   * identity of it (`ciliumLabels`, the same object), since Cilium enforces them as rules of its own.
   */
  labels: Labels;
  /** The labels Cilium's own policies select: its identity of the pod (`identity.ts`). */
  ciliumLabels: Labels;
  ports: readonly ContainerPort[];
  ips: readonly IpRange[];
  /**
   * A `hostNetwork: true` pod on a CNI where it is the node (`hostNetworkSeenAs` in `model/cni.ts`), or a Cilium
   * entity (`entities`): `outside` for one outside the cluster, which address rules match by its `ips`.
   */
  unpoliced?: 'node-address' | 'node-identity' | 'outside';
  /** A Cilium entity's reserved identities (`policy/entities.ts`); absent for a pod, even one that is its node. */
  entities?: readonly NodeEntity[];
  /** A DNS name peer's name or pattern (`policy/fqdn.ts`), with `unpoliced` `outside` and no address. */
  dnsName?: FqdnMatch;
}

/**
 * Which pods an address peer (ipBlock, CIDR rule) matches by their stated addresses, as the CNI decides
 * (`model/cni.ts`): every pod (`pods`: the upstream reading of ipBlock), none (`none`: Cilium, whose CIDR rules and
 * ipBlocks match no endpoint of the cluster), or only pods on the host network, whose addresses are their nodes'
 * (`nodes`: Cilium with `policyCIDRMatchMode: [nodes]`).
 */
export type AddressMatch = 'pods' | 'none' | 'nodes';

/** The other end of a connection as a rule sees it: a pod, or an address outside the cluster's pods. */
export type PeerFacts = { pod: PodFacts } | { address: IpRange | undefined };

/** One `from`/`to` item, compiled. */
export interface CompiledPeer {
  peer: PolicyPeer;
  matches(facts: PeerFacts): boolean;
  /** For selector peers: whether pods of a namespace may match at all (ipBlock peers: never). */
  matchesNamespace(namespace: string, labels: Labels): boolean;
  /** For ipBlock peers: the addresses admitted (CIDR minus exceptions). Empty for selector peers. */
  ipRanges: readonly IpRange[];
  /** Same key for peers that match the same pods, so their matches are computed once per engine. */
  key: string;
  /** Same key for peers that look in the same namespaces (the namespace part of `key`). */
  namespaceKey: string;
  /** Set when the peer can match pods of this one namespace only (a podSelector alone: the policy's own). */
  onlyNamespace?: string;
  /**
   * Whether it may match DNS name peers (`policy/fqdn.ts`): a toFQDNs item, or an address peer holding every address
   * of its family in a rule that holds every address of both.
   */
  dnsNames?: true;
}

/** The `ports` of a rule, compiled: fixed ranges plus named ports that depend on the destination pod. */
export interface CompiledPorts {
  /** True when some port is named, so the result depends on the destination's container ports. */
  hasNamed: boolean;
  /**
   * The named ports as written (a protocol only where the rule states one): what a rule allows towards pods the
   * tree does not show, whose container ports are unknown (representatives).
   */
  names?: readonly { name: string; protocol?: Protocol }[];
  /** The ports allowed towards a destination (a pod's container ports; undefined for an IP address). */
  resolve(destinationPorts: readonly ContainerPort[] | undefined): ConnSet;
}

export interface CompiledRule {
  action: RuleAction;
  /** Index in the policy's `ingress` / `egress` list. */
  index: number;
  /** The rule's `name`, for kinds that name rules. */
  name?: string;
  path: FieldPath;
  /** Undefined when the rule names no peer: every pod and every address. */
  peers?: readonly CompiledPeer[];
  ports: CompiledPorts;
  /** Set when some `toPorts` item of the rule has L7 rules that refuse some request (Cilium, `policy/l7.ts`). */
  l7?: CompiledL7;
  /** Cilium `toFQDNs`: the names the rule lists (the addresses DNS answered for them are among `peers`). */
  fqdns?: readonly FqdnSelector[];
}

/** A rule's ports split by their L7 rules: the proxy filters the `filtered` ones, the `plain` ones wildcard L7. */
export interface CompiledL7 {
  /** The ports the rule allows without L7 rules (or with rules that pass every request). */
  plain: CompiledPorts;
  /** Each `toPorts` item with L7 rules, with its ports. */
  filtered: readonly { l7: L7Rules; ports: CompiledPorts }[];
}

/** A policy of any kind in the one form the engine evaluates (see `tiers.ts` for how tiers compose). */
export interface CompiledPolicy {
  ref: PolicyRef;
  tier: Tier;
  priority: number;
  /** Namespaced kinds apply to pods of this namespace only; undefined for cluster-scoped kinds. */
  namespace: string | undefined;
  /** Whether the policy applies to a pod (of `namespace`, for namespaced kinds). */
  selects(pod: PodFacts): boolean;
  /** Whether it applies to the direction at all (a NetworkPolicy's effective policyTypes). */
  applies: Readonly<Record<Direction, boolean>>;
  /**
   * Namespaced tier: whether applying isolates the pod in the direction (absent: wherever it applies). A Cilium
   * policy with `enableDefaultDeny` false for it applies its rules without isolating (see `tiers.ts`).
   */
  isolates?: Readonly<Record<Direction, boolean>>;
  ingress: readonly CompiledRule[];
  egress: readonly CompiledRule[];
  locate(path: FieldPath): SourceLocation;
  /**
   * What one direction of the policy means to the engine, as text equal for policies that decide alike wherever they
   * stand (names and positions left out, unless they order rules): the diff's scope compares it (`diff/changed.ts`).
   */
  meaning(direction: Direction): string;
  /** The NetworkPolicy it was compiled from: lint rules and fixes work on those. */
  networkPolicy?: NetworkPolicy;
}

/** A selector's answer per labels object (label sets are never changed once read). */
function oncePerLabels(matches: (labels: Labels) => boolean): (labels: Labels) => boolean {
  const answers = new WeakMap<Labels, boolean>();
  return (labels) => {
    let answer = answers.get(labels);
    if (answer === undefined) answers.set(labels, (answer = matches(labels)));
    return answer;
  };
}

/** Compiles a policy of another kind, read into the model's tiered form by its kind (`src/kinds/`). */
export function compileTieredPolicy(policy: TieredPolicy, addressMatch: AddressMatch): CompiledPolicy {
  const { subject } = policy;
  const view: LabelView = CILIUM_KINDS.includes(policy.ref.kind) ? 'ciliumLabels' : 'labels';
  const pods = compileSelector(subject.podSelector);
  // Pods of one namespace share its labels object: each namespace is matched once, not each pod.
  const namespaces = subject.namespaceSelector && oncePerLabels(compileSelector(subject.namespaceSelector));
  // Peers of cluster-scoped kinds always name their namespaces; a namespaced kind's look in its own.
  const home = subject.namespace ?? '';
  const compileRules = (direction: Direction): CompiledRule[] =>
    policy[direction].map((rule) => {
      // The rule's entity peers together say whether it matches a host-network pod, wherever the pod runs.
      const everyNode = (['host', 'remote-node'] as const).every((entity) =>
        rule.peers?.some((peer) => peer.entities?.includes(entity)),
      );
      const facts: RuleFacts = {
        view,
        everyNode,
        everyAddress: holdsEveryAddress(rule.peers),
        ...(rule.dnsVisibility ? { dnsVisibility: rule.dnsVisibility } : {}),
      };
      return {
        action: rule.action,
        index: rule.index,
        ...(rule.name !== undefined ? { name: rule.name } : {}),
        path: rule.path,
        ...(rule.peers
          ? { peers: rule.peers.map((peer) => compilePeer(home, peer, addressMatch, facts)) }
          : {}),
        ports: compilePorts(rule.ports),
        ...compileL7(rule.ports),
        ...(rule.fqdns ? { fqdns: rule.fqdns } : {}),
      };
    });
  return {
    ref: policy.ref,
    tier: policy.tier,
    priority: policy.priority,
    namespace: subject.namespace,
    selects: (pod) =>
      !pod.unpoliced &&
      (subject.namespace === undefined || pod.namespace === subject.namespace) &&
      (!namespaces || namespaces(pod.namespaceLabels)) &&
      pods(pod[view]),
    // A cluster policy without rules for a direction does not affect it.
    applies: { ingress: policy.ingress.length > 0, egress: policy.egress.length > 0 },
    isolates: {
      ingress: policy.ingress.length > 0 && (policy.defaultDeny?.ingress ?? true),
      egress: policy.egress.length > 0 && (policy.defaultDeny?.egress ?? true),
    },
    ingress: compileRules('ingress'),
    egress: compileRules('egress'),
    locate: policy.locate,
    meaning: meaningOnce((direction) =>
      JSON.stringify([
        policy.tier,
        policy.priority,
        // Equal priorities are ordered by name, so the name is part of what a policy means.
        policy.ref.name,
        subject,
        addressMatch,
        policy[direction].map(({ action, peers, ports, dnsVisibility }) => [
          action,
          peers?.map(
            ({ podSelector, namespaceSelector, ipBlock, addressesOnly, world, entities, toFqdn }) => [
              podSelector,
              namespaceSelector,
              ipBlock,
              addressesOnly,
              world,
              entities,
              toFqdn,
            ],
          ),
          dnsVisibility,
          ports?.map(({ protocol, port, endPort, l7 }) => [
            protocol,
            port,
            endPort,
            ...(l7 ? [l7.protocol, l7.rules] : []),
          ]),
        ]),
      ]),
    ),
  };
}

/** A rule's L7 split (`CompiledL7`), when one of its ports has L7 rules that refuse some request. */
function compileL7(ports: readonly TieredPort[] | undefined): Pick<CompiledRule, 'l7'> {
  const filtering = (port: TieredPort) => port.l7 !== undefined && l7Restricts(port.l7);
  if (!ports?.some(filtering)) return {};
  const items = new Map<L7Rules, TieredPort[]>();
  for (const port of ports) if (filtering(port)) pushTo(items, port.l7!, port);
  return {
    l7: {
      plain: compilePorts(ports.filter((port) => !filtering(port))),
      filtered: [...items].map(([l7, of]) => ({ l7, ports: compilePorts(of) })),
    },
  };
}

/** A policy's meaning per direction, worked out when first asked (many pods share their policies). */
export function meaningOnce(describe: (direction: Direction) => string): (direction: Direction) => string {
  const meanings: Partial<Record<Direction, string>> = {};
  return (direction) => (meanings[direction] ??= describe(direction));
}

/** Which of a pod's label sets a policy's selectors match (`PodFacts`): Cilium's kinds match Cilium's identity. */
export type LabelView = 'labels' | 'ciliumLabels';

/**
 * Whether a rule's address peers together hold every address of both families (`toEntities: [world]`, `toCIDR`
 * 0.0.0.0/0 with ::/0, an ipBlock of each): then they hold whatever addresses DNS answers for a name, so its full
 * blocks match the DNS name peers (`policy/fqdn.ts`). A narrower block may or may not hold them: it matches none.
 */
export function holdsEveryAddress(peers: readonly PolicyPeer[] | undefined): boolean {
  const families = new Set<number>();
  for (const peer of peers ?? [])
    if (peer.ipBlock)
      for (const range of ipBlockRanges(peer.ipBlock))
        if (rangeContains(range, fullRange(range.family))) families.add(range.family);
  return families.size === 2;
}

/** What a peer's rule says that its peers need (see {@link compilePeer}). */
export interface RuleFacts {
  /** Which labels of a pod the rule's selectors match (`labels` unless set). */
  view?: LabelView;
  /** The rule names both the local host and the remote nodes: its entity peers match a host-network pod. */
  everyNode?: boolean;
  /** The rule's address peers hold every address ({@link holdsEveryAddress}): its full blocks match DNS names. */
  everyAddress?: boolean;
  /** The rule's DNS visibility (`TieredRule.dnsVisibility`), for its toFQDNs items. */
  dnsVisibility?: readonly Readonly<Record<string, unknown>>[];
}

/**
 * Compiles one peer item; `policyNamespace` is where a podSelector alone looks for pods, `addressMatch` which pods
 * an ipBlock matches by address on this CNI, `rule` what the peer's rule says that it needs ({@link RuleFacts}).
 */
export function compilePeer(
  policyNamespace: string,
  peer: PolicyPeer,
  addressMatch: AddressMatch,
  rule: RuleFacts = {},
): CompiledPeer {
  if (peer.toFqdn) return compileFqdnPeer(peer, peer.toFqdn, rule.dnsVisibility ?? []);
  if (peer.entities) return compileEntityPeer(peer, rule.everyNode === true);
  if (peer.ipBlock) {
    const ranges = ipBlockRanges(peer.ipBlock);
    const admits = (address: IpRange) => ranges.some((range) => rangeContains(range, address));
    const holdsEveryAddress = ranges.some((range) => rangeContains(range, fullRange(range.family)));
    const match = podsMatchedByAddress(peer, addressMatch);
    const dnsNames = rule.everyAddress === true && holdsEveryAddress;
    return {
      peer,
      ipRanges: ranges,
      key: `ip:${match}:${JSON.stringify(peer.ipBlock)}${dnsNames ? '|dns' : ''}`,
      namespaceKey: `ip:${match}${dnsNames ? '|dns' : ''}`,
      ...(dnsNames ? { dnsNames: true as const } : {}),
      matchesNamespace: () => false,
      // A pod matches when one of its stated addresses is admitted, where the CNI lets an address rule match pods.
      // A pod that is its node is reached at the node's address: on Calico only a block of every address surely
      // holds it; on Cilium only CIDR rules that match nodes (policyCIDRMatchMode: [nodes]) do, by its stated one.
      // An entity outside the cluster (the API server) is an outside address to every address rule.
      // A DNS name peer's addresses are unknown: only a rule holding every address surely holds them.
      matches: (facts) =>
        'pod' in facts
          ? facts.pod.dnsName
            ? dnsNames
            : facts.pod.unpoliced === 'outside'
              ? facts.pod.ips.some(admits)
              : facts.pod.unpoliced === 'node-address'
                ? !peer.addressesOnly && holdsEveryAddress
                : (facts.pod.unpoliced === 'node-identity' ? match === 'nodes' : match === 'pods') &&
                  facts.pod.ips.some(admits)
          : facts.address !== undefined && admits(facts.address),
    };
  }
  const view = rule.view ?? 'labels';
  const podMatches = compileSelector(peer.podSelector ?? {});
  // A podSelector alone means pods of the policy's own namespace; a namespaceSelector opens other namespaces.
  const namespaceSelector = peer.namespaceSelector && compileSelector(peer.namespaceSelector);
  const matchesNamespace = (namespace: string, labels: Labels) =>
    namespaceSelector ? namespaceSelector(labels) : namespace === policyNamespace;
  const namespaceKey = peer.namespaceSelector
    ? `ns:${JSON.stringify(peer.namespaceSelector)}`
    : `in:${policyNamespace}`;
  return {
    peer,
    ipRanges: [],
    key: `${namespaceKey}|${view === 'labels' ? 'pod' : 'cilium'}:${JSON.stringify(peer.podSelector ?? {})}`,
    namespaceKey,
    ...(peer.namespaceSelector ? {} : { onlyNamespace: policyNamespace }),
    matchesNamespace,
    // A pod no pod policy sees (hostNetwork on some CNIs) has its node's identity, which no pod selector matches.
    matches: (facts) =>
      'pod' in facts &&
      !facts.pod.unpoliced &&
      matchesNamespace(facts.pod.namespace, facts.pod.namespaceLabels) &&
      podMatches(facts.pod[view]),
  };
}

/**
 * A peer of Cilium entities (`policy/entities.ts`): the endpoints carrying one of their identities. A pod on the host
 * network is its node, the local host or a remote node depending on where it runs: only a rule naming both surely
 * matches it (Documentation/security/policy/language.rst, "Entities Based").
 */
function compileEntityPeer(peer: PolicyPeer, everyNode: boolean): CompiledPeer {
  const entities = new Set(peer.entities);
  const key = `entity:${[...entities].sort().join(',')}${everyNode ? '|nodes' : ''}`;
  return {
    peer,
    ipRanges: [],
    key,
    namespaceKey: 'entity',
    matchesNamespace: () => false,
    matches: (facts) =>
      'pod' in facts &&
      (facts.pod.entities
        ? facts.pod.entities.some((entity) => entities.has(entity))
        : facts.pod.unpoliced === 'node-identity' && everyNode),
  };
}

/**
 * A toFQDNs item (`policy/fqdn.ts`): the DNS name peers it covers (`coversDnsName`) whose names its DNS visibility
 * lets the proxy answer; without visibility, none (Documentation/security/policy/language.rst, "DNS based").
 */
function compileFqdnPeer(
  peer: PolicyPeer,
  match: FqdnMatch,
  visibleBy: readonly Readonly<Record<string, unknown>>[],
): CompiledPeer {
  return {
    peer,
    ipRanges: [],
    key: `dns:${JSON.stringify([match, visibleBy])}`,
    namespaceKey: 'dns',
    dnsNames: true,
    matchesNamespace: () => false,
    matches: (facts) =>
      'pod' in facts &&
      facts.pod.dnsName !== undefined &&
      coversDnsName(match, facts.pod.dnsName) &&
      dnsRulesAllow(visibleBy, facts.pod.dnsName),
  };
}

/**
 * Which pods an address peer matches by address: Cilium's CIDR rules never match a pod (nodes only where the CNI
 * lets CIDR rules match nodes), its `world` entity nothing inside the cluster; an ipBlock as the CNI reads it.
 */
export function podsMatchedByAddress(peer: PolicyPeer, addressMatch: AddressMatch): AddressMatch {
  if (peer.world) return 'none';
  if (peer.addressesOnly) return addressMatch === 'nodes' ? 'nodes' : 'none';
  return addressMatch;
}

/** Whether a selector peer matches every pod of every namespace (`namespaceSelector: {}` with no pod restriction). */
export function matchesEveryPod(peer: CompiledPeer): boolean {
  const { namespaceSelector, podSelector, ipBlock } = peer.peer;
  return (
    !ipBlock &&
    !!namespaceSelector &&
    isEmptySelector(namespaceSelector) &&
    isEmptySelector(podSelector ?? {})
  );
}

/** A rule's ports; a named port without protocol (AdminNetworkPolicy's `namedPort`) takes the container port's. */
export function compilePorts(ports: readonly Omit<TieredPort, 'path'>[] | undefined): CompiledPorts {
  if (!ports) return { hasNamed: false, resolve: () => ConnSet.all() };
  let fixed = ConnSet.none();
  const named: { name: string; protocol?: Protocol }[] = [];
  for (const port of ports) {
    const protocol = port.protocol ?? 'TCP';
    if (port.port === undefined) fixed = fixed.union(ConnSet.allOf(protocol));
    else if (typeof port.port === 'number')
      fixed = fixed.union(ConnSet.of(protocol, [[port.port, port.endPort ?? port.port]]));
    else named.push({ name: port.port, ...(port.protocol ? { protocol: port.protocol } : {}) });
  }
  if (named.length === 0) return { hasNamed: false, resolve: () => fixed };
  // Asked for every pair of groups the rule connects: worked out once per destination's list of ports (workloads
  // keep theirs, and identical pods share one).
  const resolved = new WeakMap<readonly ContainerPort[], ConnSet>();
  return {
    hasNamed: true,
    names: named,
    // A name means whatever port the destination's container declares under that name and protocol; an address
    // outside the pods declares none, so a named port never matches it.
    resolve(destinationPorts) {
      if (!destinationPorts) return fixed;
      let ports = resolved.get(destinationPorts);
      if (!ports) {
        ports = destinationPorts
          .filter((declared) =>
            named.some(
              (n) => n.name === declared.name && (n.protocol ?? declared.protocol) === declared.protocol,
            ),
          )
          .reduce(
            (set, declared) => set.union(ConnSet.of(declared.protocol, [[declared.port, declared.port]])),
            fixed,
          );
        resolved.set(destinationPorts, ports);
      }
      return ports;
    },
  };
}

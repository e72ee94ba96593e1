import type { SourceLocation, FieldPath } from '../manifests/types.js';
import type { CiliumSettings, Cni } from './cni.js';

export type Labels = Readonly<Record<string, string>>;
export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export interface Namespace {
  name: string;
  /** Declared labels plus the implicit `kubernetes.io/metadata.name`. */
  labels: Labels;
  /** True when no Namespace manifest declares it (it is referenced by an object or policy). */
  inferred: boolean;
  /** A declared namespace's annotations (`netpol-guard.io/ignore` silences rules about the namespace). */
  annotations?: Readonly<Record<string, string>>;
  loc?: SourceLocation;
}

export interface ContainerPort {
  name?: string;
  port: number;
  protocol: Protocol;
}

/** A group of identical pods: a Pod, or the pod template of a workload controller. */
export interface Workload {
  /** `namespace/Kind/name`, unique in a model. */
  id: string;
  namespace: string;
  kind: string;
  name: string;
  labels: Labels;
  ports: ContainerPort[];
  /**
   * The pods' service account: `serviceAccountName`, else the deprecated `serviceAccount` (which the API server copies
   * into it), else `default` (set by the ServiceAccount admission plugin). Cilium labels every endpoint with it
   * (`io.cilium.k8s.policy.serviceaccount`). Unset for pods the tree does not describe (an operator's, a
   * representative, an entity).
   */
  serviceAccount?: string;
  /** Pod IPs stated in a manifest (`status.podIP(s)`), so ipBlocks can match the pod. */
  ips: string[];
  loc: SourceLocation;
  /** Set for pods an operator makes from a custom resource (`Prometheus k8s`), or that the config declares. */
  madeBy?: string;
  /**
   * `spec.hostNetwork: true`: the pods use the node's network namespace and address. With `cni: cilium` or `calico`
   * they are their node to pod policies (not isolated, matched by no pod selector; `hostNetworkSeenAs` in `cni.ts`);
   * `generic` evaluates them as any pod (as np-guard does), and `explain` says what that leaves open.
   */
  hostNetwork?: true;
  /**
   * Set for a representative peer (`policy/representatives.ts`): pods a policy names that the tree does not show,
   * described as reports name them ("any pod app=postgres in namespace payments-db (not in this repository)").
   */
  representative?: string;
  /**
   * A representative's pods: those `pods` selects in its namespace, or, when `namespaces` is set (its namespace is
   * unnamed), in every namespace that selects.
   */
  represents?: { pods: LabelSelector; namespaces?: LabelSelector };
  /**
   * Set for a Cilium entity peer (`policy/entities.ts`): an endpoint that is no pod, by the reserved identities it
   * carries (the local node, the API server...). No pod policy selects it and no pod selector matches it.
   */
  entities?: readonly NodeEntity[];
  /** With `entities`: it is outside the cluster (an API server Hubble also calls `world`), reached at `ips`. */
  outside?: true;
  /**
   * Set for a DNS name peer (`policy/fqdn.ts`): the addresses DNS answers for the name (or for the names matching
   * the pattern) a Cilium `toFQDNs` item writes, which the tree does not know. No pod policy selects it, and only
   * toFQDNs items and rules that match every address outside the cluster match it.
   */
  dnsName?: FqdnMatch;
}

/**
 * Cilium's entities that are neither pods nor addresses outside the cluster (pkg/policy/api/entity.go): each the
 * reserved identity of endpoints of its own.
 */
export const NODE_ENTITIES = [
  'host',
  'remote-node',
  'kube-apiserver',
  'health',
  'init',
  'ingress',
  'unmanaged',
] as const;
export type NodeEntity = (typeof NODE_ENTITIES)[number];

export interface ServicePort {
  name?: string;
  port: number;
  targetPort: number | string;
  protocol: Protocol;
}

export interface Service {
  namespace: string;
  name: string;
  /** Undefined for a Service without selector (manual Endpoints): it selects no pods we know. */
  selector?: Labels;
  /** `metadata.labels`, when it has some (Cilium's `toServices` selects Services by them). */
  labels?: Labels;
  clusterIPs: string[];
  ports: ServicePort[];
  loc: SourceLocation;
}

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelector {
  matchLabels?: Readonly<Record<string, string>>;
  matchExpressions?: readonly { key: string; operator: SelectorOperator; values?: readonly string[] }[];
}

export interface IpBlock {
  cidr: string;
  except: readonly string[];
}

/** One item of a `from`/`to` list. `path` is its field path inside the policy object. */
export interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: IpBlock;
  /** An ipBlock that names addresses outside the pods only: Cilium's CIDR rules and its `world` entity. */
  addressesOnly?: true;
  /** Cilium's `world` entity: outside the cluster, so never a node either (`policy/compile.ts`). */
  world?: true;
  /**
   * A Cilium endpoint selector of a CiliumNetworkPolicy that names no namespace: Cilium scopes it to the policy's own
   * namespace (`fromEndpoints: [{}]` is every pod of this namespace, not of every namespace).
   */
  scopedToNamespace?: true;
  /**
   * Cilium: the entities a `fromEntities`/`toEntities` item names that are no pods or outside addresses; the peer
   * matches the endpoints carrying one of these identities (`policy/entities.ts`).
   */
  entities?: readonly NodeEntity[];
  /** Cilium `toFQDNs`: the name a DNS answer gave this peer's address for (the engine adds these, `policy/fqdn.ts`). */
  fqdn?: string;
  /**
   * Cilium `toFQDNs` (the engine adds these, `policy/fqdn.ts`): one item of the list, which matches the DNS name
   * peers it covers among those its rule's `dnsVisibility` lets the proxy answer.
   */
  toFqdn?: FqdnMatch;
  path: FieldPath;
}

export interface PolicyPort {
  protocol: Protocol;
  /** Undefined: every port of the protocol. */
  port?: number | string;
  endPort?: number;
  path: FieldPath;
}

export interface PolicyRule {
  /** Undefined when `from`/`to` is missing or empty: every peer. */
  peers?: readonly PolicyPeer[];
  /** Undefined when `ports` is missing or empty: every port of every protocol. */
  ports?: readonly PolicyPort[];
  path: FieldPath;
}

export interface NetworkPolicy {
  /** `namespace/name`. */
  id: string;
  namespace: string;
  name: string;
  /** False when `metadata.namespace` was absent and the default namespace was used. */
  namespaceDeclared: boolean;
  podSelector: LabelSelector;
  /** Effective policy types after defaulting. */
  types: { ingress: boolean; egress: boolean };
  /** Whether `spec.policyTypes` was written. */
  policyTypesDeclared: boolean;
  ingress: readonly PolicyRule[];
  egress: readonly PolicyRule[];
  annotations: Readonly<Record<string, string>>;
  loc: SourceLocation;
  locate(path: FieldPath): SourceLocation;
}

/** Where policies stand in the order of evaluation: see `policy/tiers.ts`. */
export type Tier = 'admin' | 'namespaced' | 'baseline';
/** What a rule does with the traffic it matches: Accept/Allow, Deny, or Pass to the next tier. */
export type RuleAction = 'allow' | 'deny' | 'pass';

/** A policy of any kind, as explanations, verdicts, findings and fixes name it. */
export interface PolicyRef {
  /** The kind as written: `NetworkPolicy`, `AdminNetworkPolicy`, `ClusterNetworkPolicy`... */
  kind: string;
  /** Undefined for cluster-scoped kinds. */
  namespace?: string;
  name: string;
  location: SourceLocation;
}

/** A port of a tiered rule; a named port without protocol takes the protocol of the container port it names. */
export interface TieredPort {
  protocol?: Protocol;
  /** Undefined: every port of the protocol. */
  port?: number | string;
  endPort?: number;
  /** Cilium: the L7 rules of the `toPorts` item the port is in; the proxy filters what the port allows. */
  l7?: L7Rules;
  path: FieldPath;
}

/**
 * The L7 rules of a Cilium `toPorts` item (`rules`): the connection is allowed at L3/L4 and the proxy refuses the
 * requests no rule matches (Documentation/security/policy/layer7.rst); the engine composes them (`policy/l7.ts`).
 */
export interface L7Rules {
  /** The parser: `http`, `kafka`, `dns`, or a proxylib protocol (`l7proto`, its rules in `l7`). */
  protocol: 'http' | 'kafka' | 'dns' | 'l7proto';
  /** The rules as written, each a map of its fields: a request passes when one matches (an empty one matches all). */
  rules: readonly Readonly<Record<string, unknown>>[];
  path: FieldPath;
}

/** One item of a Cilium `toFQDNs` list: names whose addresses Cilium learns from the DNS answers its proxy sees. */
export interface FqdnSelector extends FqdnMatch {
  path: FieldPath;
}

/** What a `toFQDNs` item (or a DNS L7 rule) matches names by: `matchName`, or `matchPattern`. */
export interface FqdnMatch {
  matchName?: string;
  matchPattern?: string;
}

/**
 * A Service a rule names (Cilium's `toServices`): by name, or by a selector over the Services' own labels; in one
 * namespace, or any when undefined. The model resolves it against the tree's Services into peers
 * (`kinds/cilium/services.ts`).
 */
export interface ServiceReference {
  name?: string;
  selector?: LabelSelector;
  namespace?: string;
  path: FieldPath;
}

/** One rule of a tiered policy, in evaluation order. */
export interface TieredRule {
  action: RuleAction;
  /** Index in the policy's `ingress` / `egress` list. */
  index: number;
  /** The rule's `name`, when the kind has one. */
  name?: string;
  /**
   * Peers as NetworkPolicy peers (selectors always carry a namespaceSelector; `networks` are ipBlocks); undefined:
   * every pod and every address (a Cilium rule with `toPorts` and no L3 field).
   */
  peers?: readonly PolicyPeer[];
  /** Undefined: every port of every protocol. */
  ports?: readonly TieredPort[];
  /** Services the rule names, whose pods the model adds to `peers` when it is built. */
  services?: readonly ServiceReference[];
  /**
   * Cilium `toFQDNs`: names whose addresses the rule allows once DNS answers give them; the engine adds the answered
   * addresses to `peers` when it is given DNS answers (`policy/fqdn.ts`).
   */
  fqdns?: readonly FqdnSelector[];
  /**
   * With `fqdns` (the engine sets it, `policy/fqdn.ts`): the DNS rules on port 53 that send the pods' DNS through
   * Cilium's proxy, so the names they let it answer are those whose addresses the rule can learn.
   */
  dnsVisibility?: readonly Readonly<Record<string, unknown>>[];
  /** Cilium: the rule was written with no field at all (`- {}`), so it matches nothing (a NetworkPolicy's matches all). */
  empty?: true;
  path: FieldPath;
}

/**
 * A policy of a kind other than NetworkPolicy, read by its kind (`src/kinds/`) into the one form the engine
 * evaluates: a tier, a priority, the pods it applies to and ordered rules with actions.
 */
export interface TieredPolicy {
  ref: PolicyRef;
  tier: Tier;
  /** Lower first within the tier. */
  priority: number;
  /** The pods it applies to; a namespaced kind's policy applies only in `namespace`. */
  subject: { namespace?: string; namespaceSelector?: LabelSelector; podSelector: LabelSelector };
  ingress: readonly TieredRule[];
  egress: readonly TieredRule[];
  /**
   * For the namespaced tier: whether a direction with rules isolates the pods selected (Cilium's
   * `enableDefaultDeny`); absent, every direction with rules does.
   */
  defaultDeny?: Readonly<Record<'ingress' | 'egress', boolean>>;
  /** `metadata.annotations` (`netpol-guard.io/ignore` silences lint rules on the policy). */
  annotations?: Readonly<Record<string, string>>;
  /** Cilium: the rule's `description`, its author's words on what it is for. */
  description?: string;
  /** Cilium: where the rule is written, `['spec']` or `['specs', i]`: the map its rule lists are keys of. */
  specPath?: FieldPath;
  /**
   * Cilium: what a CiliumNetworkPolicy's `endpointSelector` says of the namespace label, which Cilium overrides with
   * the policy's own namespace (matchLabels, dropped with a warning when it names another) or ANDs with it.
   */
  subjectNamespaceMatches?: readonly NamespaceMatch[];
  locate(path: FieldPath): SourceLocation;
}

/** A requirement on the namespace label (`io.kubernetes.pod.namespace`) written in a Cilium endpoint selector. */
export interface NamespaceMatch {
  operator: SelectorOperator;
  values: readonly string[];
  /** Written in `matchLabels` (Cilium replaces it) rather than `matchExpressions` (ANDed with the namespace). */
  inMatchLabels: boolean;
  path: FieldPath;
}

/** A custom resource the model does not know the pods of: its namespace may run pods the model cannot see. */
export interface OpaqueResource {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  loc: SourceLocation;
}

/** What the model knows about what it does not show (`src/model/completeness.ts` answers from it). */
export interface ModelKnowledge {
  /** The config says the repository holds the whole cluster (`complete: true`). */
  complete: boolean;
  /** Every namespace the objects live in is declared (by a Namespace manifest or the config), so labels are known. */
  namespacesDeclared: boolean;
  /** Custom resources that may create pods the model cannot see, by namespace. */
  opaqueResources: ReadonlyMap<string, readonly OpaqueResource[]>;
}

/** Everything the engine needs about one side (base or head) of the repository. */
export interface ClusterModel {
  namespaces: Map<string, Namespace>;
  workloads: Workload[];
  services: Service[];
  policies: NetworkPolicy[];
  /** Policies of the other kinds the engine evaluates (AdminNetworkPolicy, ClusterNetworkPolicy...). */
  tieredPolicies?: TieredPolicy[];
  /** Absent in models built by hand (tests): nothing is known to be missing, and no namespace is complete. */
  knowledge?: ModelKnowledge;
  /** Whose semantics apply where the specs leave them open (`model/cni.ts`); absent: `generic`. */
  cni?: Cni;
  /** Cilium's agent settings, for `cni: cilium` (`model/cni.ts`); absent: Cilium's defaults. */
  cilium?: CiliumSettings;
}

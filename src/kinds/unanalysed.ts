/**
 * Network-policy kinds the engine does not evaluate (yet). An object of one of them changes what the cluster
 * allows, so reading past it in silence would make every answer about the namespaces it touches confidently wrong:
 * the loader names each one in a `policy-kind-not-analysed` diagnostic instead, and explain, lint and the PR comment
 * carry the caveat. Keyed by API group and kind, never by kind alone: Antrea, AWS and Kubernetes each have a
 * ClusterNetworkPolicy, and Calico's NetworkPolicy is not Kubernetes'.
 */
export interface UnanalysedKind {
  /** Who defines it, for the message: "Cilium", "Calico". */
  product: string;
  /** Cluster-scoped kinds may affect any namespace; namespaced ones the namespace they are applied to. */
  clusterScoped: boolean;
  /** Informational kinds (L7 authorization) do not change L3/L4 reachability; they get an info, not a warning. */
  informational?: boolean;
}

const CALICO_KINDS: Record<string, UnanalysedKind> = {
  NetworkPolicy: { product: 'Calico', clusterScoped: false },
  GlobalNetworkPolicy: { product: 'Calico', clusterScoped: true },
  StagedNetworkPolicy: { product: 'Calico', clusterScoped: false },
  StagedGlobalNetworkPolicy: { product: 'Calico', clusterScoped: true },
  StagedKubernetesNetworkPolicy: { product: 'Calico', clusterScoped: false },
  Tier: { product: 'Calico', clusterScoped: true },
  NetworkSet: { product: 'Calico', clusterScoped: false },
  GlobalNetworkSet: { product: 'Calico', clusterScoped: true },
};

/** By API group, then kind. */
const UNANALYSED_KINDS: Readonly<Record<string, Readonly<Record<string, UnanalysedKind>>>> = {
  // v2 CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy are in the kind registry; other versions are not read.
  'cilium.io': {
    CiliumNetworkPolicy: { product: 'Cilium', clusterScoped: false },
    CiliumClusterwideNetworkPolicy: { product: 'Cilium', clusterScoped: true },
  },
  'projectcalico.org': CALICO_KINDS,
  'crd.projectcalico.org': CALICO_KINDS,
  // Versions the kind registry reads are taken before this table is asked (see `manifests/objects.ts`).
  'policy.networking.k8s.io': {
    ClusterNetworkPolicy: { product: 'Kubernetes network-policy-api', clusterScoped: true },
    AdminNetworkPolicy: { product: 'Kubernetes network-policy-api', clusterScoped: true },
    BaselineAdminNetworkPolicy: { product: 'Kubernetes network-policy-api', clusterScoped: true },
  },
  'networking.k8s.aws': {
    ClusterNetworkPolicy: { product: 'AWS VPC CNI', clusterScoped: true },
    ApplicationNetworkPolicy: { product: 'AWS VPC CNI', clusterScoped: false },
  },
  'crd.antrea.io': {
    ClusterNetworkPolicy: { product: 'Antrea', clusterScoped: true },
    NetworkPolicy: { product: 'Antrea', clusterScoped: false },
  },
  'k8s.cni.cncf.io': {
    MultiNetworkPolicy: { product: 'Multus', clusterScoped: false },
  },
  'security.istio.io': {
    AuthorizationPolicy: { product: 'Istio', clusterScoped: false, informational: true },
  },
};

/** The unanalysed policy kind an object of this apiVersion and kind is, if it is one. */
export function unanalysedKind(apiVersion: string, kind: string): UnanalysedKind | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  return Object.hasOwn(UNANALYSED_KINDS, group) && Object.hasOwn(UNANALYSED_KINDS[group]!, kind)
    ? UNANALYSED_KINDS[group]![kind]
    : undefined;
}

/** A policy object of a kind the engine does not evaluate, as the loader found it. */
export interface UnanalysedPolicy {
  apiVersion: string;
  kind: string;
  name: string;
  /** As written; undefined for cluster-scoped kinds and for namespaced objects that do not state one. */
  namespace: string | undefined;
  clusterScoped: boolean;
  informational: boolean;
  file: string;
  line: number;
}

/** Whether an unanalysed policy may change what pods of `namespace` may do (`defaultNamespace`: kubectl's). */
export function mayAffectNamespace(
  policy: UnanalysedPolicy,
  namespace: string,
  defaultNamespace: string,
): boolean {
  return (
    !policy.informational && (policy.clusterScoped || (policy.namespace ?? defaultNamespace) === namespace)
  );
}

/** One line naming the policy and where it is, for caveats next to a verdict. */
export function describeUnanalysed(policy: UnanalysedPolicy): string {
  const name = policy.namespace ? `${policy.namespace}/${policy.name}` : policy.name;
  return `${policy.kind} ${name} (${policy.apiVersion}, ${policy.file}:${policy.line})`;
}

import type { Diagnostic } from '../manifests/types.js';

/**
 * Whose semantics the engine follows where the specs leave them open (config `cni`, CLI `--cni`, the Action's
 * `cni`): `generic` is the upstream reference behaviour; `cilium` and `calico` give their CNI's meaning where it
 * differs (see `policy/tiers.ts`).
 */
export type Cni = 'generic' | 'cilium' | 'calico';
export const CNIS: readonly Cni[] = ['generic', 'cilium', 'calico'];

/**
 * The settings of Cilium's agent that change verdicts (config `cilium:`, read when the CNI is Cilium), with Cilium's
 * defaults in {@link CILIUM_DEFAULTS}. Sources (cilium/cilium): Documentation/security/policy/intro.rst ("Policy
 * Enforcement Modes"), layer3.rst ("Selecting nodes with CIDR / ipBlock"), Documentation/security/policy-creation.rst
 * (policy audit mode), Documentation/operations/performance/scalability/identity-relevant-labels.rst, the agent flags
 * `enable-policy`, `policy-cidr-match-mode`, `policy-audit-mode`, `cluster-name`, `enable-k8s-cluster-network-policy`
 * and `labels`.
 */
export interface CiliumSettings {
  /**
   * `default`: a pod is isolated in a direction once a policy selects it for it; `always`: every pod is isolated
   * in both directions, with or without policies; `never`: nothing is enforced, everything is allowed.
   */
  policyEnforcementMode: 'default' | 'always' | 'never';
  /** `[nodes]`: CIDR rules and ipBlocks also match node addresses (pods on the host network); `[]`: nothing inside. */
  policyCIDRMatchMode: readonly 'nodes'[];
  /** Policy audit mode: what policies deny is recorded (Hubble `AUDIT`) and let through, so nothing breaks yet. */
  policyAuditMode: boolean;
  /** The value of every pod's `io.cilium.k8s.policy.cluster` label. */
  clusterName: string;
  /** Whether Cilium enforces ClusterNetworkPolicy (`enable-k8s-cluster-network-policy`, off by default in 1.20). */
  clusterNetworkPolicy: boolean;
  /**
   * The expressions Cilium's label filter adds to its defaults (Helm `labels`, agent `labels`): which pod labels
   * are part of an identity, and so selectable (`policy/identity.ts`).
   */
  identityLabels: readonly string[];
}

export const CILIUM_DEFAULTS: Readonly<CiliumSettings> = Object.freeze({
  policyEnforcementMode: 'default',
  policyCIDRMatchMode: [],
  policyAuditMode: false,
  clusterName: 'default',
  clusterNetworkPolicy: false,
  identityLabels: [],
});

/** The label Cilium puts on every endpoint with the cluster's name (`cluster-name`). */
export const CILIUM_CLUSTER_LABEL = 'io.cilium.k8s.policy.cluster';

/** The label Cilium puts on every endpoint with the pod's service account (pkg/k8s/apis/cilium.io/const.go). */
export const CILIUM_SERVICE_ACCOUNT_LABEL = 'io.cilium.k8s.policy.serviceaccount';

/** The prefix of the labels Cilium owns: a pod's own labels under it are dropped from its identity (`LabelPrefix`). */
export const CILIUM_OWNED_LABEL_PREFIX = 'io.cilium.k8s';

/** Cilium's own policy kinds (`cilium.io/v2`). */
export const CILIUM_KINDS: readonly string[] = ['CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'];

/** The cluster name pods carry in {@link CILIUM_CLUSTER_LABEL}: the configured one under Cilium, else Cilium's default. */
export function ciliumClusterName(model: { cilium?: CiliumSettings }): string {
  return model.cilium?.clusterName ?? CILIUM_DEFAULTS.clusterName;
}

/**
 * Whether the CNI enforces policies of this kind: Cilium enforces ClusterNetworkPolicy only when the agent enables
 * it (`enable-k8s-cluster-network-policy`, off by default), and AdminNetworkPolicy and BaselineAdminNetworkPolicy
 * (`v1alpha1`, which ClusterNetworkPolicy `v1alpha2` replaced) never: it implements neither (cilium/cilium#23380
 * became ClusterNetworkPolicy support in 1.20, Documentation/network/kubernetes/policy.rst). Every other kind the
 * engine evaluates applies.
 */
export function cniEnforcesKind(model: { cni?: Cni; cilium?: CiliumSettings }, kind: string): boolean {
  if (model.cni !== 'cilium') return true;
  if (CILIUM_UNIMPLEMENTED_KINDS.includes(kind)) return false;
  return kind !== 'ClusterNetworkPolicy' || (model.cilium ?? CILIUM_DEFAULTS).clusterNetworkPolicy;
}

/** Kinds of policy.networking.k8s.io that Cilium does not implement at all. */
export const CILIUM_UNIMPLEMENTED_KINDS: readonly string[] = [
  'AdminNetworkPolicy',
  'BaselineAdminNetworkPolicy',
];

/** Cilium's policy enforcement mode for the model: `default` unless the CNI is Cilium and its config says otherwise. */
export function policyEnforcementMode(model: {
  cni?: Cni;
  cilium?: CiliumSettings;
}): CiliumSettings['policyEnforcementMode'] {
  return model.cni === 'cilium' ? (model.cilium ?? CILIUM_DEFAULTS).policyEnforcementMode : 'default';
}

/** Whether Cilium runs in policy audit mode: what policies deny is let through (Hubble says `AUDIT`). */
export function inPolicyAuditMode(model: { cni?: Cni; cilium?: CiliumSettings }): boolean {
  return model.cni === 'cilium' && (model.cilium ?? CILIUM_DEFAULTS).policyAuditMode;
}

/** The API groups whose policy kinds only one CNI implements: a tree holding them runs on that CNI. */
const CNI_OF_GROUP: Readonly<Record<string, Exclude<Cni, 'generic'>>> = {
  'cilium.io': 'cilium',
  'projectcalico.org': 'calico',
  'crd.projectcalico.org': 'calico',
};

/** A policy object of the tree, as far as telling its CNI apart needs. */
export interface PolicyObjectSeen {
  apiVersion: string;
  kind: string;
  file: string;
  line: number;
  /** Set for an object of the base tree, when a comparison chooses from both trees. */
  side?: 'base';
}

/**
 * The CNI the trees are analysed for: the setting when there is one; else the one CNI whose own policy kinds the
 * objects hold, said in an info diagnostic at the first of them; else `generic`.
 */
export function chooseCni(
  setting: Cni | undefined,
  objects: readonly PolicyObjectSeen[],
): { cni: Cni; diagnostic?: Diagnostic } {
  if (setting !== undefined) return { cni: setting };
  const found = new Map<Exclude<Cni, 'generic'>, PolicyObjectSeen[]>();
  for (const object of objects) {
    const slash = object.apiVersion.indexOf('/');
    const group = slash === -1 ? '' : object.apiVersion.slice(0, slash);
    const cni = Object.hasOwn(CNI_OF_GROUP, group) ? CNI_OF_GROUP[group] : undefined;
    if (cni) found.set(cni, [...(found.get(cni) ?? []), object]);
  }
  const [only, ...others] = [...found.entries()];
  if (!only || others.length > 0) return { cni: 'generic' };
  const [cni, seen] = only;
  const first = seen[0]!;
  const more = seen.length > 1 ? ` and ${seen.length - 1} more` : '';
  return {
    cni,
    diagnostic: {
      severity: 'info',
      code: 'cni-assumed',
      message:
        `cni is not set and the only CNI-specific policies are ${cni === 'cilium' ? 'Cilium' : 'Calico'}'s ` +
        `(${first.kind} at ${first.file}:${first.line}${more}): the analysis assumes cni: ${cni}. Set cni ` +
        '(generic, cilium or calico) in .netpol-guard.yaml, --cni or the Action input to say otherwise',
      file: first.file,
      line: first.line,
      ...(first.side ? { side: first.side } : {}),
    },
  };
}

/**
 * What a `hostNetwork: true` pod is to pod policies. Kubernetes leaves it undefined ("Network Policies", section
 * "NetworkPolicy and hostNetwork pods"): `generic` keeps the reading in which it is a pod like any other (np-guard's,
 * fixtures/conformance/np-guard). On Cilium and Calico it is the node: no pod policy isolates it and no pod or
 * namespace selector matches it.
 * - Cilium makes no endpoint of a host-networking pod; its traffic has the node's identity (`host`, `remote-node`),
 *   governed by host policies (docs.cilium.io "Host Policies"), and CIDR rules do not select nodes unless
 *   `policy-cidr-match-mode: nodes` is set: `node-identity`, which no NetworkPolicy peer matches.
 * - Calico makes no workload endpoint of it; its traffic is the host's, governed by host endpoints (docs.tigera.io
 *   "Host endpoints"), and an ipBlock holding the node's address matches it: `node-address`. The node's address is not
 *   in the manifests, so only a block of every address surely holds it.
 */
export function hostNetworkSeenAs(cni: Cni | undefined): 'pod' | 'node-address' | 'node-identity' {
  return cni === 'cilium' ? 'node-identity' : cni === 'calico' ? 'node-address' : 'pod';
}

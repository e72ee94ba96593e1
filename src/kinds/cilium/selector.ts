import type { FieldPath } from '../../manifests/types.js';
import type { FieldReader } from '../../model/fields.js';
import { readSelector } from '../../model/policy.js';
import type { LabelSelector, NamespaceMatch, SelectorOperator } from '../../model/types.js';
import { NAMESPACE_NAME_LABEL } from '../../model/build.js';
import { matchesSelector } from '../../policy/selector.js';
import { onlyFields } from '../network-policy-api/read.js';

/**
 * Cilium's endpoint selectors, in the model's terms. Cilium matches them against an endpoint's labels: the pod's
 * own plus those it adds itself (`io.kubernetes.pod.namespace`, `io.cilium.k8s.namespace.labels.<key>` for each label
 * of the namespace, `io.cilium.k8s.policy.serviceaccount`, `io.cilium.k8s.policy.cluster`). A key may carry a
 * source prefix: `k8s:` and `any:` (and a bare key, which Cilium reads as `any:`) match the labels of pods;
 * `reserved:` and the other sources name identities that are not pods. Sources: pkg/policy/api/selector.go,
 * pkg/k8s/apis/cilium.io/utils/utils.go (getEndpointSelector, ParseToCiliumRule) and
 * Documentation/security/policy/kubernetes.rst.
 */

const POD_NAMESPACE = 'io.kubernetes.pod.namespace';

/** How the warning on a namespace a CiliumNetworkPolicy's endpointSelector names begins (a lint rule takes it over). */
export const FOREIGN_SUBJECT_NAMESPACE = 'a CiliumNetworkPolicy applies in its own namespace';
const NAMESPACE_LABELS = 'io.cilium.k8s.namespace.labels.';

type Requirement = { key: string; operator: SelectorOperator; values?: readonly string[] };

/**
 * Where a selector looks: a CiliumNetworkPolicy's namespace (its peers' default; its `endpointSelector` always, a
 * namespace it names in matchLabels dropped), or every namespace (clusterwide).
 */
export type SelectorScope = { namespace: string; subject?: boolean } | 'cluster';

/** A selector split into the namespaces and pods it matches; undefined when it can match no pod at all. */
export interface PodSelection {
  namespaceSelector: LabelSelector;
  podSelector: LabelSelector;
  /** Whether it names the namespace (`io.kubernetes.pod.namespace` in any source), as Cilium's HasKey asks. */
  namesNamespace: boolean;
  /** A CiliumNetworkPolicy's peer that names no namespace (nor namespace label): scoped to the policy's own. */
  scopedToNamespace: boolean;
  /** For a CiliumNetworkPolicy's subject: what it says of the namespace label, as written. */
  namespaceMatches: NamespaceMatch[];
}

/**
 * Reads an endpoint selector at `path` into the namespaces and pods it selects. `scope` is where a selector without
 * a namespace key looks: a CiliumNetworkPolicy's peers look in its own namespace unless they name a namespace or a
 * namespace label; a clusterwide policy's look in every namespace.
 */
export function readEndpointSelector(
  reader: FieldReader,
  path: FieldPath,
  scope: SelectorScope,
): PodSelection | undefined {
  if (reader.get(path) !== undefined && reader.get(path) !== null)
    onlyFields(reader, path, ['matchLabels', 'matchExpressions']);
  const written = readSelector(reader, path) ?? {};
  const requirements: (Requirement & { path: FieldPath; inMatchLabels: boolean })[] = [
    ...Object.entries(written.matchLabels ?? {}).map(([key, value]) => ({
      key,
      operator: 'In' as const,
      values: [value],
      path: [...path, 'matchLabels', key],
      inMatchLabels: true,
    })),
    ...(written.matchExpressions ?? []).map((expression, i) => ({
      ...expression,
      path: [...path, 'matchExpressions', i],
      inMatchLabels: false,
    })),
  ];
  const namespaces: Requirement[] = [];
  const pods: Requirement[] = [];
  let namesNamespace = false;
  let namesNamespaceLabels = false;
  const namespaceMatches: NamespaceMatch[] = [];
  for (const { path: at, inMatchLabels, ...requirement } of requirements) {
    const colon = requirement.key.indexOf(':');
    const source = colon === -1 ? 'any' : requirement.key.slice(0, colon);
    const key = colon === -1 ? requirement.key : requirement.key.slice(colon + 1);
    if (source !== 'k8s' && source !== 'any') {
      // Labels of another source (reserved:host, cidr:...) are never on a pod.
      if (source === 'reserved')
        reader.report(
          at,
          `the ${requirement.key} label names an identity that is not a pod (the host, the world...); those ` +
            'are not evaluated, and no pod carries it',
          'warning',
          'not-evaluated',
        );
      if (!holds(requirement, undefined)) return undefined;
      continue;
    }
    if (key === POD_NAMESPACE && scope !== 'cluster' && scope.subject)
      namespaceMatches.push({
        operator: requirement.operator,
        values: [...(requirement.values ?? [])],
        inMatchLabels,
        path: at,
      });
    if (key === POD_NAMESPACE && inMatchLabels && scope !== 'cluster' && scope.subject) {
      // ParseToCiliumRule: the endpointSelector always applies in the policy's namespace.
      if (requirement.values?.[0] !== scope.namespace)
        reader.report(
          at,
          `${FOREIGN_SUBJECT_NAMESPACE} (${scope.namespace}) only: Cilium drops this ` +
            'namespace match with a warning',
          'warning',
          'not-evaluated',
        );
      continue;
    }
    if (key === POD_NAMESPACE) {
      namesNamespace = true;
      namespaces.push({ ...requirement, key: NAMESPACE_NAME_LABEL });
    } else if (key.startsWith(NAMESPACE_LABELS)) {
      namesNamespaceLabels = true;
      namespaces.push({ ...requirement, key: key.slice(NAMESPACE_LABELS.length) });
    } else {
      // The service account and cluster labels stay pod requirements: the engine gives every pod Cilium's
      // identity labels (`policy/identity.ts`).
      pods.push({ ...requirement, key });
    }
  }
  const scopedToNamespace = scope !== 'cluster' && !scope.subject && !namesNamespace && !namesNamespaceLabels;
  if (scope !== 'cluster' && (scope.subject || scopedToNamespace))
    namespaces.push({ key: NAMESPACE_NAME_LABEL, operator: 'In', values: [scope.namespace] });
  return {
    namespaceSelector: namespaces.length > 0 ? { matchExpressions: namespaces } : {},
    podSelector: pods.length > 0 ? { matchExpressions: pods } : {},
    namesNamespace,
    scopedToNamespace,
    namespaceMatches,
  };
}

/** Whether a requirement holds for a label of this value (undefined: the label is absent), as Kubernetes reads it. */
function holds(requirement: Requirement, value: string | undefined): boolean {
  return matchesSelector(
    { matchExpressions: [requirement] },
    value === undefined ? {} : { [requirement.key]: value },
  );
}

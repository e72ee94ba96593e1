import { NAMESPACE_NAME_LABEL } from '../model/build.js';
import { namespacesKnown, treeIsComplete, workloadsKnown } from '../model/completeness.js';
import type { ClusterModel, LabelSelector, Labels, Namespace, PolicyPeer, Workload } from '../model/types.js';
import { compileSelector, isEmptySelector } from './selector.js';

/**
 * Representative peers (issue 17 item 6; np-guard's exposure analysis, `docs/exposure_analysis.md` of
 * np-guard/netpol-analyzer): a peer a policy names that no workload of the tree stands for, because its pods live
 * elsewhere, is modelled as one pod with the labels the selector asks for, so reachability and the diff show it
 * being cut or opened. Only where the tree cannot know (`completeness.ts`): a namespace whose workloads the tree
 * holds has no unknown pods, and namespaces the tree declares are all there are when it declares them all.
 * Representatives are derived from the selectors in policies and deduplicated, so their number stays below the
 * number of distinct selectors.
 */

/** The kind representatives carry: never the kind of a real workload. */
export const REPRESENTATIVE_KIND = 'Representative';

/**
 * Namespace of a representative whose namespace is unnamed (a label selector): not a valid namespace name, so it
 * never meets a real namespace, a policy's namespace or a `kubernetes.io/metadata.name` selector.
 */
function unnamedNamespace(selector: LabelSelector): string {
  return isEmptySelector(selector) ? '*' : `*{${selectorText(selector)}}`;
}

/** The representatives one model's policies call for, each once. */
export function representativesOf(model: ClusterModel): { workloads: Workload[]; namespaces: Namespace[] } {
  const workloads = new Map<string, Workload>();
  const namespaces = new Map<string, Namespace>();
  const add = (
    namespace: string,
    namespaceLabels: Labels | undefined,
    pods: LabelSelector,
    description: string,
  ) => {
    const labels = membersLabels(pods);
    if (!labels) return;
    const name = isEmptySelector(pods) ? '*' : selectorText(pods);
    const id = `${namespace}/${REPRESENTATIVE_KIND}/${name}`;
    if (workloads.has(id)) return;
    if (namespaceLabels && !model.namespaces.has(namespace) && !namespaces.has(namespace))
      namespaces.set(namespace, { name: namespace, labels: namespaceLabels, inferred: true });
    workloads.set(id, {
      id,
      namespace,
      kind: REPRESENTATIVE_KIND,
      name,
      labels,
      ports: [],
      ips: [],
      loc: { file: '', line: 0, column: 0 },
      representative: description,
    });
  };
  const complete = treeIsComplete(model);
  const inNamespace = (namespace: string, pods: LabelSelector) => {
    if (workloadsKnown(model, namespace)) return;
    add(
      namespace,
      undefined,
      pods,
      `${podsText(pods)} in namespace ${namespace}${notHere(model, namespace)}`,
    );
  };
  const peer = (home: string, { podSelector = {}, namespaceSelector, ipBlock }: PolicyPeer) => {
    if (ipBlock) return;
    if (!namespaceSelector) return inNamespace(home, podSelector);
    const named = namedNamespaces(namespaceSelector);
    if (named) {
      for (const namespace of named) {
        if (model.namespaces.has(namespace)) {
          if (compileSelector(namespaceSelector)(model.namespaces.get(namespace)!.labels))
            inNamespace(namespace, podSelector);
        } else if (!complete) {
          const labels = membersLabels(namespaceSelector);
          if (labels) {
            add(
              namespace,
              { ...labels, [NAMESPACE_NAME_LABEL]: namespace },
              podSelector,
              `${podsText(podSelector)} in namespace ${namespace} (not in this repository)`,
            );
          }
        }
      }
      return;
    }
    if (complete) return;
    // A label selector: the namespaces it matches that the tree shows without their pods, and those it does not show.
    const matches = compileSelector(namespaceSelector);
    const unknownMembers = [...model.namespaces.values()].some(
      (namespace) => matches(namespace.labels) && !workloadsKnown(model, namespace.name),
    );
    if (!unknownMembers && namespacesKnown(model)) return;
    const labels = membersLabels(namespaceSelector);
    if (!labels) return;
    const namespace = unnamedNamespace(namespaceSelector);
    const where = isEmptySelector(namespaceSelector)
      ? 'in any namespace'
      : `in namespaces ${selectorText(namespaceSelector)}`;
    add(
      namespace,
      { ...labels, [NAMESPACE_NAME_LABEL]: namespace },
      podSelector,
      `${podsText(podSelector)} ${where} (not in this repository)`,
    );
  };
  for (const policy of model.policies) {
    // The pods a policy applies to, where the tree does not show them: their rules still open and close paths.
    inNamespace(policy.namespace, policy.podSelector);
    for (const rule of [...policy.ingress, ...policy.egress]) {
      if (!rule.peers) peer(policy.namespace, { namespaceSelector: {}, path: rule.path });
      for (const item of rule.peers ?? []) peer(policy.namespace, item);
    }
  }
  for (const policy of model.tieredPolicies ?? []) {
    for (const rule of [...policy.ingress, ...policy.egress]) {
      const home = policy.subject.namespace ?? '';
      if (!rule.peers) peer(home, { namespaceSelector: {}, path: rule.path });
      for (const item of rule.peers ?? []) peer(home, item);
    }
  }
  return { workloads: [...workloads.values()], namespaces: [...namespaces.values()] };
}

/**
 * The model with the representatives of both sides of a comparison that it does not know the pods of, so a path to
 * a peer one side's policies name and the other's no longer do is closed or opened, not gone or new.
 */
export function withRepresentatives(model: ClusterModel, other: ClusterModel = model): ClusterModel {
  const own = representativesOf(model);
  const theirs = other === model ? { workloads: [], namespaces: [] } : representativesOf(other);
  const workloads = new Map(own.workloads.map((w) => [w.id, w]));
  const namespaces = new Map(own.namespaces.map((n) => [n.name, n]));
  for (const workload of theirs.workloads) {
    // A representative of a namespace this side shows the pods of stands for nothing here.
    const named = !workload.namespace.startsWith('*');
    if (workloads.has(workload.id) || (named && workloadsKnown(model, workload.namespace))) continue;
    if (named && model.namespaces.has(workload.namespace) && treeIsComplete(model)) continue;
    workloads.set(workload.id, workload);
  }
  for (const namespace of theirs.namespaces)
    if (!namespaces.has(namespace.name)) namespaces.set(namespace.name, namespace);
  if (workloads.size === 0) return model;
  const allNamespaces = new Map(model.namespaces);
  for (const namespace of namespaces.values())
    if (!allNamespaces.has(namespace.name)) allNamespaces.set(namespace.name, namespace);
  return { ...model, namespaces: allNamespaces, workloads: [...model.workloads, ...workloads.values()] };
}

/**
 * Labels of a pod (or namespace) the selector matches and that carries nothing more: `In` takes its first value,
 * `Exists` an empty value. Undefined when no set of labels matches (`k=v` with `k NotIn [v]`).
 */
function membersLabels(selector: LabelSelector): Labels | undefined {
  const labels: Record<string, string> = { ...selector.matchLabels };
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    if (key in labels) continue;
    if (operator === 'In' && values[0] !== undefined) labels[key] = values[0];
    else if (operator === 'Exists') labels[key] = '';
  }
  return compileSelector(selector)(labels) ? labels : undefined;
}

/** The namespaces a selector names by `kubernetes.io/metadata.name`, when it names them. */
function namedNamespaces(selector: LabelSelector): string[] | undefined {
  const name = selector.matchLabels?.[NAMESPACE_NAME_LABEL];
  if (name !== undefined) return [name];
  const inList = (selector.matchExpressions ?? []).find(
    (e) => e.key === NAMESPACE_NAME_LABEL && e.operator === 'In',
  );
  return inList ? [...(inList.values ?? [])] : undefined;
}

function notHere(model: ClusterModel, namespace: string): string {
  return model.namespaces.get(namespace)?.inferred === false
    ? ' (its pods are not in this repository)'
    : ' (not in this repository)';
}

function podsText(pods: LabelSelector): string {
  return isEmptySelector(pods) ? 'any pod' : `any pod ${selectorText(pods)}`;
}

/** `app=postgres,tier notin (a,b)`: a selector as kubectl writes one. */
export function selectorText(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`);
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    if (operator === 'Exists') parts.push(key);
    else if (operator === 'DoesNotExist') parts.push(`!${key}`);
    else parts.push(`${key} ${operator.toLowerCase()} (${values.join(',')})`);
  }
  return parts.join(',');
}

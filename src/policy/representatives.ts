import { NAMESPACE_NAME_LABEL } from '../model/build.js';
import { namespacesKnown, treeIsComplete, workloadsKnown } from '../model/completeness.js';
import {
  NODE_ENTITIES,
  type ClusterModel,
  type LabelSelector,
  type Labels,
  type Namespace,
  type PolicyPeer,
  type SelectorOperator,
  type Workload,
} from '../model/types.js';
import { entitiesOf, ENTITY_NAMESPACE } from './entities.js';
import { DNS_NAME_NAMESPACE, dnsNamesOf } from './fqdn.js';
import { compileSelector, isEmptySelector, REPRESENTED_VALUE } from './selector.js';
import { noun } from '../text/plural.js';

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

/**
 * How reports name the namespace of a representative whose namespace is unnamed: "any namespace", "namespaces
 * team=a", "Cilium entities" for entity peers (`entities.ts`), "DNS names" for DNS name peers (`fqdn.ts`); undefined
 * for a namespace with a name.
 */
export function unnamedNamespaceText(namespace: string): string | undefined {
  if (namespace === '*') return 'any namespace';
  if (namespace === ENTITY_NAMESPACE) return 'Cilium entities';
  if (namespace === DNS_NAME_NAMESPACE) return 'DNS names';
  if (namespace.startsWith('*{') && namespace.endsWith('}')) return `namespaces ${namespace.slice(2, -1)}`;
  return undefined;
}

/** The representatives one model's policies call for, each once. */
export function representativesOf(model: ClusterModel): Representatives {
  let found = representativesByModel.get(model);
  if (!found) representativesByModel.set(model, (found = findRepresentatives(model)));
  return found;
}

interface Representatives {
  workloads: readonly Workload[];
  namespaces: readonly Namespace[];
}

/** Per model: the check asks for each side's twice (with the other side's, for either side's diff model). */
const representativesByModel = new WeakMap<ClusterModel, Representatives>();

function findRepresentatives(model: ClusterModel): Representatives {
  const workloads = new Map<string, Workload>();
  const namespaces = new Map<string, Namespace>();
  const keys = selectorKeys(model);
  const add = (
    namespace: string,
    namespaceLabels: Labels | undefined,
    pods: LabelSelector,
    description: string,
    namespaceSelector?: LabelSelector,
  ) => {
    const labels = membersLabels(pods, keys.pods);
    if (!labels) return;
    const name = isEmptySelector(pods) ? '*' : selectorText(pods);
    // Selectors written differently that mean the same stand for the same pods: the first one written names them.
    const id = `${namespace}/${REPRESENTATIVE_KIND}/${isEmptySelector(pods) ? '*' : selectorText(canonicalSelector(pods))}`;
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
      represents: { pods, ...(namespaceSelector ? { namespaces: namespaceSelector } : {}) },
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
  const unnamedNamespaces = new Map<string, string>();
  const unknownMembersOf = new Map<string, boolean>();
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
          const labels = membersLabels(namespaceSelector, keys.namespaces);
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
    const canonical = selectorText(canonicalSelector(namespaceSelector));
    // Thousands of peers repeat a few namespace selectors: each is matched against the namespaces once.
    let unknownMembers = unknownMembersOf.get(canonical);
    if (unknownMembers === undefined) {
      const matches = compileSelector(namespaceSelector);
      unknownMembers = [...model.namespaces.values()].some(
        (namespace) => matches(namespace.labels) && !workloadsKnown(model, namespace.name),
      );
      unknownMembersOf.set(canonical, unknownMembers);
    }
    if (!unknownMembers && namespacesKnown(model)) return;
    const labels = membersLabels(namespaceSelector, keys.namespaces);
    if (!labels) return;
    const namespace = unnamedNamespaces.get(canonical) ?? unnamedNamespace(namespaceSelector);
    unnamedNamespaces.set(canonical, namespace);
    const where = isEmptySelector(namespaceSelector)
      ? 'in any namespace'
      : `in namespaces ${selectorText(namespaceSelector)}`;
    add(
      namespace,
      { ...labels, [NAMESPACE_NAME_LABEL]: namespace },
      podSelector,
      `${podsText(podSelector)} ${where} (not in this repository)`,
      namespaceSelector,
    );
  };
  // Pods the tree does not show may live in any namespace (np-guard's "entire-cluster"): one stands for them all,
  // so a pod newly isolated, or opened to every namespace, is seen losing or gaining them even when no policy names
  // them.
  peer('', { namespaceSelector: {}, path: [] });
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
  // Cilium's node-side entities that rules name (the local node, the API server) are peers of their own.
  for (const entity of entitiesOf(model)) workloads.set(entity.id, entity);
  // So are the names and patterns toFQDNs items write, whose addresses only DNS answers give.
  for (const name of dnsNamesOf(model)) workloads.set(name.id, name);
  return { workloads: [...workloads.values()], namespaces: [...namespaces.values()] };
}

/**
 * Whether a pod the tree does not show (one a recorded flow names), in a namespace with these labels, is one of the
 * pods a representative stands for.
 */
export function standsFor(representative: Workload, pod: Workload, namespaceLabels: Labels): boolean {
  const { represents } = representative;
  if (!represents) return false;
  const inNamespace = represents.namespaces
    ? compileSelector(represents.namespaces)(namespaceLabels)
    : representative.namespace === pod.namespace;
  return inNamespace && compileSelector(represents.pods)(pod.labels);
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
 * Labels of one pod (or namespace) standing for every one the selector matches: the values it fixes, and for the
 * keys it constrains otherwise or other selectors ask about, what all those pods have in common
 * (`REPRESENTED_VALUE`), so another selector holds for the representative only where it holds for each pod it stands
 * for. Undefined when no pod matches (`k=v` with `k NotIn [v]`).
 */
function membersLabels(selector: LabelSelector, askedKeys: ReadonlySet<string>): Labels | undefined {
  const labels: Record<string, string> = { ...selector.matchLabels };
  const byKey = new Map<
    string,
    { oneOf?: string[]; noneOf: Set<string>; present: boolean; absent: boolean }
  >();
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const known = byKey.get(key) ?? { noneOf: new Set<string>(), present: false, absent: false };
    if (operator === 'In')
      known.oneOf = known.oneOf ? known.oneOf.filter((v) => values.includes(v)) : [...values];
    else if (operator === 'NotIn') values.forEach((v) => known.noneOf.add(v));
    else if (operator === 'Exists') known.present = true;
    else known.absent = true;
    byKey.set(key, known);
  }
  for (const [key, { oneOf, noneOf, present, absent }] of byKey) {
    if (Object.hasOwn(labels, key)) continue;
    if (absent) continue;
    const values = oneOf && [...new Set(oneOf)].filter((v) => !noneOf.has(v)).sort();
    if (values?.length === 1) labels[key] = values[0]!;
    else if (values && values.length > 1) labels[key] = REPRESENTED_VALUE.oneOf(values);
    else if (present || values) labels[key] = REPRESENTED_VALUE.present;
    else labels[key] = REPRESENTED_VALUE.noneOf([...noneOf].sort());
  }
  if (!compileSelector(selector)(labels)) return undefined;
  for (const key of askedKeys)
    if (!Object.hasOwn(labels, key) && !byKey.has(key) && key !== NAMESPACE_NAME_LABEL)
      labels[key] = REPRESENTED_VALUE.unknown;
  return labels;
}

/**
 * One way of writing each selector, so selectors that mean the same give one representative: an `In` of one value
 * is a label, values are sorted and requirements ordered.
 */
function canonicalSelector(selector: LabelSelector): LabelSelector {
  const matchLabels: Record<string, string> = { ...selector.matchLabels };
  const expressions: { key: string; operator: SelectorOperator; values: string[] }[] = [];
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const unique = [...new Set(values)].sort();
    if (operator === 'In' && unique.length === 1 && !(key in matchLabels)) matchLabels[key] = unique[0]!;
    else expressions.push({ key, operator, values: unique });
  }
  expressions.sort((a, b) =>
    compare(`${a.key} ${a.operator} ${a.values.join(',')}`, `${b.key} ${b.operator} ${b.values.join(',')}`),
  );
  return {
    ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}),
    ...(expressions.length > 0 ? { matchExpressions: expressions } : {}),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The label keys the policies' pod and namespace selectors ask about. */
function selectorKeys(model: ClusterModel): { pods: ReadonlySet<string>; namespaces: ReadonlySet<string> } {
  const pods = new Set<string>();
  const namespaces = new Set<string>();
  const note = (into: Set<string>, selector: LabelSelector | undefined) => {
    for (const key of Object.keys(selector?.matchLabels ?? {})) into.add(key);
    for (const { key } of selector?.matchExpressions ?? []) into.add(key);
  };
  const rules = (list: readonly { peers?: readonly PolicyPeer[] }[]) => {
    for (const rule of list) {
      for (const peer of rule.peers ?? []) {
        note(pods, peer.podSelector);
        note(namespaces, peer.namespaceSelector);
      }
    }
  };
  for (const policy of model.policies) {
    note(pods, policy.podSelector);
    rules(policy.ingress);
    rules(policy.egress);
  }
  for (const policy of model.tieredPolicies ?? []) {
    note(pods, policy.subject.podSelector);
    note(namespaces, policy.subject.namespaceSelector);
    rules(policy.ingress);
    rules(policy.egress);
  }
  return { pods, namespaces };
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

/**
 * What a rule's peer item names, in words, for a policy of namespace `home` (none for a cluster-scoped one): `any pod
 * in any namespace` (`namespaceSelector: {}`, with or without `podSelector: {}`), `any pod app=web in namespaces
 * matching team=a`, `any pod in namespace shop` (a podSelector alone), `addresses in 0.0.0.0/0 except 10.0.0.0/8`,
 * `the addresses DNS answers for api.github.com` (a toFQDNs item), `the Cilium entity kube-apiserver`.
 */
export function describePeer(peer: PolicyPeer, home: string | undefined): string {
  if (peer.world) return 'any address outside the cluster';
  // Only `cluster` and `all` name every node-side entity, beside every pod (kinds/cilium/read.ts): the row is theirs.
  if (peer.entities)
    return peer.entities.length === NODE_ENTITIES.length
      ? 'every pod and Cilium entity of the cluster'
      : `${noun(peer.entities.length, 'the Cilium entity', 'the Cilium entities')} ${peer.entities.join(', ')}`;
  if (peer.toFqdn?.matchName !== undefined) return `the addresses DNS answers for ${peer.toFqdn.matchName}`;
  if (peer.toFqdn?.matchPattern !== undefined)
    return `the addresses DNS answers for names matching ${peer.toFqdn.matchPattern}`;
  if (peer.ipBlock) {
    const except = peer.ipBlock.except.length > 0 ? ` except ${peer.ipBlock.except.join(', ')}` : '';
    return `addresses in ${peer.ipBlock.cidr}${except}`;
  }
  const pods = podsText(peer.podSelector ?? {});
  const { namespaceSelector } = peer;
  if (!namespaceSelector || (peer.scopedToNamespace && home !== undefined))
    return home === undefined ? `${pods} in any namespace` : `${pods} in namespace ${home}`;
  if (isEmptySelector(namespaceSelector)) return `${pods} in any namespace`;
  const named = namedNamespaces(namespaceSelector);
  if (
    named &&
    Object.keys(namespaceSelector.matchLabels ?? {}).length +
      (namespaceSelector.matchExpressions?.length ?? 0) ===
      1
  )
    return `${pods} in ${noun(named.length, 'namespace')} ${named.join(', ')}`;
  return `${pods} in namespaces matching ${selectorText(namespaceSelector)}`;
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

import type { ResolvedConfig } from '../config/types.js';
import type { ClusterModel, LabelSelector, Labels } from '../model/types.js';
import { NAMESPACE_NAME_LABEL } from '../model/build.js';
import { SYSTEM_NAMESPACES } from '../model/completeness.js';
import { compileSelector } from '../policy/selector.js';
import { compareText } from '../text/compare.js';
import { labelsSatisfying } from './helpers.js';
import { selectorKeys } from '../policy/selector.js';

/** The namespace of the cluster DNS pods, named by the `dns` config or `kube-system`. */
export function dnsNamespaceName(config: ResolvedConfig): string {
  return config.dns.namespaceSelector.matchLabels?.[NAMESPACE_NAME_LABEL] ?? 'kube-system';
}

/**
 * Namespaces the repository and the config know, with their labels: the system namespaces, the DNS namespace as the
 * `dns` config describes it, the config's outside namespaces, then the repository's (most precise last).
 */
export function knownNamespaces(
  model: ClusterModel,
  config: ResolvedConfig,
): readonly { name: string; labels: Labels }[] {
  // Rules ask this for every selector of every policy: computed once per model and config.
  const cached = knownNamespacesCache.get(model);
  if (cached?.config === config) return cached.namespaces;
  const byName = new Map<string, Labels>();
  for (const name of SYSTEM_NAMESPACES) byName.set(name, { [NAMESPACE_NAME_LABEL]: name });
  const dnsNamespace = dnsNamespaceName(config);
  byName.set(dnsNamespace, {
    ...labelsSatisfying(config.dns.namespaceSelector),
    [NAMESPACE_NAME_LABEL]: dnsNamespace,
  });
  for (const [name, { labels }] of Object.entries(config.namespaces)) {
    byName.set(name, { ...labels, [NAMESPACE_NAME_LABEL]: name });
  }
  for (const namespace of model.namespaces.values()) {
    byName.set(namespace.name, { ...byName.get(namespace.name), ...namespace.labels });
  }
  const namespaces = [...byName].map(([name, labels]) => ({ name, labels }));
  knownNamespacesCache.set(model, { config, namespaces });
  return namespaces;
}

const labelKeysCache = new WeakMap<object, ReadonlySet<string>>();

const knownNamespacesCache = new WeakMap<
  ClusterModel,
  { config: ResolvedConfig; namespaces: readonly { name: string; labels: Labels }[] }
>();

/**
 * The namespace names a selector states exactly: a `kubernetes.io/metadata.name` equality or `In` list, which the API
 * server sets on every namespace. Such a selector names namespaces that surely exist somewhere, whether or not this
 * tree declares them. Undefined when the selector selects on anything else.
 */
export function namedNamespaces(selector: LabelSelector): readonly string[] | undefined {
  const keys = selectorKeys(selector);
  if (keys.length !== 1 || keys[0] !== NAMESPACE_NAME_LABEL) return undefined;
  // Each requirement allows a set of names; the selector allows the names every requirement allows.
  const allowed: (readonly string[])[] = [];
  const equal = selector.matchLabels?.[NAMESPACE_NAME_LABEL];
  if (equal !== undefined) allowed.push([equal]);
  for (const { operator, values } of selector.matchExpressions ?? []) {
    if (operator !== 'In') return undefined;
    allowed.push(values ?? []);
  }
  const names = new Set(allowed[0]);
  for (const list of allowed.slice(1)) for (const name of names) if (!list.includes(name)) names.delete(name);
  return [...names].sort();
}

/** Keys a namespaceSelector reads that no known namespace carries. */
export function unknownNamespaceLabelKeys(
  selector: LabelSelector,
  model: ClusterModel,
  config: ResolvedConfig,
): string[] {
  const known = knownLabelKeys(model, config);
  return selectorKeys(selector).filter((key) => !known.has(key));
}

/** Label keys of the known namespaces, computed once per known-namespace list (asked for every selector). */
function knownLabelKeys(model: ClusterModel, config: ResolvedConfig): ReadonlySet<string> {
  const namespaces = knownNamespaces(model, config);
  let keys = labelKeysCache.get(namespaces);
  if (!keys) {
    keys = new Set([NAMESPACE_NAME_LABEL, ...namespaces.flatMap(({ labels }) => Object.keys(labels))]);
    labelKeysCache.set(namespaces, keys);
  }
  return keys;
}

/**
 * Names of known namespaces a namespaceSelector matches, sorted. Rules ask this for every peer of every policy, and
 * policies repeat the same few selectors: each distinct selector is answered once per known-namespace list, looking
 * only at the namespaces that carry one of its required labels when it has one.
 */
export function matchingNamespaceNames(
  selector: LabelSelector,
  model: ClusterModel,
  config: ResolvedConfig,
): readonly string[] {
  const namespaces = knownNamespaces(model, config);
  let index = namespaceIndexCache.get(namespaces);
  if (!index) {
    index = { byLabel: namespacesByLabel(namespaces), answers: new Map() };
    namespaceIndexCache.set(namespaces, index);
  }
  const key = selectorKey(selector);
  let names = index.answers.get(key);
  if (!names) {
    const [required] = Object.entries(selector.matchLabels ?? {});
    const candidates = required ? (index.byLabel.get(labelKey(...required)) ?? []) : namespaces;
    const matches = compileSelector(selector);
    names = candidates
      .filter(({ labels }) => matches(labels))
      .map(({ name }) => name)
      .sort();
    index.answers.set(key, names);
  }
  return names;
}

type KnownNamespace = { name: string; labels: Labels };

/** Per known-namespace list: its namespaces by `key=value` label, and the answers given so far by selector. */
const namespaceIndexCache = new WeakMap<
  readonly KnownNamespace[],
  { byLabel: ReadonlyMap<string, readonly KnownNamespace[]>; answers: Map<string, readonly string[]> }
>();

function namespacesByLabel(namespaces: readonly KnownNamespace[]): Map<string, KnownNamespace[]> {
  const byLabel = new Map<string, KnownNamespace[]>();
  for (const namespace of namespaces) {
    for (const [key, value] of Object.entries(namespace.labels)) {
      const label = labelKey(key, value);
      const holders = byLabel.get(label);
      if (holders) holders.push(namespace);
      else byLabel.set(label, [namespace]);
    }
  }
  return byLabel;
}

function labelKey(key: string, value: string): string {
  return JSON.stringify([key, value]);
}

/** The same text for selectors that select the same labels however they are written. */
function selectorKey(selector: LabelSelector): string {
  const matchLabels = Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => compareText(a, b));
  const expressions = (selector.matchExpressions ?? [])
    .map(({ key, operator, values }) => JSON.stringify([key, operator, [...(values ?? [])].sort()]))
    .sort();
  return JSON.stringify([matchLabels, expressions]);
}

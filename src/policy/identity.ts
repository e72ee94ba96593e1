import {
  CILIUM_CLUSTER_LABEL,
  CILIUM_DEFAULTS,
  CILIUM_KINDS,
  ciliumClusterName,
  CILIUM_OWNED_LABEL_PREFIX,
  CILIUM_SERVICE_ACCOUNT_LABEL,
  type CiliumSettings,
  type Cni,
} from '../model/cni.js';
import type { Labels, Workload } from '../model/types.js';

/**
 * Cilium's identity of a pod: the labels of its endpoint, which Cilium's selectors match, and NetworkPolicy's too
 * under `cni: cilium` (Cilium translates a NetworkPolicy into its own rules, its selectors with the `k8s:` source:
 * pkg/k8s/network_policy.go, `ParseNetworkPolicy`). Cilium builds them from the pod (`GetPodMetadata`,
 * pkg/k8s/watchers/pod.go and pkg/k8s/utils/utils.go `SanitizePodLabels`): its own labels without the ones under
 * `io.cilium.k8s` (`filterPodLabels`: Cilium owns those), `io.cilium.k8s.policy.serviceaccount` with the pod's
 * `spec.serviceAccountName`, and `io.cilium.k8s.policy.cluster` with the cluster's name. The namespace labels
 * (`io.kubernetes.pod.namespace`, `io.cilium.k8s.namespace.labels.*`) stay with the namespace in the model. Under
 * `cni: cilium` only the labels the label filter keeps are part of the identity (`filter`).
 *
 * A representative (`representatives.ts`) stands for pods the tree does not show by the labels a selector names, which
 * may be Cilium's own: it keeps them.
 */
export function ciliumIdentity(workload: Workload, clusterName: string, filter?: LabelFilter): Labels {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(workload.labels))
    if (workload.representative !== undefined || !key.startsWith(CILIUM_OWNED_LABEL_PREFIX))
      labels[key] = value;
  if (workload.serviceAccount !== undefined) labels[CILIUM_SERVICE_ACCOUNT_LABEL] = workload.serviceAccount;
  labels[CILIUM_CLUSTER_LABEL] = clusterName;
  return filter ? keptLabels(labels, filter) : labels;
}

/**
 * The labels a policy of `kind` selects a workload by, as the engine matches them (`PodFacts` in `compile.ts`):
 * Cilium's identity of the pod for Cilium's kinds, and for every kind under `cni: cilium`; else its own labels.
 */
export function selectableLabels(
  model: { cni?: Cni; cilium?: CiliumSettings },
  workload: Workload,
  kind: string,
): Labels {
  if (model.cni !== 'cilium' && !CILIUM_KINDS.includes(kind)) return workload.labels;
  return identityOf(workload, ciliumClusterName(model), labelFilterOf(model));
}

/**
 * {@link ciliumIdentity}, worked out once per workload for the cluster name and filter it was last asked with: the
 * engine's pod facts and the rules' view of them ask it for every workload.
 */
export function identityOf(workload: Workload, clusterName: string, filter: LabelFilter | undefined): Labels {
  const known = identities.get(workload);
  if (known && known.clusterName === clusterName && known.filter === filter) return known.labels;
  const labels = ciliumIdentity(workload, clusterName, filter);
  identities.set(workload, { clusterName, filter, labels });
  return labels;
}

const identities = new WeakMap<
  Workload,
  { clusterName: string; filter: LabelFilter | undefined; labels: Labels }
>();

/** The labels of a set the filter keeps (`Filter`'s identity labels). */
export function keptLabels(labels: Labels, filter: LabelFilter): Labels {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) if (decide(filter, key).kept) kept[key] = value;
  return kept;
}

/**
 * Cilium's default label filter, in its order (pkg/labelsfilter/filter.go `defaultLabelPrefixCfg`, Cilium 1.19):
 * inclusive expressions for the reserved labels, the namespace, the namespace's labels, `app.kubernetes.io`, the
 * cluster and the service account, then exclusive ones (`!`) for the labels Kubernetes and controllers set per pod or
 * per revision. Documented in Documentation/operations/performance/scalability/identity-relevant-labels.rst.
 */
export const CILIUM_DEFAULT_LABEL_FILTER: readonly string[] = [
  'reserved:.*',
  'io\\.kubernetes\\.pod\\.namespace',
  'io\\.cilium\\.k8s\\.namespace\\.labels',
  'app\\.kubernetes\\.io',
  'io\\.cilium\\.k8s\\.policy\\.cluster',
  'io\\.cilium\\.k8s\\.policy\\.serviceaccount',
  '!io\\.kubernetes',
  '!kubernetes\\.io',
  '!statefulset\\.kubernetes\\.io/pod-name',
  '!apps\\.kubernetes\\.io/pod-index',
  '!batch\\.kubernetes\\.io/job-completion-index',
  '!batch\\.kubernetes\\.io/controller-uid',
  '!.*beta\\.kubernetes\\.io',
  '!k8s\\.io',
  '!pod-template-generation',
  '!pod-template-hash',
  '!controller-revision-hash',
  '!controller-uid',
  '!annotation.*',
  '!etcd_node',
];

/** One expression of the filter (`LabelPrefix`): `[source:][!]regexp`. */
export interface LabelExpression {
  /** As written (the default ones as filter.go writes them). */
  text: string;
  /** The label source it applies to; empty for every source. Pods' labels are of the `k8s` source. */
  source: string;
  /** `!`: labels it matches are left out of the identity. */
  exclude: boolean;
  /** The regular expression, anchored at the start of the key. */
  pattern: RegExp;
}

/** The label filter of a Cilium agent: its default expressions and those the `labels` setting adds. */
export interface LabelFilter {
  expressions: readonly LabelExpression[];
  /** Whether some added expression is inclusive: then only labels an inclusive expression matches are kept. */
  inclusive: boolean;
  /** What the filter decided per label key (it decides on the key alone). */
  decisions: Map<string, LabelDecision>;
}

/** Whether a label is part of the identity, and the expression that decided when it is not. */
export type LabelDecision =
  { kept: true } | { kept: false; excludedBy: LabelExpression } | { kept: false; excludedBy?: undefined };

/** Longest label key Kubernetes accepts (a 253-character prefix, `/` and a 63-character name). */
const MAX_LABEL_KEY = 317;

/** Longest expression the `identityLabels` setting takes (Cilium's own are under 50 characters). */
export const MAX_LABEL_EXPRESSION = 128;

/**
 * Reads one expression as `parseLabelPrefix` does: a source before the first `:`, a leading `!` for an exclusive
 * one, the rest a regular expression that must match at the start of the key. Returns why it is refused, if it is.
 * JavaScript runs the regular expression, so what Go's RE2 refuses (look-around, back-references) is refused, and so
 * are the shapes that make a backtracking engine slow (a repeated group holding a repetition or `|`, more than two
 * repetitions, a count above 32): the setting comes from the tree under review.
 */
export function parseLabelExpression(text: string): LabelExpression | string {
  if (text.length > MAX_LABEL_EXPRESSION) return `is longer than ${MAX_LABEL_EXPRESSION} characters`;
  const colon = text.indexOf(':');
  const source = colon === -1 ? '' : text.slice(0, colon);
  let pattern = colon === -1 ? text : text.slice(colon + 1);
  if (pattern.length === 0) return 'has no pattern after the source';
  const exclude = pattern.startsWith('!');
  if (exclude) pattern = pattern.slice(1);
  const unsafe = unsafePattern(pattern);
  if (unsafe) return unsafe;
  try {
    // Anchored, as only a match at the start of the key counts (`res[0] == 0`): the same match, found without
    // trying every other start.
    return { text, source, exclude, pattern: new RegExp(`^(?:${pattern})`) };
  } catch {
    return 'is not a regular expression';
  }
}

function unsafePattern(pattern: string): string | undefined {
  if (/\(\?<?[=!]|\\[1-9]|\\k</.test(pattern))
    return 'uses look-around or a back-reference, which Cilium refuses';
  // Per open group: whether it holds a repetition or an alternation.
  const groups: { repeats: boolean }[] = [];
  let repetitions = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '[') {
      // A class: up to its closing bracket (a leading `]` or `^]` is a member).
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      i = j;
      continue;
    }
    if (char === '(') {
      groups.push({ repeats: false });
      // `(?:`, `(?<name>`: the `?` is no repetition.
      if (pattern[i + 1] === '?') i++;
      continue;
    }
    // A `?` after a repetition makes it lazy: the same repetition.
    const lazy = char === '?' && /[*+?}]/.test(pattern[i - 1] ?? '');
    if ('*+?{'.includes(char) && !lazy) {
      repetitions++;
      const count = char === '{' ? /^\{(\d*)(?:,(\d*))?\}/.exec(pattern.slice(i)) : null;
      if (count && Math.max(Number(count[1] || 0), Number(count[2] || 0)) > MAX_REPEAT_COUNT)
        return `repeats more than ${MAX_REPEAT_COUNT} times`;
    }
    if ('*+?{|'.includes(char)) for (const group of groups) group.repeats = true;
    if (char === ')') {
      const group = groups.pop();
      if (group?.repeats && /^[*+?{]/.test(pattern.slice(i + 1)))
        return 'repeats a group that holds a repetition or "|", which can take exponential time';
    }
  }
  if (repetitions > MAX_REPETITIONS)
    return `has more than ${MAX_REPETITIONS} repetitions ("*", "+", "?", "{n,m}"), which can take polynomial time`;
  return undefined;
}

/** Repetitions an expression of the setting may hold, and the largest count one may name. */
const MAX_REPETITIONS = 2;
const MAX_REPEAT_COUNT = 32;

const filters = new Map<string, LabelFilter>();

/**
 * The filter of Cilium's defaults plus the expressions given (`labels`: `ParseLabelPrefixCfg` appends them), one
 * object per distinct list, so engines share it and what it decided. The expressions were checked when the
 * configuration was read (`parseLabelExpression`); one that does not parse is left out.
 */
export function labelFilter(added: readonly string[]): LabelFilter {
  const key = added.join('\u0000');
  let filter = filters.get(key);
  if (!filter) {
    const parsed = [...CILIUM_DEFAULT_LABEL_FILTER, ...added]
      .map(parseLabelExpression)
      .filter((expression): expression is LabelExpression => typeof expression !== 'string');
    filter = {
      expressions: parsed,
      // Cilium's own inclusive expressions do not make the filter inclusive; one the setting adds does.
      inclusive: parsed.slice(CILIUM_DEFAULT_LABEL_FILTER.length).some((expression) => !expression.exclude),
      decisions: new Map(),
    };
    filters.set(key, filter);
  }
  return filter;
}

/** The label filter of the model's Cilium agent; undefined on other CNIs, whose pods have no such identity. */
export function labelFilterOf(model: { cni?: Cni; cilium?: CiliumSettings }): LabelFilter | undefined {
  if (model.cni !== 'cilium') return undefined;
  return labelFilter(model.cilium?.identityLabels ?? CILIUM_DEFAULTS.identityLabels);
}

/**
 * Whether the filter keeps a pod label of this key, as `filterLabels` decides: the longest inclusive match against
 * the shortest exclusive one, a label no expression matches kept unless the filter is inclusive.
 */
export function decide(filter: LabelFilter, key: string): LabelDecision {
  let decision = filter.decisions.get(key);
  if (decision) return decision;
  // A longer key is no Kubernetes label (the API server refuses the pod): it is not filtered.
  if (key.length > MAX_LABEL_KEY) decision = { kept: true };
  else {
    let included = 0;
    let ignored = 0;
    let excludedBy: LabelExpression | undefined;
    for (const expression of filter.expressions) {
      const length = matchLength(expression, key);
      if (length === undefined) continue;
      if (expression.exclude) {
        if (ignored === 0 || length < ignored) {
          ignored = length;
          excludedBy = length > 0 ? expression : undefined;
        }
      } else if (length > included) included = length;
    }
    decision =
      (!filter.inclusive && ignored === 0) || included > ignored
        ? { kept: true }
        : excludedBy
          ? { kept: false, excludedBy }
          : { kept: false };
  }
  filter.decisions.set(key, decision);
  return decision;
}

/** The length an expression matches at the start of a pod label's key (`LabelPrefix.matches`); undefined if not. */
function matchLength(expression: LabelExpression, key: string): number | undefined {
  if (expression.source !== '' && expression.source !== 'k8s') return undefined;
  const match = expression.pattern.exec(key);
  return match ? match[0].length : undefined;
}

import type { Labels, Workload } from '../model/types.js';
import { namespaceLabelsOf } from '../model/build.js';
import { groupKey, sortedEntries } from '../policy/engine.js';
import type { ConnectionScope, Direction, PolicyEngine } from '../policy/types.js';

/**
 * The workloads whose connections may differ between two sides, as a scope for `PolicyEngine.connections`; every
 * connection outside it is the same on both sides, so a diff need not compute it.
 *
 * Why that holds: the ports from pod `s` to pod `d` are what the policies selecting `s` for egress allow towards
 * `d`'s namespace, labels and ports, intersected with what the policies selecting `d` for ingress allow from `s`'s.
 * So they can change only when `s` or `d` itself changes (added, removed, relabelled, moved, its namespace
 * relabelled), when the egress policies of any tier applying to `s` change, or when the ingress policies applying
 * to `d` change. A changed workload is in both parts of the scope; a workload whose egress (ingress) policies
 * changed is a source (destination). External blocks follow the same policies. Policies are compared by what they
 * mean (`PolicyEngine.selectionMeaning`), not by name or position, so a moved or renamed NetworkPolicy changes
 * nothing.
 *
 * `candidates`, when given, are the only workloads that may have changed: both engines are over the same workloads
 * and every other one is selected by the same policies on both sides (a fix's verification, whose patch changes
 * policies of a few namespaces only). Only they are compared.
 */
export function changedScope(
  base: PolicyEngine,
  head: PolicyEngine,
  candidates?: readonly Workload[],
): ConnectionScope {
  const scope = { sources: new Set<string>(), destinations: new Set<string>() };
  if (candidates) {
    // The caller knows every other workload is the same, and selected the same, on both sides.
    for (const workload of candidates) compare(workload.id, workload, workload);
    return scope;
  }
  const before = new Map(base.model.workloads.map((workload) => [workload.id, workload]));
  const after = new Map(head.model.workloads.map((workload) => [workload.id, workload]));
  for (const id of new Set([...before.keys(), ...after.keys()])) compare(id, before.get(id), after.get(id));
  return scope;

  function compare(id: string, was: Workload | undefined, is: Workload | undefined): void {
    if (!was || !is || !samePodFacts(base, was, head, is)) {
      scope.sources.add(id);
      scope.destinations.add(id);
      return;
    }
    const changed = (direction: Direction) =>
      base.selectionMeaning(was, direction) !== head.selectionMeaning(is, direction);
    if (changed('egress')) scope.sources.add(id);
    if (changed('ingress')) scope.destinations.add(id);
  }
}

/**
 * The part of `changedScope(base, head, candidates)` where a connection may close. Ports from `s` to `d` close only
 * when `s`'s egress or `d`'s ingress allows less than it did: a workload whose direction in `head` allows at least
 * what it allowed in `base` (`PolicyEngine.allowsAtLeast`) closes nothing there, so it is left out of that part of
 * the scope; a pair closes only when one of its ends stays in. A fix's verification asks only what its patch
 * closes: with the wider ends left out it pairs none of the cluster's other pods with the patched namespace's.
 */
export function closingScope(
  base: PolicyEngine,
  head: PolicyEngine,
  candidates: readonly Workload[],
): ConnectionScope {
  const scope = changedScope(base, head, candidates);
  const narrowed = (ids: ReadonlySet<string>, direction: Direction) =>
    new Set(
      candidates
        .filter((workload) => ids.has(workload.id) && !head.allowsAtLeast(base, workload, direction))
        .map((workload) => workload.id),
    );
  return {
    sources: narrowed(scope.sources, 'egress'),
    destinations: narrowed(scope.destinations, 'ingress'),
  };
}

/**
 * Whether two pods are alike in everything policies look at: what makes pods identical within one model
 * (namespace, labels, container ports, stated IPs) and their namespace's labels, which may differ between models.
 * Compared part by part: texts joined per workload would cost the cluster's workloads a long string each.
 */
function samePodFacts(base: PolicyEngine, was: Workload, head: PolicyEngine, is: Workload): boolean {
  return (
    groupKey(was) === groupKey(is) &&
    labelsText(namespaceLabelsOf(base.model, was.namespace)) ===
      labelsText(namespaceLabelsOf(head.model, is.namespace))
  );
}

/** Namespace labels as text, once per labels object (every workload of a namespace has its namespace's). */
function labelsText(labels: Labels): string {
  let text = labelTexts.get(labels);
  if (text === undefined) labelTexts.set(labels, (text = JSON.stringify(sortedEntries(labels))));
  return text;
}

const labelTexts = new WeakMap<Labels, string>();

import type { LabelSelector, Labels, SelectorOperator } from '../model/types.js';

/** A compiled label selector: answers for a set of labels without re-reading the selector. */
export type SelectorPredicate = (labels: Labels) => boolean;

const matchEverything: SelectorPredicate = () => true;

/**
 * Label values of a representative peer (`representatives.ts`): one pod standing for every pod a selector matches.
 * Where that selector fixes a key's value the representative has it; elsewhere its value says what the pods it
 * stands for have in common, and a requirement holds for the representative only when it holds for every one of
 * them (`app notin (x)` does not hold for "any pod with an app label", `app exists` holds for "any pod app in
 * (a,b)"). None is a valid label value (they start with `?`), so no object carries them.
 */
export const REPRESENTED_VALUE = {
  /** The pods may carry any value or none: no requirement on the key holds. */
  unknown: '?',
  /** The pods carry the key, with any value. */
  present: '?exists',
  /** The pods carry one of these values. */
  oneOf: (values: readonly string[]): string => `?in:${values.join(',')}`,
  /** The pods carry none of these values, or not the key. */
  noneOf: (values: readonly string[]): string => `?notin:${values.join(',')}`,
} as const;

/**
 * Compiles a LabelSelector once into a predicate, with Kubernetes semantics: every `matchLabels` pair and every
 * `matchExpressions` requirement must hold (AND); an empty selector matches everything. `NotIn` also holds when the
 * key is absent. An unknown operator matches nothing (the API server would have rejected the object).
 */
export function compileSelector(selector: LabelSelector): SelectorPredicate {
  const checks: SelectorPredicate[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    const allowed = new Set([value]);
    checks.push(
      (labels) =>
        hasLabel(labels, key) &&
        (isRepresented(labels[key]) ? representedHolds(labels[key], 'In', allowed) : labels[key] === value),
    );
  }
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const allowed = new Set(values);
    let check: (labels: Labels) => boolean;
    switch (operator) {
      case 'In':
        check = (labels) => hasLabel(labels, key) && allowed.has(labels[key]!);
        break;
      case 'NotIn':
        check = (labels) => !hasLabel(labels, key) || !allowed.has(labels[key]!);
        break;
      case 'Exists':
        check = (labels) => hasLabel(labels, key);
        break;
      case 'DoesNotExist':
        check = (labels) => !hasLabel(labels, key);
        break;
      default:
        return () => false;
    }
    checks.push((labels) =>
      hasLabel(labels, key) && isRepresented(labels[key])
        ? representedHolds(labels[key], operator, allowed)
        : check(labels),
    );
  }
  if (checks.length === 0) return matchEverything;
  if (checks.length === 1) return checks[0]!;
  // A loop, not `every` with an arrow: predicates run millions of times, and each arrow would be an allocation.
  return (labels) => {
    for (const check of checks) if (!check(labels)) return false;
    return true;
  };
}

/** One-off match of a selector against labels; prefer `compileSelector` when the selector is asked many times. */
export function matchesSelector(selector: LabelSelector, labels: Labels): boolean {
  return compileSelector(selector)(labels);
}

/** Whether a selector has no requirement at all, so it matches every pod or namespace. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return (
    Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0
  );
}

function hasLabel(labels: Labels, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

function isRepresented(value: string | undefined): value is string {
  return value !== undefined && value.startsWith('?');
}

/** Whether a requirement holds for every pod a represented value stands for (see `REPRESENTED_VALUE`). */
function representedHolds(value: string, operator: SelectorOperator, allowed: ReadonlySet<string>): boolean {
  if (value === REPRESENTED_VALUE.present) return operator === 'Exists';
  const [kind, list = ''] = value.split(':', 2) as [string, string?];
  const values = list.split(',');
  if (kind === '?in') {
    if (operator === 'Exists') return true;
    if (operator === 'In') return values.every((v) => allowed.has(v));
    if (operator === 'NotIn') return values.every((v) => !allowed.has(v));
    return false;
  }
  if (kind === '?notin' && operator === 'NotIn') return [...allowed].every((v) => values.includes(v));
  return false;
}

/** Label keys a selector reads, each once, sorted. */
export function selectorKeys(selector: LabelSelector): string[] {
  return [
    ...new Set([
      ...Object.keys(selector.matchLabels ?? {}),
      ...(selector.matchExpressions ?? []).map((expression) => expression.key),
    ]),
  ].sort();
}

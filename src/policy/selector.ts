import type { LabelSelector, Labels } from '../model/types.js';

/** A compiled label selector: answers for a set of labels without re-reading the selector. */
export type SelectorPredicate = (labels: Labels) => boolean;

const matchEverything: SelectorPredicate = () => true;

/**
 * Compiles a LabelSelector once into a predicate, with Kubernetes semantics: every `matchLabels` pair and every
 * `matchExpressions` requirement must hold (AND); an empty selector matches everything. `NotIn` also holds when the
 * key is absent. An unknown operator matches nothing (the API server would have rejected the object).
 */
export function compileSelector(selector: LabelSelector): SelectorPredicate {
  const checks: SelectorPredicate[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    checks.push((labels) => hasLabel(labels, key) && labels[key] === value);
  }
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const allowed = new Set(values);
    switch (operator) {
      case 'In':
        checks.push((labels) => hasLabel(labels, key) && allowed.has(labels[key]!));
        break;
      case 'NotIn':
        checks.push((labels) => !hasLabel(labels, key) || !allowed.has(labels[key]!));
        break;
      case 'Exists':
        checks.push((labels) => hasLabel(labels, key));
        break;
      case 'DoesNotExist':
        checks.push((labels) => !hasLabel(labels, key));
        break;
      default:
        return () => false;
    }
  }
  if (checks.length === 0) return matchEverything;
  return (labels) => checks.every((check) => check(labels));
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

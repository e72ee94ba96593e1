import { l7RuleKey } from '../policy/l7.js';
import type { Direction, L7Filter, L7Rule } from '../policy/types.js';
import type { L7Change, L7Effect } from './types.js';

/**
 * What an L7 change does to the requests that pass (issue 18), judged by the rules each side filters by, as Cilium's
 * proxy passes a request when one rule of every side that filters matches it (`policy/l7.ts`): a side that starts
 * filtering, or loses one of base's rules, passes less (`narrowed`); one that stops filtering, or gains a rule, passes
 * more (`widened`); both at once, `changed`. Rules are compared as written, so a rule rewritten is one lost and one
 * gained: a change that may refuse what base let through.
 */
export function l7Effect(base: L7Filter | undefined, head: L7Filter | undefined): L7Effect {
  if (!base) return 'applied';
  if (!head) return 'removed';
  let narrows = false;
  let widens = false;
  for (const direction of DIRECTIONS) {
    // A side absent passes every request.
    const [before, after] = [base[direction], head[direction]];
    if (before && (!after || !keepsAll(before, after))) widens = true;
    if (after && (!before || !keepsAll(after, before))) narrows = true;
  }
  return narrows && widens ? 'changed' : narrows ? 'narrowed' : 'widened';
}

/** Whether a change may refuse a request base let through: a filter applied, narrowed or changed. */
export function l7Narrows(effect: L7Effect): boolean {
  return effect === 'applied' || effect === 'narrowed' || effect === 'changed';
}

/**
 * Where a change is written at head: the first rule of a side head filters by that base's same side did not have (a
 * rule added or edited), else the first rule of a side whose rules changed (a rule removed beside it). Undefined when
 * head no longer filters the port: no L7 rule at head says so (the caller names the rule that admits the port).
 */
export function changedL7Rule(change: Pick<L7Change, 'base' | 'head'>): L7Rule | undefined {
  const { base, head } = change;
  for (const direction of DIRECTIONS) {
    const before = new Set((base?.[direction] ?? []).map(l7RuleKey));
    const added = head?.[direction]?.find((rule) => !before.has(l7RuleKey(rule)));
    if (added) return added;
  }
  for (const direction of DIRECTIONS) {
    const rules = head?.[direction];
    if (rules && !sameRules(base?.[direction], rules)) return rules[0];
  }
  return undefined;
}

/** The side whose filter head dropped, ingress first (as a change is blamed); for a change that has no rule at head. */
export function droppedL7Side(change: Pick<L7Change, 'base' | 'head'>): Direction {
  return DIRECTIONS.find((direction) => change.base?.[direction] && !change.head?.[direction]) ?? 'ingress';
}

const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

/** Whether `rules` holds every rule of `others`, as written. */
function keepsAll(rules: readonly L7Rule[], others: readonly L7Rule[]): boolean {
  const kept = new Set(rules.map(l7RuleKey));
  return others.every((rule) => kept.has(l7RuleKey(rule)));
}

function sameRules(a: readonly L7Rule[] | undefined, b: readonly L7Rule[] | undefined): boolean {
  if (!a || !b) return a === b;
  return keepsAll(a, b) && keepsAll(b, a);
}

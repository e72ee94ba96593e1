import type { FieldPath } from '../manifests/types.js';
import { CILIUM_KINDS } from '../model/cni.js';
import type { ClusterModel, LabelSelector, TieredPolicy, TieredRule, Workload } from '../model/types.js';
import { decide, labelFilterOf } from '../policy/identity.js';
import type { Direction } from '../policy/types.js';
import { subjectWorkloads, tieredPoliciesOf } from './tiered.js';

/**
 * What the Cilium rules share: their policies, the words their authors gave them, and where a direction's section
 * is written. Sources: Documentation/security/policy/{intro,language,layer3,layer7,deny,kubernetes}.rst in
 * cilium/cilium.
 */
export { CILIUM_KINDS };

/** The Cilium policies of the model, one per rule (`spec` and each of `specs`), in model order. */
export function ciliumPolicies(model: ClusterModel, kinds: readonly string[] = CILIUM_KINDS): TieredPolicy[] {
  return tieredPoliciesOf(model, kinds);
}

/** Annotation keys whose values are their author's words on the policy (not tool state such as last-applied). */
const DESCRIBING_ANNOTATION = /(^|[/.-])(description|summary|purpose|intent|comment|notes?)$/i;

/**
 * The words a policy's author chose for it, lower-cased: its name, the rule's `description` and describing
 * annotations. Rules read intent from them only where the YAML alone cannot tell a slip from a choice.
 */
export function intentText(policy: TieredPolicy): string {
  const annotations = Object.entries(policy.annotations ?? {})
    .filter(([key]) => DESCRIBING_ANNOTATION.test(key))
    .map(([, value]) => value);
  return [policy.ref.name, policy.description ?? '', ...annotations].join('\n').toLowerCase();
}

/** Words that say a policy is meant to deny or isolate. */
const DENY_INTENT =
  /(^|[^a-z])(deny|denies|denied|block|blocks|blocked|blocking|isolat\w*|lock[- _]?down\w*|quarantin\w*|forbid\w*|disallow\w*|reject\w*|drop|drops|no-(ingress|egress|traffic)|zero-?trust|default-?deny|restrict\w*)([^a-z]|$)/;

/** Whether the author's words say the policy is meant to deny (`deny-all-egress`, "lock down", "isolate"...). */
export function saysDeny(policy: TieredPolicy): boolean {
  return DENY_INTENT.test(intentText(policy));
}

/** The field path of a direction's section (`spec.egress`, `specs[1].ingressDeny`), from one of its rules. */
export function sectionPath(rule: TieredRule): FieldPath {
  return rule.path.slice(0, -1);
}

/** The section a rule is written in, as messages name it: `egress`, `ingressDeny`. */
export function sectionName(direction: Direction, rule: TieredRule): string {
  return rule.action === 'deny' ? `${direction}Deny` : direction;
}

/** Whether the Cilium rule (one `spec`) puts the pods it selects in default deny for the direction. */
export function isolates(policy: TieredPolicy, direction: Direction): boolean {
  return policy[direction].length > 0 && (policy.defaultDeny?.[direction] ?? true);
}

/**
 * Every tiered policy of the namespaced tier (Cilium's, of either kind) that applies to each workload in a
 * direction, worked out once per model: the rules that judge one policy against the others selecting the same pods.
 */
export function tieredSelecting(
  model: ClusterModel,
  direction: Direction,
): ReadonlyMap<Workload, readonly TieredPolicy[]> {
  let byDirection = selectingByModel.get(model);
  if (!byDirection) selectingByModel.set(model, (byDirection = new Map()));
  let selecting = byDirection.get(direction);
  if (!selecting) {
    const found = new Map<Workload, TieredPolicy[]>();
    for (const policy of model.tieredPolicies ?? []) {
      if (policy.tier !== 'namespaced' || policy[direction].length === 0) continue;
      for (const workload of subjectWorkloads(model, policy)) {
        const list = found.get(workload);
        if (list) list.push(policy);
        else found.set(workload, [policy]);
      }
    }
    byDirection.set(direction, (selecting = found));
  }
  return selecting;
}

const selectingByModel = new WeakMap<
  ClusterModel,
  Map<Direction, ReadonlyMap<Workload, readonly TieredPolicy[]>>
>();

/** A label a selector requires to be present (`matchLabels`, `In`, `Exists`), with where it is written. */
export interface RequiredLabel {
  key: string;
  path: FieldPath;
}

/** The labels a selector as written requires to be present, each at its key. */
export function requiredLabels(selector: LabelSelector, path: FieldPath): RequiredLabel[] {
  return [
    ...Object.keys(selector.matchLabels ?? {}).map((key) => ({ key, path: [...path, 'matchLabels', key] })),
    ...(selector.matchExpressions ?? []).flatMap(({ key, operator }, i) =>
      operator === 'In' || operator === 'Exists'
        ? [{ key, path: [...path, 'matchExpressions', i, 'key'] }]
        : [],
    ),
  ];
}

/**
 * The label keys a selector requires that Cilium's identity label filter drops under the model's `cni: cilium`
 * (`policy/identity.ts`): the selector matches no pod there, for that reason alone
 * (`cilium-selector-label-not-in-identity`'s finding, which the rules on selectors that match nothing leave to it).
 * Empty on other CNIs.
 */
export function labelsNotInIdentity(model: ClusterModel, selector: LabelSelector): string[] {
  const filter = labelFilterOf(model);
  if (!filter) return [];
  return requiredLabels(selector, [])
    .map(({ key }) => key)
    .filter((key) => !decide(filter, key).kept);
}

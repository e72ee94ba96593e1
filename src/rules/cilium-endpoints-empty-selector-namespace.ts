import { NAMESPACE_NAME_LABEL } from '../model/build.js';
import type { LabelSelector } from '../model/types.js';
import { isEmptySelector } from '../policy/selector.js';
import { DIRECTIONS } from './helpers.js';
import { ciliumPolicies, intentText, sectionName } from './cilium.js';
import { policyLabel } from './tiered.js';
import type { Rule } from './types.js';

/** Words that say the peers are meant to be in every namespace, or anywhere in the cluster. */
const ALL_NAMESPACES = new RegExp(
  '(^|[^a-z])(' +
    [
      '(all|any|every|other|across)[-_ .]?(the[-_ ]?)?(namespaces?|ns)',
      'cross[-_ ]?(namespaces?|ns)',
      '(inter|multi)[-_ ]?namespaces?',
      'cluster[-_ ]?wide',
      '(whole|entire|all|in|intra|from|to|any)[-_ ](the[-_ ])?cluster',
      'anywhere',
      'everywhere',
      'any[-_ ](pods?|sources?|endpoints?|clients?|where)',
    ].join('|') +
    ')([^a-z]|$)',
);
/** Words that say the namespace is meant: nothing to report then. */
const SAME_NAMESPACE =
  /(same|this|own|one|its|the)[-_ ](namespace|ns)|namespace[-_ ]?(only|local|internal)|(intra|within)[-_ ](the[-_ ])?(namespace|ns)/;

/** Whether a namespace selector matches every namespace (`{}`, or the namespace's name with Exists). */
function everyNamespace(selector: LabelSelector): boolean {
  return (
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).every(
      ({ key, operator }) => key === NAMESPACE_NAME_LABEL && operator === 'Exists',
    )
  );
}

/**
 * In a CiliumNetworkPolicy an endpoint selector without a namespace is scoped to the policy's own namespace, so
 * `fromEndpoints: [{}]` is every pod of this namespace, not of every namespace as in a CiliumClusterwideNetworkPolicy
 * (Documentation/security/policy/kubernetes.rst, "Namespaces"; language.rst, "Egress Allow All Endpoints": "all other
 * endpoints in the same namespace"). The YAML alone cannot tell a slip from the documented idiom, so only policies
 * whose author's words say "all namespaces", "cluster-wide" or "anywhere" are reported.
 */
export const ciliumEndpointsEmptySelectorNamespace: Rule = {
  meta: {
    id: 'cilium-endpoints-empty-selector-namespace',
    severity: 'warning',
    kinds: ['CiliumNetworkPolicy'],
    description:
      "`fromEndpoints: [{}]` / `toEndpoints: [{}]` in a CiliumNetworkPolicy whose name or description says all namespaces or the whole cluster: it matches the policy's own namespace only.",
    rationale:
      'Cilium scopes an endpoint selector that names no namespace to the namespace of the CiliumNetworkPolicy, so ' +
      '`{}` is "every pod of this namespace". A policy written to admit the whole cluster (monitoring scraping from ' +
      'another namespace, an ingress controller, a shared service) then admits none of the pods it was meant for, ' +
      'and the break shows up as timeouts elsewhere. Policies whose words do not say so are not reported: the same ' +
      'shape is the documented way to allow the namespace.',
    remediation:
      'For every pod of every namespace select the namespace label: `matchExpressions: [{ key: ' +
      'io.kubernetes.pod.namespace, operator: Exists }]`, or use `fromEntities: [cluster]` (which also holds nodes). ' +
      'For the namespace only, say so in the name or description.',
    example: [
      'ingress:',
      '  - fromEndpoints:',
      '      - matchExpressions:',
      '          - { key: io.kubernetes.pod.namespace, operator: Exists }   # every namespace, not `{}`',
    ].join('\n'),
  },
  check(ctx) {
    for (const policy of ciliumPolicies(ctx.model, ['CiliumNetworkPolicy'])) {
      const words = intentText(policy);
      if (!ALL_NAMESPACES.test(words) || SAME_NAMESPACE.test(words)) continue;
      for (const direction of DIRECTIONS) {
        // A peer of the same direction that does reach every namespace (`fromEntities: [cluster]`, a namespace
        // label with Exists): the words are kept there.
        const rules = policy[direction];
        const everywhere = rules.some((rule) =>
          (rule.peers ?? []).some((peer) => !peer.ipBlock && everyNamespace(peer.namespaceSelector ?? {})),
        );
        if (everywhere) continue;
        for (const rule of rules) {
          for (const peer of rule.peers ?? []) {
            if (!peer.scopedToNamespace || !isEmptySelector(peer.podSelector ?? {})) continue;
            const field = direction === 'ingress' ? 'fromEndpoints' : 'toEndpoints';
            ctx.report({
              policy: policy.ref,
              path: peer.path,
              message:
                `${policyLabel(policy)} ${sectionName(direction, rule)}[${rule.index}] ${field}: [{}] matches every ` +
                `pod of namespace ${policy.ref.namespace ?? ''} only, though the policy says it is for all ` +
                'namespaces: for every namespace select `io.kubernetes.pod.namespace` with operator Exists (or ' +
                `\`${direction === 'ingress' ? 'fromEntities' : 'toEntities'}: [cluster]\`)`,
            });
          }
        }
      }
    }
  },
};

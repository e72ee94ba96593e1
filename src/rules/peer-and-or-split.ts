import { networkPolicyRef } from '../model/policy-ref.js';
import type { PolicyPeer } from '../model/types.js';
import { isEmptySelector } from '../policy/selector.js';
import { andOrSplits, describeWorkloads, formatSelector, peerKey, policyRules } from './helpers.js';
import type { Rule } from './types.js';

/** One `-` too many turns "pods X in namespaces Y" into "all of Y, or X here". */
export const peerAndOrSplit: Rule = {
  meta: {
    id: 'peer-and-or-split',
    severity: 'warning',
    kinds: ['NetworkPolicy'],
    description:
      'A `from`/`to` list with a namespaceSelector-only item next to a podSelector-only item: OR where AND was likely meant.',
    rationale:
      'Items of a `from`/`to` list are alternatives (OR); selectors inside one item must all match (AND). ' +
      '`- namespaceSelector: ...` followed by `- podSelector: ...` admits every pod of those namespaces, plus the ' +
      'matching pods of the policy\'s own namespace, which is far wider than the "these pods in that namespace" it ' +
      'looks like.',
    remediation:
      'Put both selectors in one item (remove the `-` before the second); the finding names the pods of the ' +
      "policy's namespace that would then lose access, if any. If OR is what you meant, keep it and document it " +
      'with a suppression annotation. `- podSelector: {}` ("or my own namespace") is never reported.',
    example: [
      'ingress:',
      '  - from:',
      '      - namespaceSelector:',
      '          matchLabels: { kubernetes.io/metadata.name: shop }',
      '        podSelector:              # same item: AND',
      '          matchLabels: { app: checkout }',
    ].join('\n'),
  },
  check(ctx) {
    for (const { policy, direction, rule } of policyRules(ctx.model)) {
      for (const [namespacePeer, podPeer, later] of andOrSplits(rule.peers ?? [])) {
        if (!namespacePeer.namespaceSelector || !podPeer.podSelector) continue;
        // `- podSelector: {}` is "or any pod of my namespace": AND cannot be what was meant.
        if (isEmptySelector(podPeer.podSelector)) continue;
        const combined: PolicyPeer = {
          namespaceSelector: namespacePeer.namespaceSelector,
          podSelector: podPeer.podSelector,
          path: later.path,
        };
        const namespaceText = formatSelector(namespacePeer.namespaceSelector);
        const podText = formatSelector(podPeer.podSelector);
        const namespaceWorkloads = ctx.engine.peerWorkloads(policy, namespacePeer);
        const podWorkloads = ctx.engine.peerWorkloads(policy, podPeer);
        const andWorkloads = ctx.engine.peerWorkloads(policy, combined);
        // The advice must not close, unsaid, what the OR item admits today.
        const kept = new Set(andWorkloads.map((workload) => workload.id));
        const dropped = podWorkloads.filter((workload) => !kept.has(workload.id));
        const caveat =
          dropped.length > 0
            ? `; merged, they would no longer admit ${describeWorkloads(dropped)}: keep a separate item for them if ` +
              'they need it'
            : '';
        ctx.report({
          policy: networkPolicyRef(policy),
          path: later.path,
          message:
            `"${peerKey(direction)}" has namespaceSelector ${namespaceText} and podSelector ${podText} as separate ` +
            `items, which is OR: every pod of those namespaces (${describeWorkloads(namespaceWorkloads)}) or pods ` +
            `${podText} of ${policy.namespace} (${describeWorkloads(podWorkloads)}). In one item (AND) they would ` +
            `admit ${describeWorkloads(andWorkloads)}${caveat}`,
        });
      }
    }
  },
};

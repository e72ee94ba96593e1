import { FOREIGN_SUBJECT_NAMESPACE } from '../kinds/cilium/selector.js';
import type { Diagnostic } from '../manifests/types.js';
import type { NamespaceMatch } from '../model/types.js';
import { ciliumPolicies } from './cilium.js';
import { policyLabel } from './tiered.js';
import type { Rule } from './types.js';

/** The reader's warning on a matchLabels namespace the rule reports itself. */
const isForeignNamespaceWarning = (diagnostic: Diagnostic) =>
  diagnostic.code === 'not-evaluated' && diagnostic.message.includes(FOREIGN_SUBJECT_NAMESPACE);

/** Whether the requirement holds for the namespace, and whether it names (or implies) any other. */
function judge(match: NamespaceMatch, namespace: string): { holds: boolean; othersNamed: boolean } {
  const { operator, values } = match;
  switch (operator) {
    case 'In':
      return { holds: values.includes(namespace), othersNamed: values.some((value) => value !== namespace) };
    case 'NotIn':
      return { holds: !values.includes(namespace), othersNamed: true };
    case 'Exists':
      return { holds: true, othersNamed: false };
    case 'DoesNotExist':
      return { holds: false, othersNamed: false };
  }
}

/**
 * A CiliumNetworkPolicy applies only to pods of its own namespace, whatever its endpointSelector says of the
 * namespace label: a namespace named in matchLabels is replaced by the policy's own, with a warning in the agent's log
 * only (pkg/k8s/apis/cilium.io/utils/utils.go, ParseToCiliumRule: "EndpointSelector always applies in namespace of
 * the policy resource, removing illegal namespace match"); a matchExpressions requirement is ANDed with it. Naming the
 * policy's own namespace is harmless and not reported.
 */
export const ciliumNamespaceKeyInEndpointSelector: Rule = {
  meta: {
    id: 'cilium-namespace-key-in-endpoint-selector',
    severity: 'warning',
    kinds: ['CiliumNetworkPolicy'],
    description:
      "A namespace (`k8s:io.kubernetes.pod.namespace`) in a CiliumNetworkPolicy's endpointSelector other than the policy's own, which Cilium ignores.",
    rationale:
      'The endpointSelector of a CiliumNetworkPolicy always applies in the namespace the policy lives in. Cilium ' +
      'drops a namespace written in its matchLabels (the agent logs a warning nobody reads) and ANDs one in ' +
      'matchExpressions with its own: the policy does not protect the pods of the namespace it names, and selects ' +
      "its own namespace's pods instead, or none.",
    remediation:
      'Put the policy in the namespace it is for (`metadata.namespace`), or make it a ' +
      'CiliumClusterwideNetworkPolicy, whose endpointSelector may name namespaces.',
    example: [
      'apiVersion: cilium.io/v2',
      'kind: CiliumNetworkPolicy',
      'metadata:',
      '  name: api-ingress',
      '  namespace: payments   # the namespace the policy is for',
      'spec:',
      '  endpointSelector:',
      '    matchLabels: { app: api }   # no io.kubernetes.pod.namespace here',
    ].join('\n'),
    consumesDiagnostic: isForeignNamespaceWarning,
  },
  check(ctx) {
    for (const policy of ciliumPolicies(ctx.model, ['CiliumNetworkPolicy'])) {
      const namespace = policy.ref.namespace;
      if (namespace === undefined) continue;
      for (const match of policy.subjectNamespaceMatches ?? []) {
        const { holds, othersNamed } = judge(match, namespace);
        let effect: string | undefined;
        if (match.inMatchLabels) {
          if (match.values[0] === namespace) continue;
          effect =
            `Cilium drops the namespace ${match.values[0] ?? ''} (logging a warning) and the policy selects ` +
            `pods of ${namespace}, not of ${match.values[0] ?? ''}`;
        } else if (!holds) {
          effect = `it excludes ${namespace}, the only namespace the policy applies in: the policy selects no pod`;
        } else if (othersNamed) {
          effect = `other namespaces than ${namespace} are ignored: the policy selects pods of ${namespace} only`;
        }
        if (effect === undefined) continue;
        ctx.report({
          policy: policy.ref,
          path: match.path,
          message:
            `${policyLabel(policy)} names the namespace in its endpointSelector, which applies in the policy's own ` +
            `namespace only: ${effect}. Move the policy to the namespace it is for, or use a ` +
            'CiliumClusterwideNetworkPolicy',
        });
      }
    }
  },
};

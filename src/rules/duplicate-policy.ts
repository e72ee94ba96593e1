import type { Diagnostic } from '../manifests/types.js';
import type { Rule } from './types.js';

/** The model builder keeps the first of two objects with one identity and reports the next as `duplicate-object`. */
const isDuplicatePolicy = (diagnostic: Diagnostic) =>
  diagnostic.code === 'duplicate-object' &&
  diagnostic.resource?.kind === 'NetworkPolicy' &&
  diagnostic.file !== undefined;

/** Two manifests for one policy: the one applied last silently wins. */
export const duplicatePolicy: Rule = {
  meta: {
    id: 'duplicate-policy',
    severity: 'error',
    kinds: ['NetworkPolicy'],
    description: 'Two NetworkPolicies with the same namespace and name.',
    rationale:
      'Both manifests describe one object: whichever is applied last replaces the other, so one of the two ' +
      'reviewed policies never exists in the cluster, and which one depends on file order. (The analysis keeps the ' +
      'first one.)',
    remediation: 'Rename one of them, or merge their rules into a single policy.',
    example: [
      'metadata:',
      '  name: allow-frontend-metrics   # was "allow-frontend", like the policy in frontend.yaml',
      '  namespace: shop',
    ].join('\n'),
    suppressibleByAnnotation: false,
    consumesDiagnostic: isDuplicatePolicy,
  },
  check(ctx) {
    for (const diagnostic of ctx.diagnostics) {
      const { file, resource } = diagnostic;
      if (!isDuplicatePolicy(diagnostic) || file === undefined || !resource) continue;
      // The builder names the namespace only when the manifest states it; the model knows where the policy went.
      const first = ctx.model.policies.find(
        (policy) =>
          policy.name === resource.name && (resource.namespace ?? policy.namespace) === policy.namespace,
      );
      const id = first?.id ?? resource.name;
      ctx.report({
        at: { file, line: diagnostic.line ?? 1, column: diagnostic.column ?? 1 },
        resource: {
          kind: 'NetworkPolicy',
          namespace: first?.namespace ?? resource.namespace,
          name: resource.name,
        },
        message: first
          ? `NetworkPolicy ${id} is already defined at ${first.loc.file}:${first.loc.line}: the one applied last ` +
            'replaces the other (this analysis keeps the first)'
          : `NetworkPolicy ${id} is defined twice: the one applied last replaces the other`,
        related: first ? [{ ...first.loc, message: `first definition of ${id}` }] : [],
      });
    }
  },
};

import { POLICY_KINDS } from '../kinds/registry.js';
import type { Diagnostic } from '../manifests/types.js';
import type { Rule } from './types.js';

/** The loader's schema check (`schema`) and the model's API-validation rejections (`invalid-policy`). */
const isApiRejection = (diagnostic: Diagnostic) =>
  (diagnostic.code === 'schema' || diagnostic.code === 'invalid-policy') && diagnostic.file !== undefined;

/** Turns API-validation diagnostics into findings, so an invalid policy fails the run like any error. */
export const schema: Rule = {
  meta: {
    id: 'schema',
    severity: 'error',
    kinds: POLICY_KINDS.map((kind) => kind.kind),
    description:
      'A NetworkPolicy that the Kubernetes API would reject (malformed selector, port, CIDR, policyType...).',
    rationale:
      '`kubectl apply` refuses the object, so the policy you reviewed never takes effect; and netpol-guard leaves it ' +
      'out of every analysis, so reachability and the other rules describe a cluster without it.',
    remediation:
      'Fix the field named in the message; `kubectl apply --dry-run=server -f FILE` shows the same error.',
    example: [
      'spec:',
      '  podSelector: {}',
      '  ingress:',
      '    - ports:',
      '        - protocol: TCP',
      '          port: 8080      # a number 1-65535 or an IANA_SVC_NAME, not "8080/tcp"',
    ].join('\n'),
    suppressibleByAnnotation: false,
    consumesDiagnostic: isApiRejection,
  },
  check(ctx) {
    for (const diagnostic of ctx.diagnostics) {
      if (!isApiRejection(diagnostic) || diagnostic.file === undefined) continue;
      ctx.report({
        at: { file: diagnostic.file, line: diagnostic.line ?? 1, column: diagnostic.column ?? 1 },
        resource: diagnostic.resource ?? { kind: 'NetworkPolicy', name: '' },
        message: diagnostic.message,
      });
    }
  },
};

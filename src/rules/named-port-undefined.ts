import { networkPolicyRef } from '../model/policy-ref.js';
import { describeWorkloads, destinationWorkloads, policyRules, sortedUnique, subPath } from './helpers.js';
import type { Rule } from './types.js';

/** A named port resolves per destination pod; when no pod declares the name, the rule allows nothing. */
export const namedPortUndefined: Rule = {
  meta: {
    id: 'named-port-undefined',
    severity: 'warning',
    kinds: ['NetworkPolicy'],
    description: 'A named port that no selected destination pod declares.',
    rationale:
      "A named port (`port: http`) is looked up in the destination pod's `containerPorts`: for ingress the pods the " +
      'policy selects, for egress the pods the peers select. When none of them declares the name with that protocol, ' +
      'the rule matches no traffic at all, and the connection it was written for is dropped.',
    remediation:
      "Use the name the pods declare (or the port number), or add the name to the container's `ports`.",
    example: [
      '# the pod template declares the name',
      'containers:',
      '  - name: api',
      '    ports:',
      '      - { name: http, containerPort: 8080 }',
      '# and the policy uses the same name',
      'ingress:',
      '  - ports: [{ protocol: TCP, port: http }]',
    ].join('\n'),
  },
  check(ctx) {
    for (const visit of policyRules(ctx.model)) {
      for (const policyPort of visit.rule.ports ?? []) {
        const name = policyPort.port;
        if (typeof name !== 'string') continue;
        const destinations = destinationWorkloads(ctx.engine, visit);
        // Pods the repository does not show may declare it: only a known, non-empty set can be judged.
        if (destinations.length === 0) continue;
        const declares = destinations.some((workload) =>
          workload.ports.some((port) => port.name === name && port.protocol === policyPort.protocol),
        );
        if (declares) continue;
        const declared = sortedUnique(
          destinations.flatMap((workload) =>
            workload.ports.flatMap((port) => (port.name ? [`${port.name}/${port.protocol}`] : [])),
          ),
        );
        const known =
          declared.length > 0 ? `they declare ${declared.join(', ')}` : 'they declare no named port';
        ctx.report({
          policy: networkPolicyRef(visit.policy),
          path: subPath(policyPort.path, 'port'),
          message:
            `no ${visit.direction === 'ingress' ? 'selected' : 'destination'} pod declares a ${policyPort.protocol} ` +
            `port named "${name}" (${describeWorkloads(destinations)}; ${known}): this port matches no traffic`,
        });
      }
    }
  },
};

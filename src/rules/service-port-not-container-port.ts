import { networkPolicyRef } from '../model/policy-ref.js';
import type { Service, ServicePort, Workload } from '../model/types.js';
import { describeWorkloads, destinationWorkloads, policyRules, portAdmitsOnPod, subPath } from './helpers.js';
import type { Rule } from './types.js';

/** Whether a Service's selector (plain equality) selects the workload. */
function serviceSelects(service: Service, workload: Workload): boolean {
  const selector = service.selector;
  if (!selector || Object.keys(selector).length === 0 || service.namespace !== workload.namespace)
    return false;
  return Object.entries(selector).every(([key, value]) => workload.labels[key] === value);
}

/** The pod port a Service port forwards to on this workload; undefined when a named targetPort is not declared. */
function targetPortOn(servicePort: ServicePort, workload: Workload): number | undefined {
  if (typeof servicePort.targetPort === 'number') return servicePort.targetPort;
  return workload.ports.find(
    (port) => port.name === servicePort.targetPort && port.protocol === servicePort.protocol,
  )?.port;
}

/** Policies are evaluated after the Service's DNAT: the Service port is not what the pod receives. */
export const servicePortNotContainerPort: Rule = {
  meta: {
    id: 'service-port-not-container-port',
    severity: 'warning',
    kinds: ['NetworkPolicy'],
    description: "A numeric port equal to a Service's `port` whose pods listen on a different `targetPort`.",
    rationale:
      'NetworkPolicies see the packet after kube-proxy (or the CNI) has translated the Service address and port to ' +
      'a pod address and the targetPort. A rule on the Service port (80) therefore does not admit traffic that ' +
      'reaches the pod on its targetPort (8080): the connection the rule was written for is dropped.',
    remediation:
      "Allow the port the pods listen on (the Service's targetPort), or use the container port's name.",
    example: [
      '# Service web: port 80 -> targetPort 8080',
      'ingress:',
      '  - from: [{ podSelector: { matchLabels: { app: frontend } } }]',
      '    ports: [{ protocol: TCP, port: 8080 }]   # not 80',
    ].join('\n'),
  },
  check(ctx) {
    for (const visit of policyRules(ctx.model)) {
      for (const policyPort of visit.rule.ports ?? []) {
        const port = policyPort.port;
        if (typeof port !== 'number' || policyPort.endPort !== undefined) continue;
        const mismatches: { service: Service; workload: Workload; targetPort: number }[] = [];
        for (const workload of destinationWorkloads(ctx.engine, visit)) {
          const listensOnPort = workload.ports.some(
            (p) => p.port === port && p.protocol === policyPort.protocol,
          );
          if (listensOnPort) continue;
          for (const service of ctx.model.services) {
            if (!serviceSelects(service, workload)) continue;
            for (const servicePort of service.ports) {
              if (servicePort.port !== port || servicePort.protocol !== policyPort.protocol) continue;
              const targetPort = targetPortOn(servicePort, workload);
              // When the rule also admits the target port, the Service port entry is redundant, not harmful.
              if (targetPort === undefined || targetPort === port) continue;
              const admitsTarget = visit.rule.ports?.some((other) =>
                portAdmitsOnPod(other, policyPort.protocol, targetPort, workload),
              );
              if (admitsTarget) continue;
              mismatches.push({ service, workload, targetPort });
            }
          }
        }
        const first = mismatches[0];
        if (!first) continue;
        const targets = [...new Set(mismatches.map(({ targetPort }) => targetPort))].sort((a, b) => a - b);
        ctx.report({
          policy: networkPolicyRef(visit.policy),
          path: subPath(policyPort.path, 'port'),
          message:
            `${policyPort.protocol} ${port} is the port of Service ${first.service.namespace}/${first.service.name}; ` +
            `its pods (${describeWorkloads(mismatches.map(({ workload }) => workload))}) receive the traffic on ` +
            `${targets.join(', ')}: policies see the pod port after translation, so allow ${targets.join(', ')}`,
          related: [
            { ...first.service.loc, message: `Service ${first.service.namespace}/${first.service.name}` },
          ],
        });
      }
    }
  },
};

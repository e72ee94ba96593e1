import type { Diagnostic } from '../../manifests/types.js';
import { NAMESPACE_NAME_LABEL } from '../../model/build.js';
import type { PolicyPeer, Service, ServiceReference, TieredPolicy, TieredRule } from '../../model/types.js';
import { matchesSelector } from '../../policy/selector.js';

/**
 * Cilium's `toServices`, resolved against the tree's Services as the agent resolves it (pkg/policy/k8s/service.go,
 * processRule and appendSelector; Documentation/security/policy/layer3.rst, "Services based"): a Service with a
 * selector becomes an endpoint selector of its selector in its namespace, so the rule matches the Service's pods; a
 * Service without one stands for the addresses of its EndpointSlices, which Cilium allows as CIDRs, so the rule
 * matches no pod there (said in a warning, as is a reference no Service of the tree matches). A policy without
 * `toServices` is returned as it is; one with them, as a copy with the Services' pods among the rule's peers.
 */
export function resolveServices(
  policy: TieredPolicy,
  services: readonly Service[],
  diagnostics: Diagnostic[],
): TieredPolicy {
  if (!policy.egress.some((rule) => rule.services)) return policy;
  const resolve = (rule: TieredRule): TieredRule => {
    if (!rule.services) return rule;
    const peers = rule.services.flatMap((reference) =>
      servicePeers(policy, reference, services, diagnostics),
    );
    return { ...rule, peers: [...(rule.peers ?? []), ...peers] };
  };
  return { ...policy, egress: policy.egress.map(resolve) };
}

function servicePeers(
  policy: TieredPolicy,
  reference: ServiceReference,
  services: readonly Service[],
  diagnostics: Diagnostic[],
): PolicyPeer[] {
  const matched = services.filter(
    (service) =>
      (reference.namespace === undefined || service.namespace === reference.namespace) &&
      (reference.name !== undefined
        ? service.name === reference.name
        : matchesSelector(reference.selector ?? {}, service.labels ?? {})),
  );
  const warn = (message: string) => {
    const { file, line, column } = policy.locate(reference.path);
    diagnostics.push({
      severity: 'warning',
      code: 'not-evaluated',
      message: `${policy.ref.kind} ${policy.ref.name}: ${message}`,
      file,
      line,
      column,
      resource: {
        kind: policy.ref.kind,
        ...(policy.ref.namespace !== undefined ? { namespace: policy.ref.namespace } : {}),
        name: policy.ref.name,
      },
    });
  };
  if (matched.length === 0) {
    warn(
      `toServices matches no Service of the tree (${describeReference(reference)}): this rule allows nothing ` +
        'there in the analysis (the cluster may hold the Service)',
    );
    return [];
  }
  const peers: PolicyPeer[] = [];
  for (const service of matched) {
    if (!service.selector || Object.keys(service.selector).length === 0) {
      warn(
        `Service ${service.namespace}/${service.name} has no selector: Cilium allows the addresses of its ` +
          'EndpointSlices, which the tree does not hold and which are no pods (a CIDR rule matches no pod): not ' +
          'evaluated, this rule allows nothing there in the analysis',
      );
      continue;
    }
    peers.push({
      namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: service.namespace } },
      podSelector: { matchLabels: service.selector },
      path: reference.path,
    });
  }
  return peers;
}

function describeReference(reference: ServiceReference): string {
  const where = reference.namespace === undefined ? 'any namespace' : `namespace ${reference.namespace}`;
  return reference.name !== undefined
    ? `a Service named ${reference.name} in ${where}`
    : `Services with the selected labels in ${where}`;
}

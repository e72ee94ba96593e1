import { policyEnforcementMode } from '../model/cni.js';
import { fqdnText, hasDnsVisibility } from '../policy/fqdn.js';
import { describeWorkloads, shortList } from './helpers.js';
import { ciliumPolicies, CILIUM_KINDS, tieredSelecting } from './cilium.js';
import { policyLabel, subjectsIntersect, subjectWorkloads } from './tiered.js';
import type { Rule } from './types.js';

/**
 * `toFQDNs` allows the addresses Cilium's DNS proxy sees in answers to the names it lists; the proxy sees a pod's DNS
 * only when an egress rule of a policy selecting the pod has a DNS L7 rule on port 53, "a separate policy rule
 * governing DNS requests, [which] must be specified separately" (Documentation/security/policy/layer7.rst, "DNS
 * Proxy"; language.rst, "DNS based"; examples/policies/l3/fqdn/fqdn.yaml pairs the two). Without one the rule allows
 * nothing the pods resolve themselves.
 */
export const ciliumFqdnWithoutDnsVisibility: Rule = {
  meta: {
    id: 'cilium-fqdn-without-dns-visibility',
    severity: 'warning',
    kinds: CILIUM_KINDS,
    description:
      "`toFQDNs` for pods whose DNS no policy sends through Cilium's DNS proxy (an egress `toPorts` on port 53 with `rules.dns`): it allows nothing.",
    rationale:
      'Cilium learns the addresses of the names a toFQDNs rule lists from the DNS answers its proxy intercepts. The ' +
      "proxy intercepts a pod's DNS only where a policy selecting the pod has a DNS rule (`rules: { dns: [...] }`) " +
      'on port 53. Without it the names are never resolved through the proxy, no address is allowed, and every ' +
      'call to them times out, though the policy reads as allowing them.',
    remediation:
      'Add the DNS rule to the egress of the same pods, allowing the names they look up (`matchPattern: "*"` for ' +
      'all), towards the cluster DNS pods.',
    example: [
      'egress:',
      '  - toFQDNs:',
      '      - matchName: api.github.com',
      '  - toEndpoints:',
      '      - matchLabels: { k8s:io.kubernetes.pod.namespace: kube-system, k8s:k8s-app: kube-dns }',
      '    toPorts:',
      '      - ports: [{ port: "53", protocol: ANY }]',
      '        rules:',
      '          dns: [{ matchPattern: "*" }]',
    ].join('\n'),
  },
  check(ctx) {
    if (policyEnforcementMode(ctx.model) === 'never') return;
    const selecting = tieredSelecting(ctx.model, 'egress');
    for (const policy of ciliumPolicies(ctx.model)) {
      const rule = policy.egress.find((candidate) => candidate.action === 'allow' && candidate.fqdns);
      const first = rule?.fqdns?.[0];
      if (!rule || !first || hasDnsVisibility(policy)) continue;
      const selected = subjectWorkloads(ctx.model, policy);
      let pods: string;
      if (selected.length > 0) {
        const blind = selected.filter((workload) => !(selecting.get(workload) ?? []).some(hasDnsVisibility));
        if (blind.length === 0) continue;
        pods = describeWorkloads(blind);
      } else {
        // Pods the tree does not show: another policy that may select some of them and has the DNS rule is enough.
        const elsewhere = (ctx.model.tieredPolicies ?? []).some(
          (other) =>
            other !== policy &&
            other.tier === 'namespaced' &&
            hasDnsVisibility(other) &&
            subjectsIntersect(policy.subject, other.subject),
        );
        if (elsewhere) continue;
        pods = 'the pods it selects';
      }
      const names = shortList((rule.fqdns ?? []).map(fqdnText), 3);
      ctx.report({
        policy: policy.ref,
        path: first.path.slice(0, -1),
        message:
          `${policyLabel(policy)} egress[${rule.index}] toFQDNs (${names}) allows nothing for ${pods}: no policy ` +
          "selecting them sends their DNS through Cilium's proxy (an egress toPorts on port 53 with rules.dns), " +
          "so their own lookups teach Cilium no address of these names (only what other pods' proxied DNS happens " +
          'to resolve is allowed)',
      });
    }
  },
};

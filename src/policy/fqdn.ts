import type {
  ClusterModel,
  FqdnSelector,
  LabelSelector,
  PolicyPeer,
  TieredPolicy,
  TieredPort,
  TieredRule,
} from '../model/types.js';
import { isEmptySelector } from './selector.js';
import { dnsName } from '../text/dns-name.js';
import type { DnsAnswers } from './types.js';

/**
 * Cilium's `toFQDNs`, evaluated against DNS answers. Cilium learns a name's addresses only from the DNS answers its
 * proxy sees, so the engine is given the answers recorded with the flows (`DnsAnswers`, name to addresses) and a
 * toFQDNs rule allows exactly the addresses answered for the names it matches, provided the pods' DNS goes through
 * the proxy for that name (Documentation/security/policy/language.rst, "DNS based"; layer7.rst, "DNS Proxy";
 * examples/policies/l7/dns/dns.yaml). Without answers its peers are unknown: they depend on DNS.
 */

/**
 * Whether a `matchName` or `matchPattern` matches a name, as cilium/cilium pkg/fqdn/matchpattern does: names and
 * patterns in lower case, the trailing dot optional; `*` alone (or `**`, `*.`) matches every name; a leading `**.`
 * one or more whole labels; any other `*` zero or more DNS characters (`[-a-zA-Z0-9_]`) within one label. So
 * `*.cilium.io` matches `sub.cilium.io` but neither `cilium.io` nor `a.b.cilium.io`, and `**.cilium.io` matches
 * both subdomains.
 */
export function fqdnMatcher(
  selector: Pick<FqdnSelector, 'matchName' | 'matchPattern'>,
): (name: string) => boolean {
  if (selector.matchName !== undefined) {
    const exact = dnsName(selector.matchName.trim());
    return (name) => dnsName(name) === exact;
  }
  if (selector.matchPattern === undefined) return () => false;
  const pattern = dnsName(selector.matchPattern.trim());
  if (/^\*+$/.test(pattern)) return () => true;
  const regex = new RegExp(`^${patternSource(pattern)}$`);
  return (name) => regex.test(dnsName(name));
}

const DNS_CHAR = '[-a-z0-9_]';

function patternSource(pattern: string): string {
  let rest = pattern;
  let source = '';
  const subdomains = /^\*{2,}\./.exec(rest);
  if (subdomains) {
    source = `${DNS_CHAR}+(?:\\.${DNS_CHAR}+)*\\.`;
    rest = rest.slice(subdomains[0].length);
  }
  for (const part of rest.split(/(\*+)/)) {
    if (part === '') continue;
    source += part.startsWith('*') ? `${DNS_CHAR}*` : part.replace(/[.\\^$+?()[\]{}|]/g, '\\$&');
  }
  return source;
}

/** A toFQDNs item as reports name it: `api.github.com`, `*.cilium.io`. */
export function fqdnText(selector: FqdnSelector): string {
  return selector.matchName ?? selector.matchPattern ?? '?';
}

/** The peer a toFQDNs rule stands for where DNS answers are not known, named by its items ({@link fqdnText}). */
export function dnsNamesPeer(names: readonly string[]): string {
  return `DNS names matching ${names.join(', ')} (addresses known only from DNS answers)`;
}

/** Whether some policy of the model allows by toFQDNs, so that DNS answers change what it allows. */
export function hasFqdnRules(model: ClusterModel): boolean {
  return (model.tieredPolicies ?? []).some((policy) => policy.egress.some((rule) => rule.fqdns));
}

/** Whether a port of a DNS L7 rule takes port 53 (a named port or every port is given the benefit of the doubt). */
function dnsPortAdmits53(port: TieredPort): boolean {
  if (port.l7?.protocol !== 'dns') return false;
  if (typeof port.port === 'string' || port.port === undefined) return true;
  return port.port <= 53 && 53 <= (port.endPort ?? port.port);
}

/** The DNS L7 rules (`toPorts[].rules.dns`) on port 53 of a policy's egress allows: what its DNS proxy lets through. */
function dnsRules(policy: TieredPolicy): Readonly<Record<string, unknown>>[] {
  return policy.egress.flatMap((rule) =>
    rule.action === 'allow'
      ? (rule.ports ?? []).filter(dnsPortAdmits53).flatMap((port) => port.l7?.rules ?? [])
      : [],
  );
}

/** Whether the policy sends DNS through Cilium's proxy: an egress allow with `rules.dns` on port 53. */
export function hasDnsVisibility(policy: TieredPolicy): boolean {
  return dnsRules(policy).length > 0;
}

/** Whether one of the DNS rules lets the proxy answer the name (an item naming neither field matches all). */
function dnsRulesAllow(rules: readonly Readonly<Record<string, unknown>>[], name: string): boolean {
  return rules.some((rule) => {
    const matchName = typeof rule.matchName === 'string' ? rule.matchName : undefined;
    const matchPattern = typeof rule.matchPattern === 'string' ? rule.matchPattern : undefined;
    if (matchName === undefined && matchPattern === undefined) return true;
    return (
      (matchName !== undefined && fqdnMatcher({ matchName })(name)) ||
      (matchPattern !== undefined && fqdnMatcher({ matchPattern })(name))
    );
  });
}

/**
 * Whether `other` selects every pod `policy` selects, read off their subjects: the same namespace (or every
 * namespace) and a pod selector that is empty or the same. What DNS visibility from another policy needs, stated
 * without the pods, which the tree may not show.
 */
function coversSubject(other: TieredPolicy, policy: TieredPolicy): boolean {
  const a = other.subject;
  const b = policy.subject;
  const covers = (mine: LabelSelector | undefined, theirs: LabelSelector | undefined) =>
    !mine || isEmptySelector(mine) || JSON.stringify(mine) === JSON.stringify(theirs);
  if (a.namespace !== undefined && a.namespace !== b.namespace) return false;
  return covers(a.namespaceSelector, b.namespaceSelector) && covers(a.podSelector, b.podSelector);
}

/**
 * The policies with every toFQDNs rule's peers completed by the addresses DNS answered for the names it matches
 * (`ipBlock` peers of one address each, `addressesOnly` like a CIDR rule, `fqdn` naming the name): only names that a
 * DNS rule on port 53 of the same policy, or of a namespaced-tier policy selecting every pod it selects, lets the
 * proxy answer, since Cilium learns nothing from DNS its proxy does not see. Policies without toFQDNs are returned
 * as they are, so their compiled form is shared.
 */
export function withDnsAnswers(policies: readonly TieredPolicy[], answers: DnsAnswers): TieredPolicy[] {
  if (answers.size === 0) return [...policies];
  const visibility = policies.filter((p) => p.tier === 'namespaced' && hasDnsVisibility(p));
  return policies.map((policy) => {
    if (!policy.egress.some((rule) => rule.fqdns && rule.action === 'allow')) return policy;
    const rules = visibility
      .filter((other) => other === policy || coversSubject(other, policy))
      .flatMap(dnsRules);
    const egress = policy.egress.map((rule): TieredRule => {
      if (!rule.fqdns || rule.action !== 'allow') return rule;
      const answered = answeredPeers(rule.fqdns, answers, (name) => dnsRulesAllow(rules, name));
      return answered.length === 0 ? rule : { ...rule, peers: [...(rule.peers ?? []), ...answered] };
    });
    return { ...policy, egress };
  });
}

function answeredPeers(
  selectors: readonly FqdnSelector[],
  answers: DnsAnswers,
  visible: (name: string) => boolean,
): PolicyPeer[] {
  const peers: PolicyPeer[] = [];
  for (const selector of selectors) {
    const matches = fqdnMatcher(selector);
    for (const [name, addresses] of answers) {
      if (!matches(name) || !visible(name)) continue;
      for (const address of addresses) {
        const cidr = address.includes(':') ? `${address}/128` : `${address}/32`;
        peers.push({ ipBlock: { cidr, except: [] }, addressesOnly: true, fqdn: name, path: selector.path });
      }
    }
  }
  return peers;
}

import { cniEnforcesKind } from '../model/cni.js';
import type {
  ClusterModel,
  FqdnMatch,
  FqdnSelector,
  LabelSelector,
  PolicyPeer,
  TieredPolicy,
  TieredPort,
  TieredRule,
  Workload,
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
export function fqdnMatcher(selector: FqdnMatch): (name: string) => boolean {
  if (selector.matchName !== undefined) {
    const exact = dnsName(selector.matchName.trim());
    return (name) => dnsName(name) === exact;
  }
  if (selector.matchPattern === undefined) return () => false;
  const pattern = dnsName(selector.matchPattern.trim());
  if (matchesEveryName(pattern)) return () => true;
  const regex = new RegExp(`^${patternSource(pattern)}$`);
  return (name) => regex.test(dnsName(name));
}

/** Whether a pattern (as {@link dnsName} writes it) is stars alone, which match every name. */
function matchesEveryName(pattern: string): boolean {
  return /^\*+$/.test(pattern);
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
export function fqdnText(selector: FqdnMatch): string {
  return selector.matchName ?? selector.matchPattern ?? '?';
}

/**
 * Whether a toFQDNs item or a DNS rule (`selector`) matches every name a DNS name peer stands for. A name peer
 * (`matchName`): when the selector matches the name. A pattern peer (`matchPattern`) stands for names the tree cannot
 * list, so a pattern covers it only where the text shows that it matches each of them: the same pattern, stars alone
 * (`*`), a leading `*.` before the same rest when the peer's first label is one label (`*.api.cilium.io` covers
 * `special*service.api.cilium.io`), or a leading `**.` before a rest the peer's pattern ends with after labels of its
 * own (`**.github.com` covers `*.github.com` and `a.*.github.com`). Any other pattern, even one matching some of its
 * names, does not, and a name never does.
 */
export function coversDnsName(selector: FqdnMatch, peer: FqdnMatch): boolean {
  if (peer.matchName !== undefined) return fqdnMatcher(selector)(peer.matchName);
  if (
    selector.matchName !== undefined ||
    selector.matchPattern === undefined ||
    peer.matchPattern === undefined
  )
    return false;
  const [mine, theirs] = [dnsName(selector.matchPattern.trim()), dnsName(peer.matchPattern.trim())];
  if (mine === theirs || matchesEveryName(mine)) return true;
  const dot = mine.indexOf('.');
  if (dot < 0) return false;
  const [head, rest] = [mine.slice(0, dot), mine.slice(dot)];
  if (!theirs.endsWith(rest) || theirs.length === rest.length) return false;
  const labels = theirs.slice(0, -rest.length);
  // Stars alone before a dot, at the start, stand for one or more labels (`patternSource`).
  if (/^\*{2,}$/.test(head)) return !labels.endsWith('.');
  return head === '*' && !labels.includes('.') && !/^\*{2,}$/.test(labels);
}

/** Kind of the DNS name peers: never the kind of a real workload. */
export const DNS_NAME_KIND = 'DnsName';
/** Their namespace: not a valid namespace name, so no policy or selector ever meets it. */
export const DNS_NAME_NAMESPACE = '*dns';

/**
 * The peer a toFQDNs item's name or pattern stands for (issue 18): the addresses DNS answers for it, which the tree
 * does not know, as one endpoint of its own (`dns:api.github.com`, `dns:*.github.com`, the text as Cilium compares
 * it: lower case, without the trailing dot). It is outside the cluster, so no pod policy selects it; only toFQDNs
 * items that cover it (`coversDnsName`, with DNS visibility) and rules that match every address outside the cluster
 * (`toEntities: [world]`, `toCIDR` 0.0.0.0/0 with ::/0, a rule without an L3 field) match it (`policy/compile.ts`),
 * so reach, explain and the diff show the path a toFQDNs rule opens without any DNS answer.
 */
export function dnsNameWorkload(match: FqdnMatch): Workload {
  const pattern = match.matchName === undefined;
  const text = dnsName(fqdnText(match).trim());
  return {
    id: `${DNS_NAME_NAMESPACE}/${DNS_NAME_KIND}/${text}`,
    namespace: DNS_NAME_NAMESPACE,
    kind: DNS_NAME_KIND,
    name: text,
    labels: {},
    ports: [],
    ips: [],
    loc: { file: '', line: 0, column: 0 },
    representative: `dns:${text} (${pattern ? 'the addresses DNS answers for names matching it' : 'the addresses DNS answers for it'})`,
    dnsName: pattern ? { matchPattern: text } : { matchName: text },
  };
}

/**
 * The DNS name peers of the toFQDNs items of a model's enforced policies, each once, in the order of their text:
 * only rules with toFQDNs make them, so a tree without any has none.
 */
export function dnsNamesOf(model: ClusterModel): Workload[] {
  const peers = new Map<string, Workload>();
  for (const policy of model.tieredPolicies ?? []) {
    if (!cniEnforcesKind(model, policy.ref.kind)) continue;
    for (const rule of policy.egress) {
      if (rule.action !== 'allow') continue;
      for (const selector of rule.fqdns ?? []) {
        if (selector.matchName === undefined && selector.matchPattern === undefined) continue;
        const workload = dnsNameWorkload(selector);
        if (!peers.has(workload.id)) peers.set(workload.id, workload);
      }
    }
  }
  return [...peers.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `dns:api.github.com` (a name), `dns:*.github.com` (a pattern: it has a star): the peer so written; else undefined. */
export function parseDnsName(text: string): FqdnMatch | undefined {
  if (!text.startsWith('dns:')) return undefined;
  const name = text.slice('dns:'.length).trim();
  if (name === '' || !/^[-a-zA-Z0-9_.*]+$/.test(name)) return undefined;
  return name.includes('*') ? { matchPattern: name } : { matchName: name };
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

/**
 * Whether one of the DNS rules lets the proxy answer the name, or every name a DNS name peer stands for
 * (`coversDnsName`); an item naming neither field matches all.
 */
export function dnsRulesAllow(rules: readonly Readonly<Record<string, unknown>>[], peer: FqdnMatch): boolean {
  return rules.some((rule) => {
    const matchName = typeof rule.matchName === 'string' ? rule.matchName : undefined;
    const matchPattern = typeof rule.matchPattern === 'string' ? rule.matchPattern : undefined;
    if (matchName === undefined && matchPattern === undefined) return true;
    return (
      (matchName !== undefined && coversDnsName({ matchName }, peer)) ||
      (matchPattern !== undefined && coversDnsName({ matchPattern }, peer))
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
 * The policies with every toFQDNs rule's peers completed: one per toFQDNs item (`toFqdn`), which matches the DNS name
 * peers it covers, and, given DNS answers, the addresses answered for the names it matches (`ipBlock` peers of one
 * address each, `addressesOnly` like a CIDR rule, `fqdn` naming the name). Both count only names that a DNS rule on
 * port 53 of the same policy, or of a namespaced-tier policy selecting every pod it selects, lets the proxy answer
 * (the rule's `dnsVisibility`), since Cilium learns nothing from DNS its proxy does not see. Policies without
 * toFQDNs are returned as they are, and those with toFQDNs are made once per DNS visibility where no answers are
 * given, so their compiled form is shared.
 */
export function withFqdnPeers(policies: readonly TieredPolicy[], answers?: DnsAnswers): TieredPolicy[] {
  if (!policies.some(allowsByName)) return [...policies];
  const visibility = visibilityPolicies(policies);
  return policies.map((policy) => {
    if (!allowsByName(policy)) return policy;
    const rules = visibilityRules(visibility, policy);
    const named = withNamePeers(policy, rules);
    if (!answers || answers.size === 0) return named;
    const egress = named.egress.map((rule): TieredRule => {
      if (!rule.fqdns || rule.action !== 'allow') return rule;
      const answered = answeredPeers(rule.fqdns, answers, (name) =>
        dnsRulesAllow(rules, { matchName: name }),
      );
      return answered.length === 0 ? rule : { ...rule, peers: [...(rule.peers ?? []), ...answered] };
    });
    return { ...named, egress };
  });
}

/**
 * Whether a policy has a toFQDNs allow, once per policy: every engine asks it of every tiered policy, and a fix's
 * verification makes a few hundred engines over the same policies.
 */
function allowsByName(policy: TieredPolicy): boolean {
  let allows = allowingByName.get(policy);
  if (allows === undefined) {
    allows = policy.egress.some((rule) => rule.fqdns && rule.action === 'allow');
    allowingByName.set(policy, allows);
  }
  return allows;
}

const allowingByName = new WeakMap<TieredPolicy, boolean>();

/** The namespaced-tier policies that send DNS through Cilium's proxy: where DNS visibility comes from. */
function visibilityPolicies(policies: readonly TieredPolicy[]): TieredPolicy[] {
  return policies.filter((p) => p.tier === 'namespaced' && hasDnsVisibility(p));
}

/** The DNS rules on port 53 that give `policy`'s pods DNS visibility: its own and those of policies covering it. */
function visibilityRules(
  visibility: readonly TieredPolicy[],
  policy: TieredPolicy,
): Readonly<Record<string, unknown>>[] {
  // A DNS rule on a port of every protocol is one rule per protocol: each counts once.
  return [
    ...new Set(
      visibility.filter((other) => other === policy || coversSubject(other, policy)).flatMap(dnsRules),
    ),
  ];
}

/**
 * Whether the pods `policy` selects have DNS visibility for `name` among `policies` (a toFQDNs rule of `policy`
 * would learn its addresses): what a fix that restores a toFQDNs name checks before adding the DNS rule too.
 */
export function hasDnsVisibilityFor(
  policies: readonly TieredPolicy[],
  policy: TieredPolicy,
  name: string,
): boolean {
  return dnsRulesAllow(visibilityRules(visibilityPolicies(policies), policy), { matchName: name });
}

/**
 * A policy with a `toFqdn` peer for each item of its toFQDNs allows and their DNS visibility, made once per policy
 * and visibility.
 */
function withNamePeers(
  policy: TieredPolicy,
  dnsVisibility: readonly Readonly<Record<string, unknown>>[],
): TieredPolicy {
  const key = JSON.stringify(dnsVisibility);
  let byVisibility = namePeersCache.get(policy);
  if (!byVisibility) namePeersCache.set(policy, (byVisibility = new Map()));
  let named = byVisibility.get(key);
  if (!named) {
    const egress = policy.egress.map((rule): TieredRule => {
      if (!rule.fqdns || rule.action !== 'allow') return rule;
      const peers = rule.fqdns.flatMap((selector): PolicyPeer[] =>
        selector.matchName === undefined && selector.matchPattern === undefined
          ? []
          : [
              {
                toFqdn:
                  selector.matchName !== undefined
                    ? { matchName: selector.matchName }
                    : { matchPattern: selector.matchPattern! },
                path: selector.path,
              },
            ],
      );
      return { ...rule, peers: [...(rule.peers ?? []), ...peers], dnsVisibility };
    });
    byVisibility.set(key, (named = { ...policy, egress }));
  }
  return named;
}

const namePeersCache = new WeakMap<TieredPolicy, Map<string, TieredPolicy>>();

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

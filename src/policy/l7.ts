import { pushTo } from '../collections.js';
import { policyName } from '../model/policy-ref.js';
import type { L7Rules } from '../model/types.js';
import { fqdnMatcher } from './fqdn.js';
import type { Direction, FilteredPorts, L7Filter, L7Judgement, L7Request, L7Rule } from './types.js';

/**
 * Cilium's L7 rules (`toPorts[].rules`) as the engine composes them (Documentation/security/policy/layer7.rst,
 * pkg/policy/l4.go and pkg/policy/rule.go in cilium/cilium): the connection is allowed at L3/L4 and its port is
 * redirected to the proxy, which passes a request when one L7 rule of the port matches it. The L7 rules of every
 * allow that admits the connection on that port are merged ("combined together if they are of the same type"); an
 * allow of the same port (or of every port) and an overlapping peer without L7 rules wildcards L7 for that peer
 * (`wildcardL3L4Rule`, and `mergePortProto`, which appends a wildcard L7 rule when a selector's L4-only entry meets
 * one with L7 rules): its requests pass unfiltered. A rule that matches every request (`http: [{}]`, DNS
 * `matchPattern: "*"`) filters nothing either.
 */

/** Whether one L7 rule map constrains a request: `{}` (or only empty fields) matches every request. */
export function l7RuleConstrains(rule: Readonly<Record<string, unknown>>): boolean {
  return Object.values(rule).some(
    (value) =>
      value !== undefined &&
      value !== null &&
      value !== '' &&
      !(Array.isArray(value) && value.length === 0) &&
      !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0),
  );
}

/** Whether a `toPorts` item's L7 rules refuse some request: none of them matches everything. */
export function l7Restricts(l7: L7Rules): boolean {
  if (l7.rules.length === 0) return false;
  // A pattern of stars alone matches every name (`fqdn.ts`).
  if (l7.protocol === 'dns')
    return l7.rules.every(
      (rule) => typeof rule.matchPattern !== 'string' || !/^\*+\.?$/.test(rule.matchPattern),
    );
  return l7.rules.every(l7RuleConstrains);
}

/** What one L7 rule admits, in a few words: `GET /api/.*`, `DNS names *.example.com`, `Kafka role produce topic x`. */
export function describeL7Rule(rule: L7Rule): string {
  const fields = rule.rule;
  const text = (key: string) => {
    const value = fields[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  if (rule.parser === 'http') {
    const headers = [
      ...(Array.isArray(fields.headers) ? fields.headers.map(String) : []),
      ...(Array.isArray(fields.headerMatches)
        ? fields.headerMatches.map((match: unknown) =>
            typeof match === 'object' && match !== null && 'name' in match ? String(match.name) : '?',
          )
        : []),
    ];
    const parts = [
      text('method') ?? 'any method',
      text('path') ?? 'any path',
      ...(text('host') ? [`host ${text('host')}`] : []),
      ...(headers.length > 0 ? [`with header ${headers.join(', ')}`] : []),
    ];
    return parts.join(' ');
  }
  if (rule.parser === 'dns') {
    const name = text('matchName');
    return name !== undefined ? `DNS name ${name}` : `DNS names ${text('matchPattern') ?? '*'}`;
  }
  const parts = Object.entries(fields)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => `${key} ${String(value)}`);
  return `${rule.parser === 'kafka' ? 'Kafka' : 'L7'} ${parts.join(' ') || 'any request'}`;
}

/** One side's rules in a few words: `only GET /api/.* or POST /pay`. */
export function describeL7Rules(rules: readonly L7Rule[]): string {
  return `only ${[...new Set(rules.map(describeL7Rule))].join(' or ')}`;
}

/** A filter in a few words, each side that filters named when both do. */
export function describeL7Filter(filter: L7Filter): string {
  if (filter.egress && filter.ingress)
    return `${describeL7Rules(filter.egress)} (egress) and ${describeL7Rules(filter.ingress)} (ingress)`;
  return describeL7Rules(filter.egress ?? filter.ingress ?? []);
}

/** Equal for rules written alike, wherever they are written. */
export function l7RuleKey(rule: L7Rule): string {
  return JSON.stringify([rule.parser, rule.rule]);
}

/** Equal for filters that pass the same requests by the same rules (what a diff compares). */
export function l7FilterKey(filter: L7Filter | undefined): string {
  if (!filter) return '';
  const side = (rules: readonly L7Rule[] | undefined) => [...new Set((rules ?? []).map(l7RuleKey))].sort();
  return JSON.stringify([side(filter.egress), side(filter.ingress)]);
}

/** Equal for runs of ports filtered alike (a connection's `l7`): what cutting and diffing compare. */
export function filteredPortsKey(entries: readonly FilteredPorts[] | undefined): string {
  return (entries ?? []).map((entry) => `${JSON.stringify(entry.ports)}${l7FilterKey(entry)}`).join('|');
}

/**
 * Each side that filters, with its rules and, per policy, the lines its rules are written at:
 * `ingress only GET /public (CiliumNetworkPolicy demo/rule1 at demo.yaml:20)`.
 */
export function describeL7Sides(filter: L7Filter): string[] {
  return (['egress', 'ingress'] as const).flatMap((direction) => {
    const rules = filter[direction];
    if (!rules) return [];
    const byPolicy = new Map<string, string[]>();
    for (const rule of rules) {
      const { file, line } = rule.location;
      pushTo(byPolicy, `${rule.policy.kind} ${policyName(rule.policy)} at ${file}:`, `${line}`);
    }
    const where = [...byPolicy].map(([policy, lines]) => `${policy}${[...new Set(lines)].join(', ')}`);
    return [`${direction} ${describeL7Rules(rules)} (${where.join('; ')})`];
  });
}

/**
 * Whether a request passes a filter: each side that filters must have a rule that matches it. HTTP rules are matched
 * as Cilium's Envoy filter does (pkg/envoy/server.go getHTTPRule): `method`, `path` and `host` are regular
 * expressions over `:method`, `:path` and `:authority` that must match the whole value (Envoy's `safe_regex`), and
 * every header of `headers`/`headerMatches` must be present; DNS rules by `matchName`/`matchPattern` (`fqdn.ts`).
 * What a record does not carry (headers, a host, the query string Envoy's `:path` includes) is taken to match and
 * named in `unchecked`: a refusal is certain, a pass may rest on it. A side whose rules are of another parser than
 * the request (Kafka, proxylib), which recorded flows do not hold, is not checked either.
 */
export function judgeL7(filter: L7Filter | undefined, request: L7Request): L7Judgement {
  const unchecked = new Set<string>();
  for (const direction of ['egress', 'ingress'] as const satisfies readonly Direction[]) {
    const rules = filter?.[direction];
    if (!rules) continue;
    const own = rules.filter((rule) => rule.parser === request.parser);
    if (own.length === 0) {
      for (const rule of rules) unchecked.add(`${rule.parser} rules`);
      continue;
    }
    const matches = own.map((rule) => ruleMatches(rule, request));
    const sure = matches.find((match) => match !== undefined && match.length === 0);
    if (sure) continue;
    const assumed = matches.filter((match) => match !== undefined);
    if (assumed.length === 0) return { allowed: false, refusedBy: { direction, rules: own } };
    for (const field of assumed[0]!) unchecked.add(field);
  }
  return { allowed: true, ...(unchecked.size > 0 ? { unchecked: [...unchecked] } : {}) };
}

/** Undefined when the rule refuses the request; else what of it the request could not be checked against. */
function ruleMatches(rule: L7Rule, request: L7Request): string[] | undefined {
  const fields = rule.rule;
  if (request.parser === 'dns') {
    let matches = dnsMatchers.get(rule);
    if (!matches) {
      matches = fqdnMatcher({
        ...(typeof fields.matchName === 'string' ? { matchName: fields.matchName } : {}),
        ...(typeof fields.matchPattern === 'string' ? { matchPattern: fields.matchPattern } : {}),
      });
      dnsMatchers.set(rule, matches);
    }
    return matches(request.query) ? [] : undefined;
  }
  const unchecked: string[] = [];
  const values = { method: request.method, path: request.path, host: request.host };
  for (const field of ['method', 'path', 'host'] as const) {
    const pattern = fields[field];
    if (typeof pattern !== 'string' || pattern === '') continue;
    const value = values[field];
    const regex = fullMatch(pattern);
    if (value === undefined || !regex) {
      unchecked.push(value === undefined ? field : `${field} ${pattern}`);
      continue;
    }
    if (!regex.test(value)) return undefined;
    if (field === 'path' && request.withQuery) unchecked.push('the query string');
  }
  const listed = (value: unknown) => Array.isArray(value) && value.length > 0;
  if (listed(fields.headers) || listed(fields.headerMatches)) unchecked.push('headers');
  return unchecked;
}

/**
 * A rule's regular expression anchored at both ends, as Envoy matches it; undefined when it is not one JavaScript
 * reads alike, or repeats a repeated group (run on a recorded path, that could take exponential time).
 */
function fullMatch(pattern: string): RegExp | undefined {
  if (regexes.has(pattern)) return regexes.get(pattern);
  let regex: RegExp | undefined;
  if (!NESTED_REPETITION.test(pattern) && !/\\[1-9]|\(\?[<=!]/.test(pattern)) {
    try {
      regex = new RegExp(`^(?:${pattern})$`);
    } catch {
      regex = undefined;
    }
  }
  if (regexes.size < MAX_REGEXES) regexes.set(pattern, regex);
  return regex;
}

/** Each DNS rule's matcher, made once (a replay judges many lookups by the same rules). */
const dnsMatchers = new WeakMap<L7Rule, (name: string) => boolean>();

/** A group with a repetition inside, itself repeated: `(a+)+`, `(x*y)*`, `(a{2,})+`. */
const NESTED_REPETITION = /\([^)]*[*+}][^)]*\)[*+{]/;
const regexes = new Map<string, RegExp | undefined>();
const MAX_REGEXES = 10_000;

import { pushTo } from '../collections.js';
import { policyName } from '../model/policy-ref.js';
import type { L7Rules } from '../model/types.js';
import type { L7Filter, L7Rule } from './types.js';

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
  if (l7.protocol === 'dns') return l7.rules.every((rule) => rule.matchPattern !== '*');
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

/** Equal for filters that pass the same requests by the same rules (what a diff compares). */
export function l7FilterKey(filter: L7Filter | undefined): string {
  if (!filter) return '';
  const side = (rules: readonly L7Rule[] | undefined) =>
    [...new Set((rules ?? []).map((rule) => JSON.stringify([rule.parser, rule.rule])))].sort();
  return JSON.stringify([side(filter.egress), side(filter.ingress)]);
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

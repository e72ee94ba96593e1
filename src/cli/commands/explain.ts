import { isIP } from 'node:net';
import { nothingToAnalyse } from '../../check/side.js';
import {
  describeDecidingRule,
  describeDenial,
  hostNetworkCaveat,
  ruleLabel,
} from '../../diff/explain-text.js';
import { describeUnanalysed, mayAffectNamespace, type UnanalysedPolicy } from '../../kinds/unanalysed.js';
import { policyName } from '../../model/policy-ref.js';
import { NODE_ENTITIES, type ClusterModel, type Protocol, type Workload } from '../../model/types.js';
import type { Endpoint, Explanation, RuleVerdict, SideExplanation } from '../../policy/types.js';
import { describeL7Sides } from '../../policy/l7.js';
import { dnsNamesPeer, dnsNameWorkload, parseDnsName } from '../../policy/fqdn.js';
import { REPRESENTATIVE_KIND } from '../../policy/representatives.js';
import { entityWorkload, parseEntities } from '../../policy/entities.js';
import { oneOf, parseCommandArgs, required } from '../args.js';
import { EXIT, UsageError, type CliIo } from '../io.js';
import { emit, formatDiagnostics, loadPaths, CNI_OPTION } from './common.js';
import { noun } from '../../text/plural.js';

/** `explain PATH... --from --to --port`: the verdict on one connection and the policies and rules behind it. */
export async function explainCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    from: { type: 'string' },
    to: { type: 'string' },
    port: { type: 'string' },
    format: { type: 'string' },
    config: { type: 'string' },
    ...CNI_OPTION,
    output: { type: 'string' },
  });
  const format = oneOf('format', values.format, ['text', 'json'], 'text');
  const { protocol, port } = parsePort(required('port', values.port));
  const fromArg = required('from', values.from);
  const toArg = required('to', values.to);
  const { side, config, diagnostics } = await loadPaths(positionals, values.config, io, values.cni);
  if (nothingToAnalyse(side)) {
    io.stderr(formatDiagnostics(diagnostics));
    return EXIT.failed;
  }
  const from = resolveEndpoint('from', fromArg, side.model.workloads);
  const to = resolveEndpoint('to', toArg, side.model.workloads);
  const explanation = side.engine.explain(from, to, protocol, port);
  const ends: [Endpoint, string][] = [
    [from, fromArg],
    [to, toArg],
  ];
  const caveats = [
    ...unanalysedCaveats(side.unanalysed, [from, to], config.defaultNamespace),
    ...ends.flatMap(([end, label]) =>
      'workload' in end && end.workload.hostNetwork ? [hostNetworkCaveat(label, side.model.cni)] : [],
    ),
    ...ciliumCaveats(side.model),
  ];
  if (format === 'json')
    emit(
      io,
      `${JSON.stringify(caveats.length > 0 ? { ...explanation, caveats } : explanation, null, 2)}\n`,
      values.output,
    );
  else emit(io, explainText(explanation, fromArg, toArg, caveats), values.output);
  return EXIT.ok;
}

/** The engine's ipBlock-to-pod assumption, stated where an address rule covers the other pod's stated address. */
function podAddressText(podAddress: NonNullable<RuleVerdict['podAddress']>, pod: string): string {
  const { cidr, address, matched, cni } = podAddress;
  if (!matched)
    return cni === 'cilium'
      ? `${cidr} covers ${pod}'s stated address ${address}, but on Cilium (cni: cilium) a CIDR rule or ipBlock ` +
          'matches no pod: only endpoint selectors do'
      : `${cidr} covers ${pod}'s stated address ${address}, but a Cilium CIDR rule matches no pod: only endpoint ` +
          'selectors do';
  return cni === 'cilium'
    ? `${cidr} matches ${pod} by its stated address ${address}: a node address, which CIDR rules match under ` +
        'policyCIDRMatchMode: [nodes]'
    : `${cidr} matches ${pod} by its stated address ${address} (cni: ${cni}: an ipBlock matches the addresses pods ` +
        'are stated to have; on Cilium it would match no pod)';
}

/** Cilium settings (config `cilium:`) under which the verdict is not what the policies alone say. */
function ciliumCaveats(model: ClusterModel): string[] {
  if (model.cni !== 'cilium' || !model.cilium) return [];
  const caveats: string[] = [];
  if (model.cilium.policyEnforcementMode === 'never')
    caveats.push(
      "Cilium's policyEnforcementMode is never: no policy is enforced, every connection is allowed",
    );
  if (model.cilium.policyEnforcementMode === 'always')
    caveats.push(
      "Cilium's policyEnforcementMode is always: every pod is isolated, selected by a policy or not",
    );
  if (model.cilium.policyAuditMode)
    caveats.push(
      'Cilium runs in policy audit mode: what the policies deny is recorded (AUDIT) and let through; the verdict ' +
        'is what enforcement will do',
    );
  return caveats;
}

function parsePort(text: string): { protocol: Protocol; port: number } {
  const match = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/i.exec(text);
  const port = Number(match?.[1]);
  if (!match || port < 1 || port > 65535)
    throw new UsageError(`--port must be N or N/TCP|UDP|SCTP with N in 1-65535 (got "${text}")`);
  // The pattern admits only the three protocols.
  return { protocol: (match[2]?.toUpperCase() ?? 'TCP') as Protocol, port };
}

/**
 * `NS/NAME`, `NS/Kind/NAME`, `NS/KEY=VALUE[,KEY=VALUE]` (pods with those labels that the tree need not show, such as
 * `kube-system/k8s-app=kube-dns`), a Cilium entity (`entity:kube-apiserver`, `entity:host+kube-apiserver`), a DNS
 * name peer (`dns:api.github.com`, for --to) or (for --to, and --from as an external source) an IP address.
 */
function resolveEndpoint(option: string, text: string, workloads: readonly Workload[]): Endpoint {
  if (isIP(text)) return { ip: text };
  if (text.startsWith('entity:')) return { workload: entityEndpoint(option, text) };
  if (text.startsWith('dns:')) return { workload: dnsNameEndpoint(option, text) };
  const parts = text.split('/');
  if (parts.length === 2 && parts[1]!.includes('=')) return { workload: podsWithLabels(option, text) };
  const [namespace, kindOrName, name] = parts;
  const candidates = workloads.filter((w) =>
    parts.length === 3
      ? w.namespace === namespace && w.kind.toLowerCase() === kindOrName?.toLowerCase() && w.name === name
      : parts.length === 2 && w.namespace === namespace && w.name === kindOrName,
  );
  if (candidates.length === 1) return { workload: candidates[0]! };
  if (candidates.length > 1) {
    throw new UsageError(
      `--${option} ${text} is ambiguous: ${candidates.map((w) => `${w.namespace}/${w.kind}/${w.name}`).join(', ')}`,
    );
  }
  throw new UsageError(
    `--${option} ${text}: no such workload (write NS/NAME, NS/KIND/NAME, NS/KEY=VALUE, entity:NAME, dns:NAME or an IP address)`,
  );
}

/** A Cilium node-side entity (`entity:host`): an endpoint of its own that only entity rules match. */
function entityEndpoint(option: string, text: string): Workload {
  const entities = parseEntities(text);
  if (!entities)
    throw new UsageError(
      `--${option} ${text}: write entity:NAME[+NAME] with NAME one of ${NODE_ENTITIES.join(', ')}`,
    );
  return entityWorkload(entities);
}

/** A DNS name peer (`dns:api.github.com`, `dns:*.github.com`): the addresses DNS answers for a toFQDNs name. */
function dnsNameEndpoint(option: string, text: string): Workload {
  // toFQDNs is egress only: the names' addresses are never a source the policies judge.
  if (option === 'from')
    throw new UsageError(`--from ${text}: a DNS name peer is a destination only (toFQDNs rules are egress)`);
  const name = parseDnsName(text);
  if (!name)
    throw new UsageError(
      `--${option} ${text}: write dns:NAME or dns:PATTERN (a toFQDNs matchName or matchPattern)`,
    );
  return dnsNameWorkload(name);
}

/** A representative peer (issue 17 item 6): any pod of the namespace with these labels, evaluated as the policies would. */
function podsWithLabels(option: string, text: string): Workload {
  const [namespace = '', selector = ''] = text.split('/');
  const labels: Record<string, string> = {};
  for (const pair of selector.split(',')) {
    const [key, value, ...rest] = pair.split('=');
    if (!namespace || !key || value === undefined || rest.length > 0)
      throw new UsageError(`--${option} ${text}: write NS/KEY=VALUE[,KEY=VALUE...]`);
    labels[key] = value;
  }
  return {
    id: `${namespace}/${REPRESENTATIVE_KIND}/${selector}`,
    namespace,
    kind: REPRESENTATIVE_KIND,
    name: selector,
    labels,
    ports: [],
    ips: [],
    loc: { file: '', line: 0, column: 0 },
    representative: `any pod ${selector} in namespace ${namespace}`,
  };
}

/**
 * Policies of kinds the engine does not evaluate that may apply to either end: the verdict leaves them out, so it
 * says so next to itself rather than sounding sure.
 */
function unanalysedCaveats(
  unanalysed: readonly UnanalysedPolicy[],
  endpoints: readonly Endpoint[],
  defaultNamespace: string,
): string[] {
  const namespaces = endpoints.flatMap((endpoint) =>
    'workload' in endpoint ? [endpoint.workload.namespace] : [],
  );
  return unanalysed
    .filter((policy) =>
      namespaces.some((namespace) => mayAffectNamespace(policy, namespace, defaultNamespace)),
    )
    .map((policy) => `${describeUnanalysed(policy)} is not analysed and may change this verdict`);
}

/**
 * Whether a toFQDNs rule of the side would decide the port, if only DNS answers said whether the address is its, or
 * an address rule would, if they said which addresses a DNS name peer stands for.
 */
function dependsOnDns(side: SideExplanation): boolean {
  return side.policies.some((policy) =>
    policy.rules.some((rule) => (rule.fqdn?.dependsOnDns || rule.addressesFromDns) && rule.portMatches),
  );
}

/**
 * A toFQDNs rule's verdict: through which name's DNS answer it matches, or that it depends on DNS; an address rule's
 * towards a DNS name peer, which depends on DNS.
 */
function fqdnVerdictText(rule: RuleVerdict): string | undefined {
  const { fqdn } = rule;
  if (rule.addressesFromDns && rule.portMatches)
    return `unknown: depends on DNS (${rule.addressesFromDns.join(', ')} may or may not hold the addresses DNS answers for it)`;
  if (!fqdn) return undefined;
  const names = dnsNamesPeer(fqdn.selectors);
  if (fqdn.answeredBy !== undefined && rule.portMatches)
    return `allows (${names}: DNS answered ${fqdn.answeredBy} with this address)`;
  if (fqdn.dependsOnDns && rule.portMatches) return `unknown: depends on DNS (${names})`;
  if (fqdn.withoutVisibility && rule.portMatches)
    return "peer does not match (the rule lists it, but no DNS rule on port 53 sends these pods' DNS for it through Cilium's proxy, which learns none of its addresses)";
  if (fqdn.answerFor && rule.portMatches)
    return `peer does not match (DNS answered ${fqdn.answerFor.join(', ')} with this address, not ${fqdn.selectors.join(', ')})`;
  return undefined;
}

function explainText(e: Explanation, from: string, to: string, caveats: readonly string[]): string {
  // A named port towards pods outside the tree may be this port: the verdict says on what it depends.
  const names =
    e.allowed || !e.ingress.allowed
      ? []
      : e.egress.policies.flatMap((policy) =>
          policy.rules.flatMap((rule) => (rule.peerMatches ? (rule.namedPorts ?? []) : [])),
        );
  const unless =
    names.length > 0
      ? ` unless the pod's named port ${[...new Set(names)].join(' or ')} is ${e.port}`
      : !e.allowed && e.ingress.allowed && dependsOnDns(e.egress)
        ? ' (unknown: depends on DNS)'
        : '';
  const verdict = e.allowed ? (e.l7 ? 'ALLOWED, L7-filtered' : 'ALLOWED') : 'DENIED';
  const lines = [`${from} -> ${to} ${e.protocol}/${e.port}: ${verdict}${unless}`];
  for (const caveat of caveats) lines.push(`  caveat: ${caveat}`);
  // Allowed at L3/L4, and a Cilium proxy passes only the requests these rules match (issue 18).
  for (const side of e.l7 ? describeL7Sides(e.l7) : []) lines.push(`  L7: ${side}`);
  if (!e.allowed) lines.push(`  why: ${describeDenial(e, from, to).text}`);
  for (const side of [e.egress, e.ingress]) {
    const [subject, other] = side.direction === 'egress' ? [from, to] : [to, from];
    lines.push(
      ...(isIP(subject)
        ? [`  ${side.direction} of ${subject}: external address: no policy applies to it`]
        : sideText(side, subject, other)),
    );
  }
  return `${lines.join('\n')}\n`;
}

function sideText(side: SideExplanation, subject: string, other: string): string[] {
  const head = `  ${side.direction} of ${subject}: `;
  const { decision } = side;
  if (decision && decision.tier !== 'namespaced' && decision.tier !== 'default' && decision.rule) {
    const verdict = decision.allowed ? 'allowed' : 'denied';
    return [
      `${head}${verdict} by the ${decision.tier} tier: ${describeDecidingRule(decision.rule, side.direction)}`,
    ];
  }
  const passed = decision?.passedBy
    ? [`    passed down by ${describeDecidingRule(decision.passedBy, side.direction)}`]
    : [];
  if (!side.isolated && subject.startsWith('dns:'))
    return [`${head}addresses outside the cluster, which no pod policy applies to: allowed`];
  if (!side.isolated && subject.startsWith('entity:'))
    return [
      `${head}a Cilium entity, which no pod policy applies to (host policies are not evaluated): allowed`,
    ];
  if (!side.isolated)
    return [`${head}not isolated (no policy selects it for ${side.direction}): allowed`, ...passed];
  const isolatedBy =
    side.policies.length > 0
      ? `${side.policies.length} ${noun(side.policies.length, 'policy', 'policies')}`
      : "Cilium's policyEnforcementMode: always (no policy selects it)";
  const lines = [`${head}isolated by ${isolatedBy}: ${side.allowed ? 'allowed' : 'denied'}`, ...passed];
  if (side.localHost)
    lines.push(
      `    ${other} is ${subject}'s local node, which Cilium lets through whatever the allows say (allow-localhost); ` +
        'only a deny stops it',
    );
  for (const policy of side.policies) {
    const { location } = policy.policy;
    lines.push(`    ${policyName(policy.policy)} (${location.file}:${location.line})`);
    if (policy.rules.length === 0) lines.push(`      no ${side.direction} rules: allows nothing`);
    for (const rule of policy.rules) {
      const verdict =
        rule.peerMatches && rule.portMatches
          ? rule.action === 'deny'
            ? 'denies'
            : 'allows'
          : rule.peerMatches
            ? rule.namedPorts
              ? `peer matches; named port ${rule.namedPorts.join(', ')} is resolved on the pod, which this repository does not hold`
              : 'peer matches, port does not'
            : 'peer does not match';
      lines.push(
        `      ${ruleLabel(side.direction, rule)} (${rule.loc.file}:${rule.loc.line}): ${fqdnVerdictText(rule) ?? verdict}`,
      );
      if (rule.podAddress && rule.portMatches)
        lines.push(`        ${podAddressText(rule.podAddress, other)}`);
      if (rule.notInIdentity && rule.portMatches)
        lines.push(
          `        it would select ${other} by ${rule.notInIdentity.join(', ')}, but Cilium's identity label ` +
            'filter leaves that out of every identity (cilium.identityLabels): no selector matches it on Cilium',
        );
    }
  }
  return lines;
}

import type { CheckResult } from '../check/types.js';
import { describeAttribution } from '../replay/attribution.js';
import type { ReplayedFlow } from '../replay/types.js';
import { peerLabel } from '../diff/peers.js';
import type { Diagnostic, Severity } from '../manifests/types.js';
import { pushTo } from '../collections.js';
import { describeL7Sides } from '../policy/l7.js';
import { ConnSet, formatRange } from '../policy/portset.js';
import type { Connection, Peer } from '../policy/types.js';
import type { Finding, LintResult } from '../rules/types.js';
import { cleanText, truncate } from './escape.js';
import {
  countBySeverity,
  describeRisks,
  describeSeverityCounts,
  formatLocation,
  formatPorts,
  addedPeer,
  describeGroup,
  pathGroups,
  type PathGroup,
  groupFindings,
  plural,
} from './format.js';
import type { TextOptions } from './types.js';
import {
  describeBlocking,
  describePatch,
  describeReadiness,
  describeRule,
  describeWindow,
  fixItems,
} from '../fix/describe.js';
import type { RulePatch } from '../fix/types.js';

/** Long enough for any real message; a 10,000-character name from a hostile manifest does not flood the terminal. */
const MAX_FIELD_LENGTH = 1000;

type Style = 'red' | 'yellow' | 'green' | 'cyan' | 'dim' | 'bold';
const ANSI: Readonly<Record<Style, string>> = {
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  green: '\u001b[32m',
  cyan: '\u001b[36m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
};
const RESET = '\u001b[0m';
const SEVERITY_STYLE: Readonly<Record<Severity, Style>> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** Builds terminal lines; untrusted text goes through `plain`, so no escape sequence of the input reaches the terminal. */
class TextWriter {
  private readonly lines: string[] = [];

  constructor(private readonly color: boolean) {}

  style(text: string, style: Style): string {
    return this.color ? `${ANSI[style]}${text}${RESET}` : text;
  }

  plain(text: string): string {
    return truncate(cleanText(text), MAX_FIELD_LENGTH);
  }

  line(text = ''): void {
    this.lines.push(text);
  }

  /**
   * A titled block of items (one or more lines each), left out when empty: the terminal shows what happened. The
   * title counts the items, or `count` (paths, of which one item may fold many).
   */
  section(title: string, items: readonly (string | string[])[], count = items.length): void {
    if (items.length === 0) return;
    this.line();
    this.line(this.style(`${title} (${count.toLocaleString('en-US')}):`, 'bold'));
    for (const line of items.flat()) this.line(`  ${line}`);
  }

  /** Rows of aligned columns (`file:line:col  severity  rule  message`); the last column is not padded. */
  columns(rows: readonly { cells: string[]; styles: (Style | undefined)[] }[]): string[] {
    const widths: number[] = [];
    for (const { cells } of rows)
      cells.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
    return rows.map(({ cells, styles }) =>
      cells
        .map((cell, i) => {
          const padded = i < cells.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell;
          const style = styles[i];
          return style ? this.style(padded, style) : padded;
        })
        .join('  ')
        .trimEnd(),
    );
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function peer(writer: TextWriter, value: Peer | ReplayedFlow['from']): string {
  return writer.plain(peerLabel(value));
}

function flowLine(writer: TextWriter, flow: ReplayedFlow): string {
  const seen = `seen ${plural(flow.count, 'time')}${flow.lastSeen ? `, last ${writer.plain(flow.lastSeen)}` : ''}`;
  const port = `${flow.protocol}/${flow.port}${flow.request ? ` ${flow.request}` : ''}`;
  return `${peer(writer, flow.from)} -> ${peer(writer, flow.to)}  ${writer.plain(port)}  ${writer.style(seen, 'dim')}`;
}

/** Members of a group listed under it; the JSON report has every path. */
const MAX_MEMBERS_SHOWN = 20;

function pathLine(writer: TextWriter, group: PathGroup, sign: '+' | '-' | ''): string[] {
  const { row } = group;
  const ports = writer.plain(row.ports);
  const risks = describeRisks(row.risk, row);
  const signed = sign === '+' ? writer.style('+', 'green') : sign === '-' ? writer.style('-', 'red') : '';
  const end = (which: 'from' | 'to') => {
    if (group.folds !== which) return peer(writer, row[which]);
    const added = addedPeer(group);
    const at = group.location
      ? ` at ${formatLocation(group.location.file, group.location.line)}${added ? `, which adds ${added}` : ''}`
      : '';
    return `[${writer.plain(`${describeGroup(group)}${at}`)}]`;
  };
  const shown = group.members.slice(0, MAX_MEMBERS_SHOWN).map((member) => peer(writer, member));
  const more = group.members.length - shown.length;
  if (more > 0) shown.push(`and ${more.toLocaleString('en-US')} more`);
  return [
    [
      `${signed}${signed ? ' ' : ''}${end('from')} -> ${end('to')}  ${ports}`,
      risks ? `  ${writer.style(`risk: ${writer.plain(risks)}`, 'yellow')}` : '',
      row.openedBy ? `  ${writer.plain(row.openedBy)}` : '',
    ].join(''),
    ...(shown.length ? [`    ${writer.style('of:', 'dim')} ${shown.join(', ')}`] : []),
  ];
}

/** The explanation on its own indented line: it is long, and reviewers read it after the path. */
/** Why head denies a recorded flow, and what the cluster said decided it when recorded (Hubble's attribution). */
function whyText(flow: ReplayedFlow): string | undefined {
  const recorded = flow.recordedBy?.map(describeAttribution).join('; ');
  return recorded ? `${flow.explanation ?? ''}; Hubble recorded: ${recorded}` : flow.explanation;
}

function withWhy(writer: TextWriter, lines: string[], explanation: string | undefined): string[] {
  return explanation ? [...lines, `    ${writer.style('why:', 'dim')} ${writer.plain(explanation)}`] : lines;
}

function findingLines(writer: TextWriter, findings: readonly Finding[]): string[] {
  return writer.columns(
    findings.map((finding) => {
      const notes = [finding.introduced ? 'new' : '', finding.suppressed ? suppressedNote(finding) : '']
        .filter(Boolean)
        .join(', ');
      return {
        cells: [
          writer.plain(formatLocation(finding.file, finding.line, finding.column)),
          writer.plain(finding.severity),
          writer.plain(finding.rule),
          `${writer.plain(finding.message)}${notes ? ` (${writer.plain(notes)})` : ''}`,
        ],
        styles: ['dim', finding.suppressed ? 'dim' : SEVERITY_STYLE[finding.severity], 'dim', undefined],
      };
    }),
  );
}

function suppressedNote(finding: Finding): string {
  return finding.suppressed?.reason ? `suppressed: ${finding.suppressed.reason}` : 'suppressed';
}

function diagnosticLines(writer: TextWriter, diagnostics: readonly Diagnostic[]): string[] {
  return writer.columns(
    diagnostics.map((diagnostic) => ({
      cells: [
        writer.plain(formatLocation(diagnostic.file, diagnostic.line, diagnostic.column) || '-'),
        writer.plain(diagnostic.severity),
        writer.plain(diagnostic.code),
        writer.plain(diagnostic.message),
      ],
      styles: ['dim', SEVERITY_STYLE[diagnostic.severity], 'dim', undefined],
    })),
  );
}

/** Blocking flows listed per namespace in the terminal; the JSON has them all. */
const MAX_BLOCKING_SHOWN = 5;

/** A patch as the rule to add, indented under what it does. */
function patchLines(writer: TextWriter, patch: RulePatch): string[] {
  return [
    `  ${writer.plain(describePatch(patch))}:`,
    ...patch.yaml.split('\n').map((line) => `    ${writer.plain(line)}`),
  ];
}

function fixLines(writer: TextWriter, result: CheckResult): string[][] {
  return fixItems(result).map(({ subject, fix }) => [
    writer.style(writer.plain(subject), 'bold'),
    ...patchLines(writer, fix),
    ...(fix.alsoNeeded ? patchLines(writer, fix.alsoNeeded) : []),
  ]);
}

/** Findings in the order reviewers act on them: introduced first, then existing, suppressed last. */
function orderedFindings(findings: readonly Finding[]): Finding[] {
  const groups = groupFindings(findings);
  return [...groups.introduced, ...groups.existing, ...groups.suppressed];
}

/** The `check` report for a terminal: verdict, broken flows, opened/closed paths, findings, diagnostics, summary. */
export function renderText(result: CheckResult, options: TextOptions): string {
  const writer = new TextWriter(options.color);
  const failed = result.verdict === 'fail';
  const verdict = failed ? writer.style('FAIL', 'red') : writer.style('PASS', 'green');
  const reasons = result.reasons.map((reason) => writer.plain(reason)).join('; ');
  writer.line(`netpol-guard check: ${writer.style(verdict, 'bold')}${reasons ? ` - ${reasons}` : ''}`);

  const { diff, flows } = result;
  writer.section(
    'Broken flows',
    (flows?.broken ?? []).map((flow) => withWhy(writer, [flowLine(writer, flow)], whyText(flow))),
  );
  writer.section(
    'Audited flows that would break when enforced',
    (flows?.wouldBreakWhenEnforced ?? []).map((flow) =>
      withWhy(writer, [flowLine(writer, flow)], whyText(flow)),
    ),
  );
  writer.section(
    'Cuts accepted by annotation',
    (flows?.acceptedCuts ?? []).map((flow) =>
      withWhy(
        writer,
        [flowLine(writer, flow)],
        `accepted by ${flow.acceptedBy.policy} (expect-cut "${flow.acceptedBy.entry}") at ${flow.acceptedBy.location.file}:${flow.acceptedBy.location.line}`,
      ),
    ),
  );
  writer.section('Suggested fixes, verified against head', fixLines(writer, result));
  writer.section(
    'Opened paths',
    pathGroups(diff.opened).map((group) => pathLine(writer, group, '+')),
    result.summary.opened,
  );
  writer.section(
    'Closed paths',
    pathGroups(diff.closed).map((group) =>
      withWhy(writer, pathLine(writer, group, '-'), group.row.explanation),
    ),
    result.summary.closed,
  );
  writer.section(
    'L7 filters changed',
    (diff.l7Changed ?? []).map((change) => [
      `${peer(writer, change.from)} -> ${peer(writer, change.to)}  ${writer.plain(formatPorts(change.protocol, change.ports))}  ${writer.plain(change.change)}`,
      ...describeL7Sides(change.head ?? change.base ?? {}).map(
        (side) => `    ${writer.style(change.head ? 'by:' : 'was:', 'dim')} ${writer.plain(side)}`,
      ),
    ]),
  );
  writer.section(
    'Workloads added',
    diff.workloadsAdded.map((added) => peer(writer, added)),
  );
  writer.section(
    'Workloads removed',
    diff.workloadsRemoved.map((removed) => peer(writer, removed)),
  );
  writer.section(
    'New connections of added workloads',
    pathGroups(diff.newConnections).map((group) => pathLine(writer, group, '')),
  );
  writer.section(
    'Gone connections of removed workloads',
    pathGroups(diff.goneConnections).map((group) => pathLine(writer, group, '')),
  );
  writer.section(
    'Newly allowed flows',
    (flows?.newlyAllowed ?? []).map((flow) => flowLine(writer, flow)),
  );
  writer.section(
    'Unmatched flow endpoints',
    (flows?.unmatched ?? []).map((flow) => `${flowLine(writer, flow)}  ${writer.plain(flow.reason)}`),
  );
  writer.section('Findings', findingLines(writer, orderedFindings(result.findings)));
  writer.section('Findings resolved by this PR', findingLines(writer, result.resolved ?? []));
  if (flows) {
    const window = writer.plain(describeWindow(flows));
    writer.section(
      `Default-deny readiness, ${window}`,
      (flows.readiness ?? []).map((namespace) => [
        `${writer.plain(namespace.namespace)}: ${writer.plain(describeReadiness(namespace))}`,
        ...namespace.blocking
          .slice(0, MAX_BLOCKING_SHOWN)
          .map((flow) => `    ${writer.plain(describeBlocking(flow))}`),
        ...(namespace.blocking.length > MAX_BLOCKING_SHOWN
          ? [`    ${writer.style(`and ${namespace.blocking.length - MAX_BLOCKING_SHOWN} more`, 'dim')}`]
          : []),
      ]),
    );
    writer.section(
      `Allow rules no recorded flow used (candidates to narrow), ${window}`,
      writer.columns(
        (flows.unusedRules ?? []).map((rule) => ({
          cells: [writer.plain(formatLocation(rule.file, rule.line)), writer.plain(describeRule(rule))],
          styles: ['dim', undefined],
        })),
      ),
    );
  }
  writer.section('Diagnostics', diagnosticLines(writer, result.diagnostics));
  writer.section(
    'Skipped flow records (samples)',
    (flows?.skippedSamples ?? []).map(
      (sample) =>
        `${writer.plain(formatLocation(sample.file, sample.line) || '-')}  ${writer.plain(sample.reason)}`,
    ),
  );

  writer.line();
  if (flows) {
    writer.line(
      writer.style(
        `Flows: ${plural(flows.records, 'record')} replayed, ${plural(flows.skipped, 'record')} skipped, ` +
          `${flows.stillDenied.toLocaleString('en-US')} still denied, ` +
          `${flows.otherDrops.toLocaleString('en-US')} dropped for other reasons, ` +
          `${flows.deniedAtBase.toLocaleString('en-US')} denied at base too`,
        'dim',
      ),
    );
  }
  const { summary } = result;
  const newFindings = groupFindings(result.findings).introduced.length;
  writer.line(
    `${plural(summary.brokenFlows, 'broken flow')}, ${plural(summary.opened, 'path')} opened, ` +
      `${summary.closed.toLocaleString('en-US')} closed, ` +
      `${describeSeverityCounts({ error: summary.errors, warning: summary.warnings, info: summary.infos })} ` +
      `(${newFindings.toLocaleString('en-US')} new)`,
  );
  return writer.toString();
}

/** The `lint` report for a terminal: findings, diagnostics and a summary line. */
export function renderLintText(result: LintResult, options: TextOptions): string {
  const writer = new TextWriter(options.color);
  const findings = orderedFindings(result.findings);
  const lines = findingLines(writer, findings);
  for (const line of lines) writer.line(line);
  if (result.diagnostics.length > 0) {
    writer.section('Diagnostics', diagnosticLines(writer, result.diagnostics));
    writer.line();
  } else if (lines.length > 0) {
    writer.line();
  }
  const suppressed = groupFindings(result.findings).suppressed.length;
  const active = result.findings.length - suppressed;
  writer.line(
    `${plural(active, 'finding')}: ${describeSeverityCounts(countBySeverity(result.findings))}` +
      (suppressed > 0 ? `, ${suppressed.toLocaleString('en-US')} suppressed` : ''),
  );
  return writer.toString();
}

/**
 * `reach` as text: one line per (from, to) with the ports it may use, per protocol (`TCP 80,443, UDP 53`), or
 * `all ports`. Names and labels come from the manifests: they go through `cleanText` like every terminal field.
 */
export function renderReachText(connections: readonly Connection[]): string {
  if (connections.length === 0) return 'no connection is allowed\n';
  const lines: string[] = [];
  let pair: string | undefined;
  let ports = ConnSet.none();
  let named: string[] = [];
  // Ports a Cilium proxy filters, by what it lets through (one line for the protocols of a `protocol: ANY` rule).
  let filtered = new Map<string, string[]>();
  const flush = () => {
    if (pair === undefined) return;
    const numbers = ports.isEmpty() ? [] : [describeReachPorts(ports)];
    const names = named.length > 0 ? [`${named.join(', ')} (resolved on the pod)`] : [];
    lines.push(`${pair} : ${[...numbers, ...names].join(', ')}`);
    for (const [filter, filteredPorts] of filtered)
      lines.push(cleanText(`  ${filteredPorts.join(', ')}: allowed, L7-filtered: ${filter}`));
  };
  for (const connection of connections) {
    const next = cleanText(`${peerLabel(connection.from)} -> ${peerLabel(connection.to)}`);
    if (next !== pair) {
      flush();
      pair = next;
      ports = ConnSet.none();
      named = [];
      filtered = new Map();
    }
    ports = ports.union(ConnSet.of(connection.protocol, connection.ports));
    for (const name of connection.namedPorts ?? [])
      named.push(cleanText(`${connection.protocol} named port ${name}`));
    // Allowed at L3/L4, and only the requests an L7 rule matches pass (issue 18).
    for (const entry of connection.l7 ?? [])
      pushTo(filtered, describeL7Sides(entry).join('; '), formatPorts(connection.protocol, entry.ports));
  }
  flush();
  return `${lines.join('\n')}\n`;
}

function describeReachPorts(ports: ConnSet): string {
  if (ports.isAll()) return 'all ports';
  return Object.entries(ports.byProtocol)
    .filter(([, ranges]) => ranges.length > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([protocol, ranges]) => `${protocol} ${ranges.map(formatRange).join(',')}`)
    .join(', ');
}

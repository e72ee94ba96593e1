import type { CheckResult, FlowsResult } from '../check/types.js';
import type { L7Change, PathChange } from '../diff/types.js';
import { describeAttribution } from '../replay/attribution.js';
import type { ReplayedFlow } from '../replay/types.js';
import { countPaths, peerLabel } from '../diff/peers.js';
import { rowGroups, rowStarts } from '../diff/causes.js';
import { policyName } from '../model/policy-ref.js';
import type { Diagnostic, Severity } from '../manifests/types.js';
import type { Peer } from '../policy/types.js';
import type { Finding, LintResult } from '../rules/types.js';
import { cleanText, codeSpan, escapeMarkdown } from './escape.js';
import {
  countBySeverity,
  describeRisks,
  describeSeverityCounts,
  formatLocation,
  formatPorts,
  addedPeer,
  describeGroup,
  pathGroupAt,
  type PathGroup,
  type PathRow,
  groupFindings,
  noun,
  plural,
} from './format.js';
import { renderNamespaceGraph } from './mermaid.js';
import type { MarkdownOptions } from './types.js';
import { describeBlocking, describeRule, describeWindow, fixItems, ruleListName } from '../fix/describe.js';
import type { RulePatch } from '../fix/types.js';
import { bySeverity, decisionBlock, triage } from './decision.js';
import { checkFooter, timeMarkdown } from './footer.js';
import { linkTarget, markdownLinks, type MarkdownLinks } from './links.js';

const DEFAULT_MAX_LENGTH = 60_000;
/** Below this the headline and the truncation note alone would not fit. */
const MIN_MAX_LENGTH = 6_000;
/** Room kept for the truncation note: it names at most every section title of ours, and the link. */
const TRUNCATION_NOTE_ROOM = 1_500;
const DEFAULT_TITLE = 'netpol-guard';
const PEER_LENGTH = 120;

const SEVERITY_ICON: Readonly<Record<Severity, string>> = {
  error: ':red_circle:',
  warning: ':warning:',
  info: ':information_source:',
};

/** Cells are Markdown already made safe (escaped or code spans); every row has as many cells as the header. */
interface Table {
  header: readonly string[];
  rows: Rows;
}

/**
 * A table's rows, made when first asked for and kept: a comment shows a few hundred rows of tables that may hold tens
 * of thousands (every path a change opens), so rendering costs what is shown, not what there is, and a row measured
 * while fitting the comment is not made again to be written.
 */
interface Rows {
  count: number;
  at(index: number): string;
}

function rowsOf<T>(items: readonly T[], cells: (item: T, index: number) => string[]): Rows {
  const made: string[] = [];
  return { count: items.length, at: (index) => (made[index] ??= renderRow(cells(items[index]!, index))) };
}

/** One part of the report. Titles are ours; everything from input is escaped before it gets here. */
interface Section {
  title: string;
  /** Folded sections go into `<details>`: they are there for whoever looks, not for every reviewer. */
  folded: boolean;
  lead?: string;
  table?: Table;
  /** What the heading counts when it is not the rows: paths, of which one row may fold many. */
  count?: number;
  /** Markdown that is kept or cut as a whole (the graph). */
  block?: string;
}

function rowCount(section: Section): number {
  return section.table?.rows.count ?? 0;
}

function renderRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function moreRowsLine(hidden: number): string {
  return `_…and ${plural(hidden, 'more row')}, cut to fit the size limit._`;
}

/**
 * How many of the section's rows, from the first, fit when they start at `size` and may end at `limit`, and the size
 * they end at: rows are measured only until one does not fit, so sizing a table costs the rows that can be shown.
 */
function fitRows(section: Section, size: number, limit: number): { shown: number; size: number } {
  const total = rowCount(section);
  let shown = 0;
  let end = size;
  for (; shown < total; shown++) {
    const next = end + section.table!.rows.at(shown).length + 1;
    if (next > limit) break;
    end = next;
  }
  return { shown, size: end };
}

/** The length of the section rendered with all its rows when that is at most `limit`; some length above it if not. */
function fullLength(section: Section, limit: number): number {
  const total = rowCount(section);
  // Rendered without rows, the section ends with the blank line and the line saying that every row is hidden.
  const bare = renderSection(section, 0).length - (total > 0 ? 2 + moreRowsLine(total).length : 0);
  const { shown, size } = fitRows(section, bare, limit);
  return shown === total && size <= limit ? size : limit + 1;
}

/** The section with its first `shownRows` table rows. */
function renderSection(section: Section, shownRows = rowCount(section)): string {
  const heading = section.table
    ? `${section.title} (${(section.count ?? rowCount(section)).toLocaleString('en-US')})`
    : section.title;
  const lines = section.folded ? ['<details>', `<summary>${heading}</summary>`, ''] : [`### ${heading}`, ''];
  if (section.lead) lines.push(section.lead, '');
  if (section.table) {
    lines.push(renderRow(section.table.header), renderRow(section.table.header.map(() => '---')));
    for (let index = 0; index < shownRows; index++) lines.push(section.table.rows.at(index));
    const hidden = rowCount(section) - shownRows;
    if (hidden > 0) lines.push('', moreRowsLine(hidden));
  }
  if (section.block) lines.push(section.block);
  if (section.folded) lines.push('', '</details>');
  return lines.join('\n');
}

const SECTION_SEPARATOR = '\n\n';

/** What did not fit: rows cut from the end of one section, and the sections after it. */
interface Cut {
  rows?: { section: string; hidden: number; total: number };
  sections: string[];
}

/**
 * The longest prefix of the sections that fits `budget` characters: whole sections, then whole rows of the first
 * one that does not fit (never part of a row or of an HTML tag). Returns the rendered parts and what was left out.
 */
function fitSections(sections: readonly Section[], budget: number): { parts: string[]; cut: Cut } {
  const parts: string[] = [];
  const cut: Cut = { sections: [] };
  let used = 0;
  for (const section of sections) {
    if (cut.rows || cut.sections.length > 0) {
      cut.sections.push(section.title);
      continue;
    }
    const room = budget - used - SECTION_SEPARATOR.length;
    const full = fullLength(section, room);
    if (full <= room) {
      parts.push(renderSection(section));
      used += SECTION_SEPARATOR.length + full;
      continue;
    }
    const total = rowCount(section);
    // The "more rows" line is sized for the largest count it can say, so the estimate never falls short.
    const { shown, size } = fitRows(
      section,
      used + SECTION_SEPARATOR.length + renderSection(section, 0).length + moreRowsLine(total).length,
      budget,
    );
    if (shown > 0) {
      parts.push(renderSection(section, shown));
      used = size;
      cut.rows = { section: section.title, hidden: total - shown, total };
    } else {
      cut.sections.push(section.title);
    }
  }
  return { parts, cut };
}

/** The caller's marker when it is one single-line HTML comment; otherwise one made of its harmless characters. */
function hiddenMarker(marker: string): string {
  if (/^<!--(?:(?!--)[^\n\r<>])*-->$/.test(marker)) return marker;
  const content = cleanText(marker)
    .replace(/^<!--|-->$/g, '')
    .replace(/--|[<>]/g, '')
    .trim();
  return `<!-- ${content} -->`;
}

function truncationNote(cut: Cut, detailsUrl: string | undefined): string {
  const target = linkTarget(detailsUrl);
  const where = target
    ? `The [full report](${target}) is in the job summary of the run.`
    : "The full report is in the job summary of the run (and in the JSON report, the step's `report` output).";
  const quoted = (title: string) => `“${title}”`;
  const missing = [
    ...(cut.rows
      ? [
          `${cut.rows.hidden.toLocaleString('en-US')} of ${cut.rows.total.toLocaleString('en-US')} rows of ${quoted(cut.rows.section)}`,
        ]
      : []),
    ...(cut.sections.length > 0
      ? [`the ${noun(cut.sections.length, 'section')} ${cut.sections.map(quoted).join(', ')}`]
      : []),
  ];
  return `---\n\n:scissors: **Shortened to fit the size limit.** Not shown: ${missing.join(' and ')}. ${where}`;
}

/**
 * Title, headline, the sections and the footer, bounded by `maxLength` with a note saying what was cut and where it
 * is. The headline and the footer are never cut; sections come in priority order, so what is cut is what matters
 * least.
 */
function assemble(
  headline: string,
  sections: readonly Section[],
  options: MarkdownOptions,
  footer?: string,
): string {
  const title = `## ${escapeMarkdown(options.title ?? DEFAULT_TITLE, 200)}`;
  const head = [...(options.marker ? [hiddenMarker(options.marker)] : []), title, headline].join(
    SECTION_SEPARATOR,
  );
  const tail = footer ? [footer] : [];
  const tailLength = footer ? SECTION_SEPARATOR.length + footer.length : 0;
  const maxLength = Math.max(options.maxLength ?? DEFAULT_MAX_LENGTH, MIN_MAX_LENGTH);
  // The whole report, with its final newline, when it fits.
  let room = maxLength - 1 - head.length - tailLength;
  for (const section of sections) room -= SECTION_SEPARATOR.length + fullLength(section, room);
  if (room >= 0)
    return `${[head, ...sections.map((section) => renderSection(section)), ...tail].join(SECTION_SEPARATOR)}\n`;
  const budget = maxLength - head.length - tailLength - TRUNCATION_NOTE_ROOM;
  const { parts, cut } = fitSections(sections, budget);
  return `${[head, ...parts, truncationNote(cut, options.detailsUrl), ...tail].join(SECTION_SEPARATOR)}\n`;
}

/**
 * Escaped text with a line break opportunity (`<wbr>`, which GitHub keeps) after a `/` between words: names such as
 * `payments/ledger-worker` and places such as `k8s/payments/payments.yaml:106` are single words to a browser, and a
 * few of them side by side made tables wider than the conversation's column. Copied text is unchanged.
 */
function wrapFriendly(escaped: string): string {
  // Only between words: `TCP/443` and `10.0.0.0/8` stay whole.
  return escaped.replace(/(?<=[\w.-])\/(?=[A-Za-z])/g, '/<wbr>');
}

const cell = (text: string) => wrapFriendly(escapeMarkdown(text)) || '—';
/** Ports stay whole (`TCP/8443`): they are short, and broken at the slash they read as two things. */
const portCell = (text: string) => escapeMarkdown(text) || '—';

/** What an L7 change does, and the policies whose rules filter the path now (or did, when no longer filtered). */
function l7ChangeCell(change: L7Change, links: MarkdownLinks): string {
  const filter = change.head ?? change.base;
  const rules = [...(filter?.egress ?? []), ...(filter?.ingress ?? [])];
  const policies = new Map<string, string>();
  for (const rule of rules) {
    const name = `${rule.policy.kind} ${policyName(rule.policy)}`;
    if (!policies.has(name))
      policies.set(
        name,
        `${cell(name)} at ${links.location(rule.location.file, rule.location.line, change.head ? 'head' : 'base')}`,
      );
  }
  const by = [...policies.values()].join(', ');
  return `${cell(change.change)}${by ? ` (${change.head ? 'by' : 'was by'} ${by})` : ''}`;
}

/**
 * Why head denies a recorded flow, and beside it what the cluster said decided it when recorded (Hubble's
 * attribution: names from the log, escaped like any text).
 */
function whyCell(flow: ReplayedFlow): string {
  const why = cell(flow.explanation ?? '');
  const recorded = flow.recordedBy?.map(describeAttribution).join('; ');
  return recorded ? `${why}<br>Hubble recorded: ${escapeMarkdown(recorded)}` : why;
}
const peerCell = (peer: Peer | ReplayedFlow['from']) =>
  wrapFriendly(escapeMarkdown(peerLabel(peer), PEER_LENGTH));
const severityCell = (severity: Severity) =>
  `${SEVERITY_ICON[severity] ?? ''} ${escapeMarkdown(severity, 20)}`.trim();
const locationCell = (file?: string, line?: number) => codeSpan(formatLocation(file, line), 200) || '—';

function findingsTable(findings: readonly Finding[], links: MarkdownLinks, withReason = false): Table {
  const header = ['Severity', 'Rule', 'Location', 'Message', ...(withReason ? ['Reason'] : [])];
  return {
    header,
    rows: rowsOf(findings, (finding) => [
      severityCell(finding.severity),
      links.rule(finding.rule) || '—',
      links.location(finding.file, finding.line) || '—',
      cell(finding.message),
      ...(withReason ? [cell(finding.suppressed?.reason ?? '')] : []),
    ]),
  };
}

function diagnosticsTable(diagnostics: readonly Diagnostic[], links: MarkdownLinks): Table {
  return {
    header: ['Severity', 'Code', 'Location', 'Message'],
    rows: rowsOf(diagnostics, (diagnostic) => [
      severityCell(diagnostic.severity),
      codeSpan(diagnostic.code) || '—',
      links.location(diagnostic.file, diagnostic.line, diagnostic.side) || '—',
      cell(diagnostic.message),
    ]),
  };
}

function pathsTable(
  changes: readonly PathChange[],
  last?: { title: string; value: (row: PathRow) => string },
  inFoldedSection = false,
): Table {
  const starts = rowStarts(changes);
  return {
    header: ['From', 'To', 'Ports', ...(last ? [last.title] : [])],
    rows: rowsOf(rowGroups(changes, starts), (rows) => {
      const group = pathGroupAt(changes, starts, rows);
      const { row } = group;
      return [
        endCell(group, 'from', inFoldedSection),
        endCell(group, 'to', inFoldedSection),
        portCell(row.ports),
        ...(last ? [last.value(row)] : []),
      ];
    }),
  };
}

/** Members of a group shown under its summary; the JSON report has every path. */
const MAX_MEMBERS_SHOWN = 50;

/**
 * One end of a row; the end a group folds is its members, under what they are and where the change is. Folded
 * (`<details>`) except in a section that is folded itself: `<details>` do not nest in the comment.
 */
function endCell(group: PathGroup, end: 'from' | 'to', inFoldedSection: boolean): string {
  if (group.folds !== end) return peerCell(group.row[end]);
  const added = addedPeer(group);
  const at = group.location
    ? `, at ${codeSpan(formatLocation(group.location.file, group.location.line), 200)}${added ? `, which adds ${codeSpan(added, 200)}` : ''}`
    : '';
  const shown = group.members.slice(0, MAX_MEMBERS_SHOWN).map(peerCell);
  const more = group.members.length - shown.length;
  if (more > 0) shown.push(`and ${more.toLocaleString('en-US')} more`);
  const summary = `${escapeMarkdown(describeGroup(group), 300)}${at}`;
  return inFoldedSection
    ? `${summary}: ${shown.join(', ')}`
    : `<details><summary>${summary}</summary>${shown.join(', ')}</details>`;
}

function flowCells(flow: ReplayedFlow, now: string | undefined): string[] {
  return [
    peerCell(flow.from),
    peerCell(flow.to),
    // A request an L7 proxy recorded is named beside its port (its path comes from the flow log: a code span).
    `${portCell(`${flow.protocol}/${flow.port}`)}${flow.request ? ` ${codeSpan(flow.request, 120)}` : ''}`,
    escapeMarkdown(flow.count.toLocaleString('en-US')),
    timeMarkdown(flow.lastSeen, now) || '—',
  ];
}

const FLOW_HEADER = ['From', 'To', 'Port', 'Seen', 'Last seen'];

/** Fixes shown in the comment; the JSON report and `netpol-guard fix` have them all. */
const MAX_FIXES_SHOWN = 10;
const MAX_BLOCKING_SHOWN = 3;

/**
 * A fenced code block that its content cannot close: the fence is longer than any backtick run inside. Control
 * characters are dropped line by line; GitHub renders nothing inside a code block as Markdown or HTML.
 */
function codeBlock(info: string, text: string): string {
  const lines = text.split('\n').map((line) => cleanText(line));
  const longestRun = Math.max(
    2,
    ...lines.flatMap((line) => Array.from(line.matchAll(/`+/g), (run) => run[0].length)),
  );
  const fence = '`'.repeat(longestRun + 1);
  return [`${fence}${info}`, ...lines, fence].join('\n');
}

/**
 * One patch: a line linking to its clickable suggestion when it was posted in the pull request's review (on lines
 * of the diff), else the rule to paste, exactly its lines, and the policy's line to put it at. A suggestion block
 * is never written here: GitHub makes it clickable only in a review comment, and one here would repeat it.
 */
function patchBlock(patch: RulePatch, links: MarkdownLinks, suggestionUrl: string | undefined): string {
  const policy = codeSpan(policyName(patch.policy), 200);
  const at = links.location(patch.file, patch.line);
  const through = patch.endLine > patch.line ? ` to line ${patch.endLine}` : '';
  const into = `${codeSpan(ruleListName(patch))} of ${policy}`;
  const suggestion = linkTarget(suggestionUrl);
  if (suggestion) {
    const what =
      patch.change === 'policy'
        ? `Add ${escapeMarkdown(patch.policy.kind, 60)} ${policy} after ${links.location(patch.file, patch.endLine)}`
        : patch.change === 'edit'
          ? `Edit ${at}${through} (${policy})`
          : `Add to ${into} at ${at}`;
    return `${what}: [apply the suggestion in the review](${suggestion}).`;
  }
  const lead =
    patch.change === 'policy'
      ? `Add this ${escapeMarkdown(patch.policy.kind, 60)} ${policy} after ${links.location(patch.file, patch.endLine)}`
      : patch.change === 'edit'
        ? `Make ${at}${through} (${policy}) read`
        : `Add this rule to ${into} at ${at}`;
  return `${lead}:\n\n${codeBlock('yaml', patch.yaml)}`;
}

function fixesBlock(result: CheckResult, links: MarkdownLinks, options: MarkdownOptions): string | undefined {
  const items = fixItems(result);
  if (items.length === 0) return undefined;
  const shown = items
    .slice(0, MAX_FIXES_SHOWN)
    .map(({ subject, fix }) =>
      [
        `**${escapeMarkdown(subject, 300)}**`,
        ...[fix, ...(fix.alsoNeeded ? [fix.alsoNeeded] : [])].map((patch) =>
          patchBlock(patch, links, options.suggestionUrl?.(patch)),
        ),
      ].join('\n\n'),
    );
  const hidden = items.length - shown.length;
  return [
    ...shown,
    ...(hidden > 0
      ? [
          `_…and ${plural(hidden, 'more fix', 'more fixes')} in the JSON report (\`netpol-guard fix\` applies them all)._`,
        ]
      : []),
  ].join('\n\n');
}

function readinessTable(flows: FlowsResult | undefined): Table {
  return {
    header: ['Namespace', 'Explicitly allowed', 'Default deny', 'Held back by'],
    rows: rowsOf(flows?.readiness ?? [], (namespace) => {
      const blocking = namespace.blocking.slice(0, MAX_BLOCKING_SHOWN).map((flow) => describeBlocking(flow));
      const more = namespace.blocking.length - blocking.length;
      return [
        codeSpan(namespace.namespace, 200) || '—',
        cell(`${namespace.covered.toLocaleString('en-US')} of ${plural(namespace.observed, 'connection')}`),
        namespace.ready
          ? ':white_check_mark: would cut no observed traffic'
          : ':hourglass: would cut traffic',
        cell([...blocking, ...(more > 0 ? [`and ${more.toLocaleString('en-US')} more`] : [])].join('; ')),
      ];
    }),
  };
}

function unusedRulesTable(flows: FlowsResult | undefined, links: MarkdownLinks): Table {
  return {
    header: ['Location', 'Rule'],
    rows: rowsOf(flows?.unusedRules ?? [], (rule) => [
      links.location(rule.file, rule.line) || '—',
      cell(describeRule(rule)),
    ]),
  };
}

/** Drops sections with nothing to show, so the comment lists only what happened. */
function nonEmpty(sections: readonly (Section | undefined)[]): Section[] {
  return sections.filter(
    (section): section is Section => !!section && (!section.table || rowCount(section) > 0),
  );
}

/**
 * The `check` report as GitHub Markdown, for the sticky PR comment and the job summary. It opens with the decision
 * (fail, needs review or pass, and what decides it), then spends the size bound by priority, not by kind: what fails
 * the check (broken flows, their fixes, gating findings errors first, gating risky paths), then what needs review,
 * then the rest folded; the footer names the commits, the run and what the flows were worth. Deterministic (no
 * clock: ages are relative to `context.now`) and bounded by `maxLength`.
 */
export function renderMarkdown(result: CheckResult, options: MarkdownOptions = {}): string {
  const { diff, flows } = result;
  const links = markdownLinks(options.context);
  const now = options.context?.now;
  const findings = groupFindings(result.findings);
  const shown = triage(result);
  const graph = renderNamespaceGraph(diff, flows?.broken);
  const fixes = fixesBlock(result, links, options);
  const window = flows ? escapeMarkdown(describeWindow(flows), 200) : '';
  const risk = {
    title: 'Risk',
    value: (row: PathRow) => {
      const risky = row.risk?.length ? `:warning: ${escapeMarkdown(describeRisks(row.risk, row))}` : '';
      // An admin or baseline rule that opens a path is named: no NetworkPolicy line says why it is open.
      const by = row.openedBy ? cell(row.openedBy) : '';
      return [risky, by].filter((text) => text !== '').join('; ') || '—';
    },
  };
  const brokenFlows: Section = {
    title: 'Live flows that would break',
    folded: false,
    lead: shown.flowsFail
      ? 'Traffic recorded on the cluster that base allows and this change denies.'
      : 'Traffic recorded on the cluster that base allows and this change denies (not failing: `failOnBrokenFlows` is off).',
    table: {
      header: [...FLOW_HEADER, 'Why'],
      rows: rowsOf(flows?.broken ?? [], (flow) => [...flowCells(flow, now), whyCell(flow)]),
    },
  };
  const sections = nonEmpty([
    // What fails the check.
    brokenFlows,
    fixes
      ? {
          title: 'Suggested fixes',
          folded: false,
          lead: 'The narrowest rules that restore the traffic, each verified against head (see docs/fixes.md).',
          block: fixes,
        }
      : undefined,
    {
      title: 'Findings that fail the check',
      folded: false,
      table: findingsTable(shown.gatingFindings, links),
    },
    {
      title: 'Opened paths that fail the check',
      folded: false,
      count: countPaths(shown.gatingPaths),
      table: pathsTable(shown.gatingPaths, risk),
    },
    // What a reviewer must look at.
    {
      title: 'Opened paths to review',
      folded: false,
      count: countPaths(shown.reviewPaths),
      table: pathsTable(shown.reviewPaths, risk),
    },
    {
      title: 'L7 filters changed',
      folded: false,
      lead: 'Paths allowed at base and at head whose Cilium L7 rules (`toPorts[].rules`) now let other requests through.',
      table: {
        header: ['From', 'To', 'Ports', 'Change'],
        rows: rowsOf(diff.l7Changed ?? [], (change) => [
          peerCell(change.from),
          peerCell(change.to),
          portCell(formatPorts(change.protocol, change.ports)),
          l7ChangeCell(change, links),
        ]),
      },
    },
    {
      title: 'Audited flows that would break when enforced',
      folded: false,
      lead: 'Traffic Hubble recorded as AUDIT (passed in policy audit mode) that head still denies: it breaks once policies are enforced.',
      table: {
        header: [...FLOW_HEADER, 'Why'],
        rows: rowsOf(flows?.wouldBreakWhenEnforced ?? [], (flow) => [...flowCells(flow, now), whyCell(flow)]),
      },
    },
    {
      title: 'Cuts accepted by annotation',
      folded: false,
      lead: 'Recorded traffic this change denies that the policy named says it means to cut (`netpol-guard.io/expect-cut`): not failing.',
      table: {
        header: [...FLOW_HEADER, 'Accepted by'],
        rows: rowsOf(flows?.acceptedCuts ?? [], (flow) => [
          ...flowCells(flow, now),
          `${cell(flow.acceptedBy.policy)} (${codeSpan(flow.acceptedBy.entry, 200)}) at ${links.location(flow.acceptedBy.location.file, flow.acceptedBy.location.line)}`,
        ]),
      },
    },
    {
      title: 'Findings accepted by annotation in this PR',
      folded: false,
      table: findingsTable(shown.acceptedFindings, links, true),
    },
    // The rest, folded.
    {
      title: 'Other opened paths',
      folded: true,
      count: countPaths(shown.otherPaths),
      table: pathsTable(shown.otherPaths, risk, true),
    },
    {
      title: 'Closed paths',
      folded: true,
      count: result.summary.closed,
      table: pathsTable(
        diff.closed,
        { title: 'Why', value: (change) => cell(change.explanation ?? '') },
        true,
      ),
    },
    {
      title: 'Other findings introduced by this PR',
      folded: true,
      table: findingsTable(shown.otherFindings, links),
    },
    graph ? { title: 'Changed paths between namespaces', folded: true, block: graph } : undefined,
    {
      title: 'Workloads added or removed',
      folded: true,
      table: {
        header: ['Change', 'Workload'],
        rows: rowsOf(
          [
            ...diff.workloadsAdded.map((peer) => ['added', peer] as const),
            ...diff.workloadsRemoved.map((peer) => ['removed', peer] as const),
          ],
          ([change, peer]) => [change, peerCell(peer)],
        ),
      },
    },
    {
      title: 'Findings resolved by this PR',
      folded: true,
      table: findingsTable(bySeverity(result.resolved ?? []), noLinks),
    },
    {
      title: 'Pre-existing findings',
      folded: true,
      table: findingsTable(bySeverity(findings.existing), links),
    },
    {
      title: 'Suppressed findings',
      folded: true,
      table: findingsTable(
        findings.suppressed.filter((finding) => !shown.acceptedFindings.includes(finding)),
        links,
        true,
      ),
    },
    {
      title: 'New connections of added workloads',
      folded: true,
      table: pathsTable(diff.newConnections, undefined, true),
    },
    {
      title: 'Gone connections of removed workloads',
      folded: true,
      table: pathsTable(diff.goneConnections, undefined, true),
    },
    {
      title: 'Newly allowed flows',
      folded: true,
      lead: 'Traffic that was denied when recorded and that this change allows.',
      table: { header: FLOW_HEADER, rows: rowsOf(flows?.newlyAllowed ?? [], (flow) => flowCells(flow, now)) },
    },
    {
      title: 'Unmatched flow endpoints',
      folded: true,
      lead: 'Flows with an endpoint that matches nothing in the manifests; they were not replayed.',
      table: {
        header: [...FLOW_HEADER, 'Reason'],
        rows: rowsOf(flows?.unmatched ?? [], (flow) => [...flowCells(flow, now), cell(flow.reason)]),
      },
    },
    {
      title: 'Samples of skipped flow records',
      folded: true,
      table: {
        header: ['Location', 'Reason'],
        rows: rowsOf(flows?.skippedSamples ?? [], (sample) => [
          locationCell(sample.file, sample.line),
          cell(sample.reason),
        ]),
      },
    },
    {
      title: 'Default-deny readiness',
      folded: true,
      lead:
        `From ${window}. A connection counts when a rule names it on each end in the namespace; a recording can ` +
        'miss rare traffic (CronJobs, failover paths): see docs/fixes.md.',
      table: readinessTable(flows),
    },
    {
      title: 'Allow rules no recorded flow used',
      folded: true,
      lead: `Candidates to narrow, from ${window}; rare traffic may still need them.`,
      table: unusedRulesTable(flows, links),
    },
    { title: 'Diagnostics', folded: true, table: diagnosticsTable(result.diagnostics, links) },
  ]);
  return assemble(
    decisionBlock(result, links),
    sections,
    options,
    checkFooter(result, options.context, options.detailsUrl),
  );
}

/** Resolved findings are at base's lines, which the head blob does not have: they are named, not linked. */
const noLinks = markdownLinks(undefined);

function lintHeadline(result: LintResult): string {
  const counts = countBySeverity(result.findings);
  const { suppressed } = groupFindings(result.findings);
  const active = result.findings.length - suppressed.length;
  const icon = counts.error > 0 ? ':x:' : counts.warning > 0 ? ':warning:' : ':white_check_mark:';
  const silenced = suppressed.length > 0 ? `, ${suppressed.length.toLocaleString('en-US')} suppressed` : '';
  return `${icon} **${plural(active, 'finding')}**: ${describeSeverityCounts(counts)}${silenced}`;
}

/** The `lint` report as GitHub Markdown, with the same escaping, folding and size bound as {@link renderMarkdown}. */
export function renderLintMarkdown(result: LintResult, options: MarkdownOptions = {}): string {
  const findings = groupFindings(result.findings);
  const links = markdownLinks(options.context);
  const sections = nonEmpty([
    {
      title: 'Findings',
      folded: false,
      table: findingsTable(bySeverity([...findings.introduced, ...findings.existing]), links),
    },
    { title: 'Suppressed findings', folded: true, table: findingsTable(findings.suppressed, links, true) },
    { title: 'Diagnostics', folded: true, table: diagnosticsTable(result.diagnostics, links) },
  ]);
  return assemble(lintHeadline(result), sections, options);
}

import { FLOWS_CHANGED } from '../check/evidence.js';
import type { CheckResult, FlowsResult } from '../check/types.js';
import type { PathChange } from '../diff/types.js';
import type { ReplayedFlow } from '../replay/types.js';
import { peerLabel } from '../diff/peers.js';
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
  describeMembers,
  pathGroupAt,
  pathGroupRows,
  pathRowStarts,
  type PathGroup,
  type PathRow,
  groupFindings,
  plural,
} from './format.js';
import { renderNamespaceGraph } from './mermaid.js';
import type { MarkdownOptions } from './types.js';
import { describeBlocking, describeRule, describeWindow, fixItems } from '../fix/describe.js';
import type { RulePatch } from '../fix/types.js';

const DEFAULT_MAX_LENGTH = 60_000;
/** Below this the headline and the truncation note alone would not fit. */
const MIN_MAX_LENGTH = 2_000;
/** Room kept for the truncation note: it names at most every section title of ours, and the link. */
const TRUNCATION_NOTE_ROOM = 1_500;
const MAX_URL_LENGTH = 500;
const DEFAULT_TITLE = 'netpol-guard';
const PEER_LENGTH = 120;
/** Keeps the headline, which is never cut, well inside the room the size bound leaves it. */
const MAX_REASONS = 5;

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

/** An http(s) URL fit for a Markdown link destination, or undefined; a long one would not fit the note's room. */
function linkTarget(url: string | undefined): string | undefined {
  if (!url || url.length > MAX_URL_LENGTH || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(
    /[()<>"' ]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function truncationNote(cut: Cut, detailsUrl: string | undefined): string {
  const target = linkTarget(detailsUrl);
  const where = target
    ? `The [full report](${target}) is in the job summary, and everything is in the JSON report artifact.`
    : 'Everything is in the job summary and in the JSON report artifact.';
  const quoted = (title: string) => `“${title}”`;
  const missing = [
    ...(cut.rows
      ? [
          `${cut.rows.hidden.toLocaleString('en-US')} of ${cut.rows.total.toLocaleString('en-US')} rows of ${quoted(cut.rows.section)}`,
        ]
      : []),
    ...(cut.sections.length > 0
      ? [`the section${cut.sections.length > 1 ? 's' : ''} ${cut.sections.map(quoted).join(', ')}`]
      : []),
  ];
  return `---\n\n:scissors: **Shortened to fit the size limit.** Not shown: ${missing.join(' and ')}. ${where}`;
}

/** Title, headline and the sections, bounded by `maxLength` with a note saying what was cut and where it is. */
function assemble(headline: string, sections: readonly Section[], options: MarkdownOptions): string {
  const title = `## ${escapeMarkdown(options.title ?? DEFAULT_TITLE, 200)}`;
  const head = [...(options.marker ? [hiddenMarker(options.marker)] : []), title, headline].join(
    SECTION_SEPARATOR,
  );
  const maxLength = Math.max(options.maxLength ?? DEFAULT_MAX_LENGTH, MIN_MAX_LENGTH);
  // The whole report, with its final newline, when it fits.
  let room = maxLength - 1 - head.length;
  for (const section of sections) room -= SECTION_SEPARATOR.length + fullLength(section, room);
  if (room >= 0)
    return `${[head, ...sections.map((section) => renderSection(section))].join(SECTION_SEPARATOR)}\n`;
  const budget = maxLength - head.length - TRUNCATION_NOTE_ROOM;
  const { parts, cut } = fitSections(sections, budget);
  return `${[head, ...parts, truncationNote(cut, options.detailsUrl)].join(SECTION_SEPARATOR)}\n`;
}

const cell = (text: string) => escapeMarkdown(text) || '—';
const peerCell = (peer: Peer | ReplayedFlow['from']) => escapeMarkdown(peerLabel(peer), PEER_LENGTH);
const severityCell = (severity: Severity) =>
  `${SEVERITY_ICON[severity] ?? ''} ${escapeMarkdown(severity, 20)}`.trim();
const locationCell = (file?: string, line?: number) => codeSpan(formatLocation(file, line), 200) || '—';

function findingsTable(findings: readonly Finding[], withReason = false): Table {
  const header = ['Severity', 'Rule', 'Location', 'Message', ...(withReason ? ['Reason'] : [])];
  return {
    header,
    rows: rowsOf(findings, (finding) => [
      severityCell(finding.severity),
      codeSpan(finding.rule) || '—',
      locationCell(finding.file, finding.line),
      cell(finding.message),
      ...(withReason ? [cell(finding.suppressed?.reason ?? '')] : []),
    ]),
  };
}

function diagnosticsTable(diagnostics: readonly Diagnostic[]): Table {
  return {
    header: ['Severity', 'Code', 'Location', 'Message'],
    rows: rowsOf(diagnostics, (diagnostic) => [
      severityCell(diagnostic.severity),
      codeSpan(diagnostic.code) || '—',
      locationCell(diagnostic.file, diagnostic.line),
      cell(diagnostic.message),
    ]),
  };
}

function pathsTable(
  changes: readonly PathChange[],
  last?: { title: string; value: (row: PathRow) => string },
  inFoldedSection = false,
): Table {
  const starts = pathRowStarts(changes);
  return {
    header: ['From', 'To', 'Ports', ...(last ? [last.title] : [])],
    rows: rowsOf(pathGroupRows(changes, starts), (rows) => {
      const group = pathGroupAt(changes, starts, rows);
      const { row } = group;
      return [
        endCell(group, 'from', inFoldedSection),
        endCell(group, 'to', inFoldedSection),
        cell(row.ports),
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
  const at = group.location
    ? `, at ${codeSpan(formatLocation(group.location.file, group.location.line), 200)}`
    : '';
  const shown = group.members.slice(0, MAX_MEMBERS_SHOWN).map(peerCell);
  const more = group.members.length - shown.length;
  if (more > 0) shown.push(`and ${more.toLocaleString('en-US')} more`);
  const summary = `${escapeMarkdown(describeMembers(group.members))}${at}`;
  return inFoldedSection
    ? `${summary}: ${shown.join(', ')}`
    : `<details><summary>${summary}</summary>${shown.join(', ')}</details>`;
}

function flowCells(flow: ReplayedFlow): string[] {
  return [
    peerCell(flow.from),
    peerCell(flow.to),
    cell(`${flow.protocol}/${flow.port}`),
    escapeMarkdown(flow.count.toLocaleString('en-US')),
    cell(flow.lastSeen ?? ''),
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
 * One patch: a GitHub suggestion on the policy's lines when its file is in the pull request, else the rule to
 * paste and the file to put it in.
 */
function patchBlock(patch: RulePatch): string {
  const where = `${codeSpan(`spec.${patch.direction}`)} of ${codeSpan(policyName(patch.policy), 200)} in ${codeSpan(patch.file, 200)}`;
  if (patch.inChangedFile) {
    const lines =
      patch.line === patch.endLine ? `line ${patch.line}` : `lines ${patch.line}-${patch.endLine}`;
    return `Add to ${where} (${lines} become):\n\n${codeBlock('suggestion', patch.replacement)}`;
  }
  return `Add this rule to ${where}:\n\n${codeBlock('yaml', patch.yaml)}`;
}

function fixesBlock(result: CheckResult): string | undefined {
  const items = fixItems(result);
  if (items.length === 0) return undefined;
  const shown = items
    .slice(0, MAX_FIXES_SHOWN)
    .map(({ subject, fix }) =>
      [
        `**${escapeMarkdown(subject, 300)}**`,
        patchBlock(fix),
        ...(fix.alsoNeeded ? [patchBlock(fix.alsoNeeded)] : []),
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

function unusedRulesTable(flows: FlowsResult | undefined): Table {
  return {
    header: ['Location', 'Rule'],
    rows: rowsOf(flows?.unusedRules ?? [], (rule) => [
      locationCell(rule.file, rule.line),
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

function flowsLine(flows: FlowsResult): string {
  const window = flows.window
    ? ` seen ${cell(flows.window.firstSeen)} to ${cell(flows.window.lastSeen)}`
    : '';
  const counts = [
    [flows.stillDenied, 'still denied'],
    [flows.otherDrops, 'dropped for reasons other than policy'],
    [flows.deniedAtBase, 'denied at base too (the recording and the base manifests disagree)'],
    [flows.skipped, 'unreadable records skipped'],
  ] as const;
  const notes = counts
    .filter(([count]) => count > 0)
    .map(([count, what]) => `${count.toLocaleString('en-US')} ${what}`);
  return `Replayed ${plural(flows.records, 'flow record')}${window}${notes.length > 0 ? `: ${notes.join(', ')}` : ''}.`;
}

/** "N policies of kinds not analysed": the reachability above leaves them out, so the headline says so. */
function unanalysedPolicies(diagnostics: readonly Diagnostic[]): string[] {
  const count = diagnostics.filter(
    (d) => d.code === 'policy-kind-not-analysed' && d.severity === 'warning',
  ).length;
  return count > 0 ? [`${plural(count, 'policy', 'policies')} of kinds not analysed`] : [];
}

/**
 * Why a passing check still needs a reviewer (issue 19, "needs review"): the opened paths with a risk the gate
 * was not set to fail on, each with the line that opens it, the first few in full and the rest counted.
 */
function reviewReasons(opened: readonly PathChange[]): string[] {
  const paths = new Map<string, { change: PathChange; risks: Set<string> }>();
  for (const change of opened) {
    if (!change.risk || change.risk.length === 0) continue;
    const key = `${peerLabel(change.from)} -> ${peerLabel(change.to)}`;
    let path = paths.get(key);
    if (!path) paths.set(key, (path = { change, risks: new Set() }));
    for (const risk of change.risk) path.risks.add(risk);
  }
  const reasons = [...paths].slice(0, MAX_REASONS).map(([key, { change, risks }]) => {
    const at = change.location ? ` at ${change.location.file}:${change.location.line}` : '';
    return escapeMarkdown(`opens ${key} (${[...risks].join(', ')})${at}`, 200);
  });
  const more = paths.size - reasons.length;
  if (more > 0) reasons.push(`${more.toLocaleString('en-US')} more risky ${more === 1 ? 'path' : 'paths'}`);
  return reasons;
}

/**
 * "recorded flows changed by this pull request: FILE": replaying flows the pull request edited (`flows-from: head`)
 * can hide what it breaks, so the headline says so whatever the verdict.
 */
function changedFlows(diagnostics: readonly Diagnostic[]): string[] {
  const files = diagnostics
    .filter((d) => d.code === FLOWS_CHANGED && d.severity === 'warning' && d.file !== undefined)
    .map((d) => d.file ?? '');
  if (files.length === 0) return [];
  const shown = files.slice(0, MAX_REASONS).join(', ');
  const more =
    files.length > MAX_REASONS ? ` and ${(files.length - MAX_REASONS).toLocaleString('en-US')} more` : '';
  return [escapeMarkdown(`recorded flows changed by this pull request: ${shown}${more}`, 300)];
}

function checkHeadline(result: CheckResult): string {
  const { introduced, existing } = groupFindings(result.findings);
  const findings = introduced.length + existing.length;
  const facts = [
    ...(result.verdict === 'pass' && result.summary.brokenFlows > 0
      ? [`${plural(result.summary.brokenFlows, 'live flow')} would break`]
      : []),
    `${plural(result.summary.opened, 'path')} opened`,
    `${result.summary.closed.toLocaleString('en-US')} closed`,
    `${plural(findings, 'finding')}${findings > 0 ? ` (${introduced.length.toLocaleString('en-US')} new)` : ''}`,
    ...unanalysedPolicies(result.diagnostics),
  ].join(', ');
  const evidence = changedFlows(result.diagnostics);
  if (result.verdict === 'pass') {
    const review = [...evidence, ...reviewReasons(result.diff.opened)];
    if (review.length > 0) return `:warning: **Needs review: ${review.join(', ')}**, ${facts}`;
    return `:white_check_mark: **Pass**: ${facts}`;
  }
  const reasons = result.reasons.slice(0, MAX_REASONS).map((reason) => escapeMarkdown(reason, 200));
  const more = result.reasons.length - reasons.length;
  if (more > 0) reasons.push(`${more.toLocaleString('en-US')} more`);
  return `:x: **${reasons.join(', ') || 'Fail'}**, ${[facts, ...evidence].join(', ')}`;
}

/**
 * The `check` report as GitHub Markdown, for the sticky PR comment and the job summary: what breaks first, what
 * opens and closes, findings this PR introduces, then the rest folded. Deterministic (no timestamps, the result's
 * order) and bounded by `maxLength`.
 */
export function renderMarkdown(result: CheckResult, options: MarkdownOptions = {}): string {
  const { diff, flows } = result;
  const findings = groupFindings(result.findings);
  const graph = renderNamespaceGraph(diff);
  const fixes = fixesBlock(result);
  const window = flows ? escapeMarkdown(describeWindow(flows), 200) : '';
  const sections = nonEmpty([
    {
      title: 'Live flows that would break',
      folded: false,
      lead: 'Traffic recorded on the cluster that base allows and this change denies.',
      table: {
        header: [...FLOW_HEADER, 'Why'],
        rows: rowsOf(flows?.broken ?? [], (flow) => [...flowCells(flow), cell(flow.explanation ?? '')]),
      },
    },
    {
      title: 'Audited flows that would break when enforced',
      folded: false,
      lead: 'Traffic Hubble recorded as AUDIT (passed in policy audit mode) that head still denies: it breaks once policies are enforced.',
      table: {
        header: [...FLOW_HEADER, 'Why'],
        rows: rowsOf(flows?.wouldBreakWhenEnforced ?? [], (flow) => [
          ...flowCells(flow),
          cell(flow.explanation ?? ''),
        ]),
      },
    },
    fixes
      ? {
          title: 'Suggested fixes',
          folded: false,
          lead: 'The narrowest rules that restore the traffic, each verified against head (see docs/fixes.md).',
          block: fixes,
        }
      : undefined,
    {
      title: 'Opened paths',
      folded: false,
      count: result.summary.opened,
      table: pathsTable(diff.opened, {
        title: 'Risk',
        value: (row) => {
          const risk = row.risk?.length ? `:warning: ${escapeMarkdown(describeRisks(row.risk, row))}` : '';
          // An admin or baseline rule that opens a path is named: no NetworkPolicy line says why it is open.
          const by = row.openedBy ? cell(row.openedBy) : '';
          return [risk, by].filter((text) => text !== '').join('; ') || '—';
        },
      }),
    },
    {
      title: 'Closed paths',
      folded: false,
      count: result.summary.closed,
      table: pathsTable(diff.closed, { title: 'Why', value: (change) => cell(change.explanation ?? '') }),
    },
    graph ? { title: 'Changed paths between namespaces', folded: false, block: graph } : undefined,
    {
      title: 'Workloads added or removed',
      folded: false,
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
    { title: 'Findings introduced by this PR', folded: false, table: findingsTable(findings.introduced) },
    { title: 'Findings resolved by this PR', folded: true, table: findingsTable(result.resolved ?? []) },
    { title: 'Pre-existing findings', folded: true, table: findingsTable(findings.existing) },
    { title: 'Suppressed findings', folded: true, table: findingsTable(findings.suppressed, true) },
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
      table: { header: FLOW_HEADER, rows: rowsOf(flows?.newlyAllowed ?? [], flowCells) },
    },
    {
      title: 'Unmatched flow endpoints',
      folded: true,
      lead: 'Flows with an endpoint that matches nothing in the manifests; they were not replayed.',
      table: {
        header: [...FLOW_HEADER, 'Reason'],
        rows: rowsOf(flows?.unmatched ?? [], (flow) => [...flowCells(flow), cell(flow.reason)]),
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
      table: unusedRulesTable(flows),
    },
    { title: 'Diagnostics', folded: true, table: diagnosticsTable(result.diagnostics) },
  ]);
  const headline = [checkHeadline(result), ...(flows ? [flowsLine(flows)] : [])].join(SECTION_SEPARATOR);
  return assemble(headline, sections, options);
}

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
  const sections = nonEmpty([
    {
      title: 'Findings',
      folded: false,
      table: findingsTable([...findings.introduced, ...findings.existing]),
    },
    { title: 'Suppressed findings', folded: true, table: findingsTable(findings.suppressed, true) },
    { title: 'Diagnostics', folded: true, table: diagnosticsTable(result.diagnostics) },
  ]);
  return assemble(lintHeadline(result), sections, options);
}

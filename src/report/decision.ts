import type { CheckGate, CheckResult } from '../check/types.js';
import type { PathChange } from '../diff/types.js';
import type { ReplayedFlow } from '../replay/types.js';
import { FLOWS_CHANGED } from '../check/evidence.js';
import { blocks } from '../check/verdict.js';
import { countPaths, peerLabel } from '../diff/peers.js';
import { fixItems } from '../fix/describe.js';
import type { Severity } from '../manifests/types.js';
import type { Finding } from '../rules/types.js';
import { codeSpan, escapeMarkdown } from './escape.js';
import { describeGroup, describeRisks, pathGroupAt, plural } from './format.js';
import { risksOf, rowChanges, rowGroups, rowStarts } from '../diff/causes.js';
import type { Peer } from '../policy/types.js';
import type { MarkdownLinks } from './links.js';

/**
 * The decision block that opens the comment (issue 19, "decision first"): the verdict and the few things that decide
 * it, each naming the object and linking its line, then why, how to fix and what else to review in three lines.
 * Everything it names is counted once: the "also" line counts only what the headline did not name.
 */

/** The things named in the headline; the rest are counted. */
const MAX_DECIDING = 3;
/** Broken flows named in the headline's one item about them. */
const MAX_FLOWS_NAMED = 3;
const NAME_LENGTH = 120;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Findings most severe first, in their order otherwise. */
export function bySeverity<T extends { severity: Severity }>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3));
}

/** The result's gate, or for results made by hand what the defaults would say. */
export function gateOf(result: CheckResult): CheckGate {
  return result.gate ?? { failOn: 'error', failOnBrokenFlows: true, inputReasons: [] };
}

/** What fails the check and what is only there to review, as the sections and the headline split them. */
export interface Triage {
  /** Broken flows fail the check (`failOnBrokenFlows`). */
  flowsFail: boolean;
  gatingFindings: Finding[];
  /** Opened paths with a risk `failOnRisks` fails on. */
  gatingPaths: PathChange[];
  /** Opened paths with a risk the gate does not fail on: a reviewer must look at them. */
  reviewPaths: PathChange[];
  otherPaths: PathChange[];
  /** Introduced findings that do not fail the check. */
  otherFindings: Finding[];
  /** The warnings among them: a passing check still needs review for each (a typo that cuts a path is one). */
  reviewFindings: Finding[];
  /** Findings this change silences by annotation: accepted exposures, for review. */
  acceptedFindings: Finding[];
}

export function triage(result: CheckResult): Triage {
  const gate = gateOf(result);
  const introduced = result.findings.filter((f) => f.introduced && !f.suppressed);
  const gating = (f: Finding) => blocks(f, gate.failOn);
  return {
    flowsFail: gate.failOnBrokenFlows && (result.flows?.broken.length ?? 0) > 0,
    gatingFindings: bySeverity(introduced.filter(gating)),
    gatingPaths: result.diff.opened.filter((change) => (change.failsOn?.length ?? 0) > 0),
    reviewPaths: result.diff.opened.filter((change) => !change.failsOn?.length && change.risk?.length),
    otherPaths: result.diff.opened.filter((change) => !change.failsOn?.length && !change.risk?.length),
    otherFindings: bySeverity(introduced.filter((f) => !gating(f))),
    reviewFindings: introduced.filter((f) => !gating(f) && f.severity === 'warning'),
    acceptedFindings: result.findings.filter((f) => f.introduced && f.suppressed && f.severity !== 'info'),
  };
}

const name = (text: string) => escapeMarkdown(text, NAME_LENGTH);

/** `UDP 53`; port 53 is said to be DNS, as people call it; a request refused at L7 is named (`TCP 8080, GET /pay`). */
function flowPort(flow: ReplayedFlow): string {
  if (flow.request) return `${flow.protocol} ${flow.port}, ${escapeMarkdown(flow.request, NAME_LENGTH)}`;
  return `${flow.port === 53 ? 'DNS, ' : ''}${flow.protocol} ${flow.port}`;
}

/** `cuts 2 live flows: payments/ledger-worker → kube-system/coredns (DNS, UDP 53), → payments/api (TCP 8443) at …`. */
function flowsItem(flows: readonly ReplayedFlow[], links: MarkdownLinks, verb: string): string {
  const bySource = new Map<string, ReplayedFlow[]>();
  for (const flow of flows.slice(0, MAX_FLOWS_NAMED)) {
    const key = peerLabel(flow.from);
    bySource.set(key, [...(bySource.get(key) ?? []), flow]);
  }
  const named = [...bySource].map(([source, sourceFlows]) =>
    sourceFlows
      .map(
        (flow, index) =>
          `${index === 0 ? `${name(source)} ` : ''}→ ${name(peerLabel(flow.to))} (${flowPort(flow)})`,
      )
      .join(', '),
  );
  const more = flows.length - Math.min(flows.length, MAX_FLOWS_NAMED);
  if (more > 0) named.push(`and ${more.toLocaleString('en-US')} more`);
  return `${verb} ${plural(flows.length, 'live flow')}: ${named.join('; ')}${placesOf(flows, links)}`;
}

/** ` at <line>` for the distinct lines of the items (the first two), or nothing. */
function placesOf(
  items: readonly { location?: { file: string; line: number } }[],
  links: MarkdownLinks,
): string {
  const seen = new Map<string, string>();
  for (const { location } of items) {
    if (!location) continue;
    const key = `${location.file}:${location.line}`;
    if (!seen.has(key)) seen.set(key, links.location(location.file, location.line));
  }
  const places = [...seen.values()];
  if (places.length === 0) return '';
  return ` at ${places.slice(0, 2).join(', ')}${places.length > 2 ? ` and ${plural(places.length - 2, 'more line')}` : ''}`;
}

function findingItem(finding: Finding, links: MarkdownLinks, verb = 'adds'): string {
  const at = finding.file ? ` at ${links.location(finding.file, finding.line)}` : '';
  const reason = finding.suppressed?.reason ? ` (“${escapeMarkdown(finding.suppressed.reason, 200)}”)` : '';
  return `${verb} ${links.rule(finding.rule)}${at}${reason}`;
}

/** Opened paths by (from, to), with the risks given by `risks`. */
function pathItems(
  changes: readonly PathChange[],
  links: MarkdownLinks,
  risks: (changes: readonly PathChange[], path: { from: Peer; to: Peer }) => string,
): string[] {
  // One item per row of the tables, rows of one cause as one ("any pod in any namespace (8 workloads…) → ns/x").
  const starts = rowStarts(changes);
  const items = new Map<string, string>();
  for (const rows of rowGroups(changes, starts)) {
    const group = pathGroupAt(changes, starts, rows);
    const end = (which: 'from' | 'to') =>
      group.folds === which ? describeGroup(group) : peerLabel(group.row[which]);
    const key = `${end('from')} → ${end('to')}`;
    if (items.has(key)) continue;
    const all = rows.flatMap((index) => rowChanges(changes, starts, index));
    const { location } = group;
    const at = location ? ` at ${links.location(location.file, location.line)}` : '';
    items.set(
      key,
      `opens ${escapeMarkdown(key, 2 * NAME_LENGTH)} (${escapeMarkdown(risks(all, group.row), 200)})${at}`,
    );
  }
  return [...items.values()];
}

/** The first few items in full, the rest counted as `what`. */
function named(items: readonly string[], what: string): string {
  const shown = items.slice(0, MAX_DECIDING);
  const more = items.length - shown.length;
  return [...shown, ...(more > 0 ? [`and ${plural(more, `more ${what}`, `more ${what}s`)} below`] : [])].join(
    '; ',
  );
}

/** The paths of broken, accepted and audited flows head denies: closed paths that carried recorded traffic. */
function carriedTraffic(result: CheckResult): (change: PathChange) => boolean {
  const carried = new Set(
    [
      ...(result.flows?.broken ?? []),
      ...(result.flows?.acceptedCuts ?? []),
      ...(result.flows?.wouldBreakWhenEnforced ?? []),
    ].flatMap((flow) => {
      // A flow's end the tree does not show is also the representative peers it is among, as the diff names them.
      const froms = [flow.from, ...(flow.representedBy?.from ?? [])];
      const tos = [flow.to, ...(flow.representedBy?.to ?? [])];
      return froms.flatMap((from) => tos.map((to) => `${peerLabel(from)}\n${peerLabel(to)}`));
    }),
  );
  return (change) => carried.has(`${peerLabel(change.from)}\n${peerLabel(change.to)}`);
}

const acceptedCount = (result: CheckResult) => result.flows?.acceptedCuts?.length ?? 0;

/**
 * `Also in this change: …`: what the headline did not name, each counted once. When the check fails, what needs
 * review is counted here; when it needs review, the headline named it.
 */
function alsoLine(result: CheckResult, shown: Triage, failing: boolean): string {
  const carried = carriedTraffic(result);
  const closedQuiet = countPaths(result.diff.closed.filter((change) => !carried(change)));
  const reviewOpened = countPaths(shown.reviewPaths);
  const otherOpened = countPaths(shown.otherPaths);
  // A passing check names the audited flows this change denies (see decisionBlock): only the others are counted.
  const audited = (result.flows?.wouldBreakWhenEnforced ?? []).filter(
    (flow) => failing || !flow.introduced,
  ).length;
  const existing = result.findings.filter((f) => !f.introduced && !f.suppressed).length;
  // When the check passes, the headline named the new warnings to review.
  const belowGate = shown.otherFindings.length - (failing ? 0 : shown.reviewFindings.length);
  const count = (n: number, text: string) => (n > 0 ? [text] : []);
  const parts = [
    ...(failing
      ? [
          ...count(reviewOpened, `${plural(reviewOpened, 'opened path')} to review (risky)`),
          ...count(
            acceptedCount(result),
            `${plural(acceptedCount(result), 'cut flow')} accepted by \`expect-cut\``,
          ),
          ...count(
            shown.acceptedFindings.length,
            `${plural(shown.acceptedFindings.length, 'finding')} accepted by annotation`,
          ),
        ]
      : []),
    ...count(audited, `${plural(audited, 'audited flow')} that would break when enforced`),
    ...count(otherOpened, `${plural(otherOpened, 'other path')} opened`),
    ...count(
      closedQuiet,
      `${plural(closedQuiet, 'path')} closed${result.flows ? ' that carried no recorded traffic' : ''}`,
    ),
    ...count(
      result.diff.workloadsAdded.length,
      `${plural(result.diff.workloadsAdded.length, 'workload')} added`,
    ),
    ...count(
      result.diff.workloadsRemoved.length,
      `${plural(result.diff.workloadsRemoved.length, 'workload')} removed`,
    ),
    ...count(belowGate, `${plural(belowGate, 'new finding')} below the gate`),
    ...count(result.resolved?.length ?? 0, `${plural(result.resolved?.length ?? 0, 'finding')} resolved`),
    ...count(existing, plural(existing, 'pre-existing finding')),
  ];
  return parts.length > 0 ? `${parts.join(', ')} (below).` : 'nothing else.';
}

/** `all 22 recorded flows still pass; 14 paths closed, none carried traffic`: a hardening change in one line. */
function passLine(result: CheckResult): string {
  const closed = result.summary.closed;
  const opened = result.summary.opened;
  const flows = result.flows;
  const replayed = flows?.records ?? 0;
  // Flows denied or dropped when recorded did not pass then either: "all still pass" would claim too much.
  const allPassed = !!flows && flows.stillDenied + flows.otherDrops + flows.deniedAtBase === 0;
  // A pass with broken flows needs review (see decisionBlock): here no recorded flow breaks.
  const flowsPart =
    !flows || replayed === 0
      ? []
      : allPassed
        ? [
            replayed === 1
              ? 'the 1 recorded flow still passes'
              : `all ${replayed.toLocaleString('en-US')} recorded flows still pass`,
          ]
        : [`no recorded flow that base allows is cut (${plural(replayed, 'flow record')} replayed)`];
  const closedPart =
    closed === 0
      ? []
      : [
          `${plural(closed, 'path')} closed${
            !flows ? ' (no flows given: whether they carried traffic is unknown)' : ', none carried traffic'
          }`,
        ];
  const parts = [
    ...flowsPart,
    ...closedPart,
    ...(opened > 0 ? [`${plural(opened, 'path')} opened, none risky`] : []),
  ];
  return parts.length > 0 ? parts.join('; ') : 'no reachability change';
}

/**
 * The decision: fail (`Blocked`), needs review, or pass, with what decides it and, unless it passes, the three lines
 * that say why, how to fix it and what else there is.
 */
export function decisionBlock(result: CheckResult, links: MarkdownLinks): string {
  const shown = triage(result);
  const gate = gateOf(result);
  const broken = result.flows?.broken ?? [];
  const caveat = unanalysedNote(result);
  if (result.verdict === 'fail') {
    const risks = (changes: readonly PathChange[]) =>
      [...new Set(changes.flatMap((change) => change.failsOn ?? []))].join(', ');
    const items = [
      ...(shown.flowsFail ? [flowsItem(broken, links, 'cuts')] : []),
      ...shown.gatingFindings.map((finding) => findingItem(finding, links)),
      ...pathItems(shown.gatingPaths, links, risks),
      ...gate.inputReasons.map((reason) => escapeMarkdown(reason, 200)),
    ];
    const evidence = changedFlowsItem(result, links);
    // A result made by hand may fail for reasons it has no structure for: they are named as they are.
    if (items.length === 0) items.push(...result.reasons.map((reason) => escapeMarkdown(reason, 200)));
    const why = [
      ...(shown.flowsFail ? ['traffic recorded on the cluster that base allows is denied at head'] : []),
      ...(shown.gatingFindings.length > 0
        ? [`${plural(shown.gatingFindings.length, 'new finding')} at or above ${gate.failOn} (\`fail-on\`)`]
        : []),
      ...(shown.gatingPaths.length > 0 ? ['opens paths with a risk `failOnRisks` fails on'] : []),
      ...(gate.inputReasons.length > 0 ? ['input that could not be analysed fails closed'] : []),
    ];
    return [
      `:x: **Blocked**: ${[named(items, 'reason'), ...evidence].join('; ')}${caveat}`,
      [
        `**Why it fails:** ${why.join('; ') || 'see the reasons above'}.`,
        `**How to fix:** ${howToFix(result, shown)}`,
        `**Also in this change:** ${alsoLine(result, shown, true)}`,
      ]
        .map((line) => `- ${line}`)
        .join('\n'),
    ].join('\n\n');
  }
  const accepted = result.flows?.acceptedCuts ?? [];
  const changedFlows = changedFlowsItem(result, links);
  // Audited flows (policy audit mode) base allows and head denies: nothing breaks yet, enforcement would cut them.
  const audited = (result.flows?.wouldBreakWhenEnforced ?? []).filter((flow) => flow.introduced);
  const review = [
    ...changedFlows,
    ...(accepted.length > 0 ? [flowsItem(accepted, links, 'accepts by `expect-cut` the cut of')] : []),
    ...(broken.length > 0 ? [flowsItem(broken, links, 'would cut')] : []),
    ...(audited.length > 0 ? [flowsItem(audited, links, 'once policies are enforced, would cut')] : []),
    ...pathItems(shown.reviewPaths, links, (changes, path) => describeRisks(risksOf(changes), path)),
    ...shown.acceptedFindings.map((finding) => findingItem(finding, links, 'accepts')),
    ...shown.reviewFindings.map((finding) => findingItem(finding, links)),
  ];
  if (review.length > 0) {
    return [
      `:warning: **Needs review**: ${named(review, 'item')}${caveat}`,
      [
        `**Why review:** the check passes, but this change ${[
          ...(broken.length > 0 ? ['cuts recorded traffic the gate does not fail on'] : []),
          ...(audited.length > 0
            ? ['denies traffic recorded in policy audit mode, which breaks once policies are enforced']
            : []),
          ...(shown.reviewPaths.length > 0
            ? ['opens paths a reviewer must judge (risks the gate does not fail on)']
            : []),
          ...(shown.acceptedFindings.length > 0 ? ['accepts findings by annotation'] : []),
          ...(shown.reviewFindings.length > 0 ? ['adds warnings below the gate (`fail-on`)'] : []),
          ...(changedFlows.length > 0 ? ['edits the recorded flows it is judged by'] : []),
          ...(accepted.length > 0 ? ['cuts recorded traffic its policies say they mean to cut'] : []),
        ].join(', ')}.`,
        `**How to settle it:** ${settleSteps(shown, { cutsTraffic: broken.length > 0, acceptsCuts: accepted.length > 0, flowsChanged: changedFlows.length > 0, cutsAudited: audited.length > 0 })}`,
        `**Also in this change:** ${alsoLine(result, shown, false)}`,
      ]
        .map((line) => `- ${line}`)
        .join('\n'),
    ].join('\n\n');
  }
  return `:white_check_mark: **Pass**: ${passLine(result)}${caveat}`;
}

function howToFix(result: CheckResult, shown: Triage): string {
  const fixes = fixItems(result).length;
  const [flow] = result.flows?.broken ?? [];
  const [finding] = shown.gatingFindings;
  const steps = [
    ...(fixes > 0
      ? [
          `apply the ${plural(fixes, 'suggested fix', 'suggested fixes')} below (each verified against head; on the diff they are review suggestions to commit)`,
        ]
      : []),
    ...(shown.flowsFail && flow
      ? [
          `if a cut is intended, say so on the policy that makes it: ${codeSpan(`netpol-guard.io/expect-cut: "${peerLabel(flow.from)} -> *"`, 200)}`,
        ]
      : []),
    ...(finding
      ? [
          `fix each finding at its line, or accept it there: ${codeSpan(`netpol-guard.io/ignore: "${finding.rule}: why it is intended"`, 200)}`,
        ]
      : []),
    ...(shown.gatingPaths.length > 0 ? ['narrow the rule that opens each risky path'] : []),
  ];
  return `${steps.join('; ') || 'see the reasons above'}.`;
}

/**
 * `replays flow files this pull request changed: flows/a.jsonl`: flows the pull request edited (`flows-from: head`)
 * can hide what it breaks, so the decision names them whatever the verdict.
 */
function changedFlowsItem(result: CheckResult, links: MarkdownLinks): string[] {
  const files = result.diagnostics
    .filter((d) => d.code === FLOWS_CHANGED && d.severity === 'warning' && d.file !== undefined)
    .map((d) => links.location(d.file));
  if (files.length === 0) return [];
  const more =
    files.length > MAX_DECIDING ? ` and ${(files.length - MAX_DECIDING).toLocaleString('en-US')} more` : '';
  return [
    `replays recorded flows this pull request changed: ${files.slice(0, MAX_DECIDING).join(', ')}${more}`,
  ];
}

/**
 * ` (1 policy of kinds not analysed)`: what the reachability above leaves out; and where Hubble's attribution of the
 * recorded flows contradicts the model at base (`model-cluster-mismatch`), that the verdict rests on a model the
 * cluster does not match there.
 */
function unanalysedNote(result: CheckResult): string {
  const count = result.diagnostics.filter(
    (d) => d.code === 'policy-kind-not-analysed' && d.severity === 'warning',
  ).length;
  const differ = result.flows?.modelClusterMismatches?.length ?? 0;
  const notes = [
    ...(count > 0 ? [`${plural(count, 'policy', 'policies')} of kinds not analysed`] : []),
    ...(differ > 0
      ? [
          `the cluster and the base manifests differ on ${plural(differ, 'recorded flow direction')}: see Diagnostics`,
        ]
      : []),
  ];
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}

/** What a reviewer does with each kind of item the headline names. */
function settleSteps(
  shown: Triage,
  {
    cutsTraffic,
    acceptsCuts,
    flowsChanged,
    cutsAudited,
  }: { cutsTraffic: boolean; acceptsCuts: boolean; flowsChanged: boolean; cutsAudited: boolean },
): string {
  const steps = [
    ...(cutsTraffic
      ? ['restore the traffic, or say on the policy that the cut is meant (`netpol-guard.io/expect-cut`)']
      : []),
    ...(cutsAudited
      ? ['allow the audited traffic before the policies are enforced, or confirm it is meant to be cut']
      : []),
    ...(shown.reviewPaths.length > 0
      ? [
          'narrow the paths if they are not meant, or approve; a path that must never open can fail the check with `fail-on-risks`',
        ]
      : []),
    ...(acceptsCuts ? ['confirm the cuts are intended: the policy that makes each names it'] : []),
    ...(shown.acceptedFindings.length > 0 ? ['check the reason given for each accepted finding'] : []),
    ...(shown.reviewFindings.length > 0
      ? [
          `fix each new warning at its line, or accept it there: ${codeSpan(`netpol-guard.io/ignore: "${shown.reviewFindings[0]!.rule}: why it is intended"`, 200)}`,
        ]
      : []),
    ...(flowsChanged
      ? ["check why the recorded flows changed; `flows-from: base` replays the base tree's"]
      : []),
  ];
  return `${steps.join('; ') || 'approve, or narrow what is not meant'}.`;
}

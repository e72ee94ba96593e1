import { loadConfig } from '../config/load.js';
import type { ResolvedConfig, SuppressionsFrom } from '../config/types.js';
import { annotateChanges } from '../diff/annotate.js';
import { causeGroups } from '../diff/causes.js';
import { DIFF_STAGE, diffConnectivity, emptyDiff } from '../diff/connectivity.js';
import { countPaths } from '../diff/peers.js';
import { peerLabel } from '../diff/peers.js';
import { mismatchDiagnostics } from '../replay/attribution.js';
import { REPLAY_STAGE, replayFlows, replaySide } from '../replay/replay.js';
import { readFlowsInBackground } from '../flows/background.js';
import type { FlowReadResult } from '../flows/read.js';
import type { FlowFormat } from '../flows/types.js';
import { ParseCache } from '../manifests/load.js';
import { createEngine, createEngineLike } from '../policy/engine.js';
import { hasFqdnRules } from '../policy/fqdn.js';
import type { PolicyEngine } from '../policy/types.js';
import { withRepresentatives } from '../policy/representatives.js';
import { manifestTextReader, withFindingFixes, withFlowFixes } from '../fix/attach.js';
import { observedFlows } from '../replay/observed.js';
import { namespaceReadiness, unusedRules } from '../replay/readiness.js';
import type { FixContext } from '../fix/suggest.js';
import type { SuggestedFix } from '../fix/types.js';
import type { Diagnostic, Severity } from '../manifests/types.js';
import type { ClusterModel } from '../model/types.js';
import { chooseCni, type Cni } from '../model/cni.js';
import { LINT_STAGE, runLint, suppressionKeys } from '../rules/run.js';
import type { Finding, LintResult } from '../rules/types.js';
import { checkDeadline, deadlineAfter, DeadlinePassed, untilDeadline, type Deadline } from '../deadline.js';
import {
  cniEvidence,
  loadSide,
  modelSide,
  nothingToAnalyse,
  type AnalysedSide,
  type LoadedSide,
} from './side.js';
import {
  baseOnlyDiagnostics,
  filesUnread,
  unreadFlowDiagnostics,
  l7CutDiagnostics,
  unreadInput,
  unreadInputReason,
} from './unread.js';
import { blocks, riskReasons } from './verdict.js';
import {
  acceptExpectedCuts,
  expectationKeys,
  readExpectedCuts,
  unhonouredExpectations,
} from './expected-cuts.js';
import type { AcceptedCut, CheckResult, FlowsResult } from './types.js';
import type { DiffResult } from '../diff/types.js';
import type { FailOn, RiskGate } from '../config/types.js';
import type { ReplayedFlow } from '../replay/types.js';
import { noun } from '../text/plural.js';

/** The file name findings carry when the manifests came from a render command (the Action's `render`, `--render`). */
export const RENDERED_NAME = 'render output';

/**
 * One side of the comparison. Either manifest files under `root` (paths relative to it or absolute; folders are
 * walked), or the YAML printed by a render command (`kustomize build`, `helm template`) named `name` in reports.
 */
export type ManifestSource =
  { root: string; paths: string[] } | { root: string; rendered: { name: string; text: string } };

export interface CheckOptions {
  base: ManifestSource;
  head: ManifestSource;
  /** Recorded flow files (Hubble, Calico, native; gzip accepted). */
  flows?: string[];
  /** Where the flow files' names in reports are relative to (the working directory unless given). */
  flowsRoot?: string;
  flowsFormat?: FlowFormat | 'auto';
  /** Path of the config file, relative to `configRoot`; undefined means `.netpol-guard.yaml` there when present. */
  configFile?: string;
  /** Where the config file is read from: the head root unless given (the Action's `config-from: base`). */
  configRoot?: string;
  /** Overrides the config's `failOn`. */
  failOn?: FailOn;
  /** Overrides the config's `failOnRisks`. */
  failOnRisks?: RiskGate[];
  /** Overrides the config's `failOnUnreadInput`. */
  failOnUnreadInput?: boolean;
  /** Overrides the config's `cni`. */
  cni?: Cni;
  /** Overrides the config's `suppressionsFrom`. */
  suppressionsFrom?: SuppressionsFrom;
  /** Input problems the caller found while choosing the files (a symbolic link not followed, a glob that matched nothing). */
  diagnostics?: Diagnostic[];
  /** Files the pull request changed, named as locations name them: fixes there become in-place suggestions. */
  changedFiles?: string[];
  /** Overrides the config's `limits.maxRunSeconds`. */
  maxRunSeconds?: number;
  /**
   * The caller's clock (milliseconds, as `Date.now`) for the run deadline, which starts once the config is read;
   * without one the analysis has no deadline.
   */
  clock?: () => number;
}

/** Runs lint at head, the reachability diff and the flow replay: the whole PR verdict. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const loaded = loadConfig(options.configFile, options.configRoot ?? options.head.root);
  const { diagnostics: configDiagnostics } = loaded;
  const config = options.cni === undefined ? loaded.config : { ...loaded.config, cni: options.cni };
  const deadline = options.clock
    ? deadlineAfter(options.maxRunSeconds ?? config.limits.maxRunSeconds, options.clock)
    : undefined;
  // The logs do not depend on the manifests until the replay: they are read while the manifest side is analysed.
  const stopReading = new AbortController();
  const flowsRead = options.flows?.length
    ? readFlowsInBackground(options.flows, {
        format: options.flowsFormat ?? 'auto',
        ...(options.flowsRoot ? { root: options.flowsRoot } : {}),
        maxLineBytes: config.limits.maxLineBytes,
        maxDocumentBytes: config.limits.maxDocumentBytes,
        maxSkippedSamples: config.limits.maxSkippedSamples,
        maxDistinctFlows: config.limits.maxDistinctFlows,
        maxDecompressedBytes: config.limits.maxDecompressedBytes,
        signal: deadline ? AbortSignal.any([stopReading.signal, deadline.signal]) : stopReading.signal,
      })
    : undefined;
  const done: StagesDone = { diagnostics: [...configDiagnostics, ...(options.diagnostics ?? [])] };
  try {
    return await checkWith(options, config, configDiagnostics, flowsRead, deadline, done);
  } catch (error) {
    if (!(error instanceof DeadlinePassed) || !deadline) throw error;
    return stoppedAtDeadline(error.stage, deadline.seconds, done);
  } finally {
    // After a failure, an unfinished read would keep the process alive; after success this does nothing.
    stopReading.abort();
  }
}

/** What the stages have made so far: a run stopped at its deadline reports it. */
interface StagesDone {
  /** The config's and the caller's diagnostics, then each stage's. */
  diagnostics: Diagnostic[];
  findings?: Finding[];
  /** The diff as reported (cut at maxReportedChanges) and its path counts. */
  diff?: { listed: DiffResult; opened: number; closed: number };
}

/** The stages in their order, as a run stopped before one names it and those after it. */
const STAGES = [
  'reading the manifests',
  LINT_STAGE,
  DIFF_STAGE,
  'explaining the changes',
  REPLAY_STAGE,
] as const;
type Stage = (typeof STAGES)[number];

async function checkWith(
  options: CheckOptions,
  config: ResolvedConfig,
  configDiagnostics: Diagnostic[],
  flowsRead: Promise<FlowReadResult> | undefined,
  deadline: Deadline | undefined,
  done: StagesDone,
): Promise<CheckResult> {
  const checkpoint = (next: Stage) => checkDeadline(deadline, next);
  checkpoint('reading the manifests');
  const { base, head, changedManifests } = await analyseSides(options, config);
  done.diagnostics.push(...head.diagnostics, ...baseOnlyDiagnostics(base.diagnostics, head.diagnostics));

  checkpoint(LINT_STAGE);
  const fixes = fixSetup(options, head, config);
  const suppressionsFrom = options.suppressionsFrom ?? config.suppressionsFrom;
  // Under `suppressionsFrom: base` only the base's annotations silence head's findings: a pull request cannot
  // silence what it introduces. A base that could not be read honours none of its files' (fail closed).
  const headLint = lintSide(
    head,
    config,
    deadline,
    suppressionsFrom === 'base' ? suppressionKeys(base.model) : undefined,
  );
  const headFindings = headLint.findings;
  const baseFindings = lintSide(base, config, deadline).findings;
  const findings = withFindingFixes(
    markIntroduced(headFindings, baseFindings, filesUnread(base)),
    fixes.context,
    fixes.changedFiles,
    fixes.diagnostics,
  );
  fixes.offered = findings.flatMap((finding) => (finding.fix ? [finding.fix] : []));
  done.findings = findings;
  // What the lint run raised itself counts like input: a rule that failed at head leaves head unchecked.
  done.diagnostics.push(...headLint.raised);

  checkpoint(DIFF_STAGE);
  const {
    diff,
    opened,
    closed,
    diagnostics: cutDiagnostics,
    openedCut,
    diffedHead,
  } = diffSides(base, head, config, deadline);
  done.diff = { listed: diff, opened, closed };
  done.diagnostics.push(...cutDiagnostics);

  checkpoint(REPLAY_STAGE);
  const read = flowsRead ? await untilDeadline(flowsRead, deadline, REPLAY_STAGE) : undefined;
  checkpoint(REPLAY_STAGE);
  const expectations = { diagnostics: [] as Diagnostic[] };
  const expected = readExpectedCuts(head.model, expectations.diagnostics);
  // Like suppressions: under `suppressionsFrom: base` a pull request cannot accept the cuts it makes itself.
  const honoured = suppressionsFrom === 'base' ? expectationKeys(readExpectedCuts(base.model)) : undefined;
  if (honoured) expectations.diagnostics.push(...unhonouredExpectations(expected, honoured));
  const flows = read
    ? replay(read, config, base, head, diffedHead, fixes, deadline, (broken) =>
        acceptExpectedCuts(broken, expected, honoured),
      )
    : undefined;

  const inputDiagnostics = [
    ...configDiagnostics,
    ...(options.diagnostics ?? []),
    ...head.diagnostics,
    ...headLint.raised,
    ...expectations.diagnostics,
    ...(read ? unreadFlowDiagnostics(read) : []),
  ];
  const failOn = options.failOn ?? config.failOn;
  const active = findings.filter((f) => !f.suppressed);
  const blocking = active.filter((f) => f.introduced && blocks(f, failOn));
  const reasons: string[] = [];
  // Whatever the settings: a comparison with a side that yielded nothing at all compared nothing.
  for (const [name, side] of [
    ['head', head],
    ['base', base],
  ] as const) {
    if (nothingToAnalyse(side))
      reasons.push(`nothing could be analysed at ${name}: its input could not be read`);
  }
  const unreadReason = unreadInputReason(unreadInput(inputDiagnostics));
  if (unreadReason && (options.failOnUnreadInput ?? config.failOnUnreadInput)) reasons.push(unreadReason);
  // What was not looked at cannot pass: opened changes past the cut were not judged, flows past the cut not replayed.
  if (openedCut > 0) {
    reasons.push(`${openedCut} opened connection changes past limit maxReportedChanges were not reviewed`);
  }
  if (flows?.cut) {
    reasons.push(
      `${flows.cut} flow ${noun(flows.cut, 'record')} past limit maxDistinctFlows were not replayed`,
    );
  }
  const inputReasons = [...reasons];
  if (flows && config.failOnBrokenFlows && flows.broken.length > 0) {
    reasons.push(`${flows.broken.length} live ${noun(flows.broken.length, 'flow')} would break`);
  }
  if (blocking.length > 0) {
    reasons.push(`${blocking.length} new ${noun(blocking.length, 'finding')} at or above ${failOn}`);
  }
  reasons.push(...riskReasons(diff.opened, options.failOnRisks ?? config.failOnRisks));
  // Folded as the reports show them, gates marked: the JSON's rows of one cause with their members.
  diff.groups = { opened: causeGroups(diff.opened), closed: causeGroups(diff.closed) };
  const count = (severity: Severity) => active.filter((f) => f.severity === severity).length;
  return {
    verdict: reasons.length > 0 ? 'fail' : 'pass',
    reasons,
    findings,
    resolved: resolvedFindings(headFindings, baseFindings, filesUnread(head)),
    diff,
    ...(flows ? { flows } : {}),
    diagnostics: [
      ...inputDiagnostics,
      ...baseOnlyDiagnostics(base.diagnostics, head.diagnostics),
      ...cutDiagnostics,
      ...flowCutDiagnostics(flows, config),
      ...(read ? l7CutDiagnostics(read) : []),
      ...clusterMismatchDiagnostics(flows),
      ...fixes.diagnostics,
    ],
    summary: {
      brokenFlows: flows?.broken.length ?? 0,
      opened,
      closed,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
    ...(changedManifests ? { changedManifests } : {}),
    gate: { failOn, failOnBrokenFlows: config.failOnBrokenFlows, inputReasons },
  };
}

/**
 * Both sides loaded and modelled for one CNI, and the changed manifests when the options name changed files. What
 * was read to build them (documents, source trees, the parse cache) is not kept past this: the models hold what the
 * later stages ask.
 */
async function analyseSides(
  options: CheckOptions,
  config: ResolvedConfig,
): Promise<{ base: AnalysedSide; head: AnalysedSide; changedManifests?: string[] }> {
  const parseCache = new ParseCache();
  const [baseRead, headRead] = await Promise.all([
    loadSide(options.base, config, parseCache),
    loadSide(options.head, config, parseCache),
  ]);
  // One CNI for both sides, from the policies of either: a pull request adding the first Cilium policy must not
  // compare a generic base with a Cilium head. Head's objects first, so the diagnostic cites head where it can.
  const { cni, diagnostic: cniAssumed } = chooseCni(config.cni, [
    ...cniEvidence(headRead),
    ...cniEvidence(baseRead).map((seen) => ({ ...seen, side: 'base' as const })),
  ]);
  const base = modelSide(baseRead, config, cni);
  return {
    head: modelSide(headRead, config, cni, cniAssumed, base.engine),
    base,
    ...(options.changedFiles ? { changedManifests: changedManifests(options, [baseRead, headRead]) } : {}),
  };
}

/**
 * The diff of the two sides (paths to pods the trees do not show compared through representatives of both sides'
 * peers), cut at maxReportedChanges and explained, with head's model as diffed (with its representatives). The
 * engines and the uncut diff are not kept past this.
 */
function diffSides(
  base: AnalysedSide,
  head: AnalysedSide,
  config: ResolvedConfig,
  deadline: Deadline | undefined,
): ReturnType<typeof cutChanges> & { opened: number; closed: number; diffedHead: ClusterModel } {
  const represented = (side: AnalysedSide, other: AnalysedSide) => {
    const model = withRepresentatives(side.model, other.model);
    // The representatives come after the side's workloads: their engine shares the side's groups.
    return model === side.model ? side.engine : createEngineLike(side.engine, model);
  };
  const reach = { base: represented(base, head), head: represented(head, base) };
  const fullDiff = diffConnectivity(reach.base, reach.head, undefined, deadline);
  // Cut before the changes are explained: explaining is the costly part, and every report must still be written.
  const cut = cutChanges(fullDiff, config.limits.maxReportedChanges);
  checkDeadline(deadline, 'explaining the changes');
  annotateChanges(cut.diff, reach.base, reach.head);
  return {
    ...cut,
    opened: countPaths(fullDiff.opened),
    closed: countPaths(fullDiff.closed),
    diffedHead: reach.head.model,
  };
}

/**
 * The changed files that hold an object of either side: what tells a pull request that touches policies or workloads
 * from one that does not (a README, a flow file). Rendered manifests come from files the render reads, which are not
 * known: the render output counts as changed when base and head rendered differently.
 */
function changedManifests(options: CheckOptions, sides: readonly LoadedSide[]): string[] {
  const rendered = (source: ManifestSource) => ('rendered' in source ? source.rendered : undefined);
  const renders = [rendered(options.base), rendered(options.head)];
  if (renders.some((render) => render !== undefined)) {
    const [base, head] = renders;
    return base?.text === head?.text ? [] : [head?.name ?? base?.name ?? RENDERED_NAME];
  }
  const files = new Set(sides.flatMap((side) => cniEvidence(side).map((seen) => seen.file)));
  return [...new Set(options.changedFiles ?? [])].filter((file) => files.has(file)).sort();
}

/**
 * The result of a run stopped at its deadline: what the stages before `stage` found, and an error naming the
 * stages not done. It fails: what was not analysed cannot pass.
 */
function stoppedAtDeadline(stage: string, seconds: number, done: StagesDone): CheckResult {
  const stopped = Math.max(0, STAGES.indexOf(stage as Stage));
  const doneStages = STAGES.slice(0, stopped);
  const findings = done.findings ?? [];
  const diff = done.diff ?? { listed: emptyDiff(), opened: 0, closed: 0 };
  const active = findings.filter((f) => !f.suppressed);
  const count = (severity: Severity) => active.filter((f) => f.severity === severity).length;
  return {
    verdict: 'fail',
    reasons: [`the analysis passed limit maxRunSeconds (${seconds} s) and stopped before ${stage}`],
    findings,
    diff: diff.listed,
    diagnostics: [
      ...done.diagnostics,
      {
        severity: 'error',
        code: 'limit',
        message:
          `the analysis ran past its deadline of ${seconds} seconds (limit maxRunSeconds) and stopped; not done: ` +
          `${STAGES.slice(stopped).join(', ')}` +
          (doneStages.length > 0 ? `; reported from the stages done: ${doneStages.join(', ')}` : ''),
      },
    ],
    summary: {
      brokenFlows: 0,
      opened: diff.opened,
      closed: diff.closed,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
  };
}

/**
 * Keeps the first `max` changes of each kind (they are sorted by path) and says, in a diagnostic, how many were
 * left out: a policy with a thousand ipBlocks closes a path to every gap between them, for every pod it selects.
 */
function cutChanges(
  diff: DiffResult,
  max: number,
): { diff: DiffResult; diagnostics: Diagnostic[]; openedCut: number } {
  const diagnostics: Diagnostic[] = [];
  const cut = <T>(changes: T[], label: string) => {
    if (changes.length <= max) return { list: changes, left: 0 };
    diagnostics.push({
      severity: 'warning',
      code: 'limit',
      message:
        `${changes.length} ${label} connection changes, more than limit maxReportedChanges (${max}): ` +
        `the first ${max} are listed, ${changes.length - max} are left out; the path counts cover them all`,
    });
    return { list: changes.slice(0, max), left: changes.length - max };
  };
  const opened = cut(diff.opened, 'opened');
  return {
    diff: {
      ...diff,
      opened: opened.list,
      closed: cut(diff.closed, 'closed').list,
      ...(diff.l7Changed ? { l7Changed: cut(diff.l7Changed, 'L7-filter').list } : {}),
      newConnections: cut(diff.newConnections, 'new').list,
      goneConnections: cut(diff.goneConnections, 'gone').list,
    },
    diagnostics,
    openedCut: opened.left,
  };
}

function flowCutDiagnostics(flows: FlowsResult | undefined, config: ResolvedConfig): Diagnostic[] {
  if (!flows?.cut) return [];
  return [
    {
      severity: 'error',
      code: 'limit',
      message:
        `the flow logs hold more than limit maxDistinctFlows (${config.limits.maxDistinctFlows}) distinct ` +
        `connections: ${flows.cut} ${noun(flows.cut, 'record')} of further ones were not replayed`,
    },
  ];
}

function lintSide(
  side: AnalysedSide,
  config: ResolvedConfig,
  deadline: Deadline | undefined,
  honouredSuppressions?: ReadonlySet<string>,
): LintResult {
  return runLint(
    {
      model: side.model,
      engine: side.engine,
      diagnostics: side.diagnostics,
      ...(honouredSuppressions ? { honouredSuppressions } : {}),
      ...(deadline ? { deadline } : {}),
    },
    config,
  );
}

/**
 * Marks the head findings this change introduces. Findings are compared per rule and resource, not by line or
 * message: edits move lines, and a message that merely reflects new state (which directions lack a default deny)
 * is not a new problem. Where head has more findings of a rule on a resource than base, the ones whose message
 * base did not have are the new ones. A finding in a file base could not read is not called new: base's version is
 * unknown (its diagnostics are reported), and a broken base must not make everything in it look introduced.
 */
function markIntroduced(
  headFindings: Finding[],
  baseFindings: Finding[],
  unreadAtBase: ReadonlySet<string>,
): Finding[] {
  const group = (f: Finding) =>
    [f.rule, f.resource.kind, f.resource.namespace ?? '', f.resource.name].join('\u0000');
  const before = new Map<string, Finding[]>();
  for (const f of baseFindings) before.set(group(f), [...(before.get(group(f)) ?? []), f]);
  const headCounts = new Map<string, number>();
  for (const f of headFindings) headCounts.set(group(f), (headCounts.get(group(f)) ?? 0) + 1);
  return headFindings.map((f) => {
    const baseGroup = before.get(group(f)) ?? [];
    const grew = (headCounts.get(group(f)) ?? 0) > baseGroup.length;
    const unknown = f.file !== undefined && unreadAtBase.has(f.file);
    return { ...f, introduced: !unknown && grew && !baseGroup.some((b) => b.message === f.message) };
  });
}

/**
 * The base findings this change fixes: by the same comparison as {@link markIntroduced}, the other way round (the
 * findings base has that head does not). Suppressed ones are left out: they were not counted against the PR either.
 */
function resolvedFindings(
  headFindings: Finding[],
  baseFindings: Finding[],
  unreadAtHead: ReadonlySet<string>,
): Finding[] {
  return markIntroduced(baseFindings, headFindings, unreadAtHead)
    .filter((f) => f.introduced && !f.suppressed)
    .map(({ introduced: _introduced, ...finding }) => finding);
}

/** The `model-cluster-mismatch` warnings: where the cluster's attribution of recorded flows contradicts base. */
function clusterMismatchDiagnostics(flows: FlowsResult | undefined): Diagnostic[] {
  return mismatchDiagnostics(
    (flows?.modelClusterMismatches ?? []).map((mismatch) => ({
      label: `${peerLabel(mismatch.from)} -> ${peerLabel(mismatch.to)} ${mismatch.protocol}/${mismatch.port}`,
      text: mismatch.explanation,
      model: mismatch.model,
    })),
  );
}

/** What suggesting fixes at head needs, and where the suggestions that did not verify are reported. */
interface FixSetup {
  context: FixContext;
  changedFiles: ReadonlySet<string>;
  diagnostics: Diagnostic[];
  /** The findings' fixes, which broken flows reuse when one restores them. */
  offered: SuggestedFix[];
}

function fixSetup(options: CheckOptions, head: AnalysedSide, config: ResolvedConfig): FixSetup {
  return {
    context: { model: head.model, engine: head.engine, config, readText: manifestTextReader(options.head) },
    changedFiles: new Set(options.changedFiles ?? []),
    diagnostics: [],
    offered: [],
  };
}

function replay(
  read: FlowReadResult,
  config: ResolvedConfig,
  base: AnalysedSide,
  head: AnalysedSide,
  diffed: ClusterModel,
  fixes: FixSetup,
  deadline: Deadline | undefined,
  accept: (broken: ReplayedFlow[]) => { broken: ReplayedFlow[]; accepted: AcceptedCut[] },
): FlowsResult {
  const cidrs = { podCidrs: config.cluster.podCidrs, serviceCidrs: config.cluster.serviceCidrs };
  // toFQDNs allows what DNS answered: the replay's engines are given the answers the flows hold.
  const dns = new Map((read.l7?.dnsAnswers ?? []).map(({ name, addresses }) => [name, addresses]));
  const engineOf = (s: AnalysedSide) =>
    dns.size > 0 && hasFqdnRules(s.model) ? createEngine(s.model, { dns }) : s.engine;
  const engines = { base: engineOf(base), head: engineOf(head) };
  const side = (s: AnalysedSide, engine: PolicyEngine) => replaySide(s.model, engine, cidrs);
  const headSide = side(head, engines.head);
  // The diff's pods outside the tree and DNS names, so a broken flow to such a pod, or to an address DNS answered
  // for such a name, is known to be on the path the diff closed.
  const representatives = diffed.workloads.filter((workload) => workload.represents || workload.dnsName);
  const outcome = replayFlows(
    read.flows,
    side(base, engines.base),
    { ...headSide, representatives, dns },
    deadline,
    read.l7,
  );
  const observed = observedFlows(read.flows, headSide.match, engines.head);
  const { broken, accepted } = accept(outcome.broken);
  return {
    records: read.stats.records,
    ...(read.stats.cut ? { cut: read.stats.cut } : {}),
    skipped: read.stats.skipped,
    skippedSamples: read.stats.skippedSamples,
    ...(read.window ? { window: read.window } : {}),
    ...outcome,
    ...(accepted.length > 0 ? { acceptedCuts: accepted } : {}),
    broken: withFlowFixes(
      broken,
      observed,
      dns.size > 0 && hasFqdnRules(head.model) ? { ...fixes.context, dns } : fixes.context,
      fixes.changedFiles,
      fixes.diagnostics,
      fixes.offered,
    ),
    readiness: namespaceReadiness(observed, head.model),
    unusedRules: unusedRules(observed, engines.head, head.model),
  };
}

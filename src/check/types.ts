import type { FailOn } from '../config/types.js';
import type { DiffResult } from '../diff/types.js';
import type { BrokenFlow } from '../fix/types.js';
import type { Diagnostic, SourceLocation } from '../manifests/types.js';
import type { NamespaceReadiness, ReplayedFlow, ReplayOutcome, UnusedRule } from '../replay/types.js';
import type { Finding } from '../rules/types.js';

export type Verdict = 'pass' | 'fail';

/** The `flows` part of the check result: what was read, the replay's outcome, and what the fix stage adds. */
export interface FlowsResult extends ReplayOutcome {
  records: number;
  /** Records of connections past limit maxDistinctFlows: read but not replayed. */
  cut?: number;
  skipped: number;
  skippedSamples: { file: string; line: number; reason: string }[];
  window?: { firstSeen: string; lastSeen: string };
  /** Broken flows, each with the rule that restores exactly its traffic when one verifies (`docs/fixes.md`). */
  broken: BrokenFlow[];
  /** Per namespace with recorded traffic: could it take a default deny without cutting it (`docs/fixes.md`). */
  readiness?: NamespaceReadiness[];
  /** Allow rules no recorded flow used in the window: candidates to narrow (never failing). */
  unusedRules?: UnusedRule[];
  /** Broken flows a head policy expects to cut (`netpol-guard.io/expect-cut`): accepted, not failing. */
  acceptedCuts?: AcceptedCut[];
}

/** A broken flow a head policy says it means to cut (`netpol-guard.io/expect-cut`): reported, not failing. */
export interface AcceptedCut extends ReplayedFlow {
  acceptedBy: { policy: string; entry: string; location: SourceLocation };
}

/** The JSON contract of `check` (README "check JSON"). */
export interface CheckResult {
  verdict: Verdict;
  /** Short reasons for the verdict, e.g. "2 live flows would break". */
  reasons: string[];
  findings: Finding[];
  /** Base findings this pull request fixes: head no longer has them. */
  resolved?: Finding[];
  diff: DiffResult;
  flows?: FlowsResult;
  diagnostics: Diagnostic[];
  summary: {
    brokenFlows: number;
    opened: number;
    closed: number;
    errors: number;
    warnings: number;
    infos: number;
  };
  /**
   * The files the pull request changed (`changedFiles` of the check) that hold an object the analysis reads (a policy,
   * a workload, a namespace, a Service...) at base or head, sorted; with rendered manifests, the render output's name
   * when base and head rendered differently. Absent when the caller gave no changed files.
   */
  changedManifests?: string[];
  /**
   * What the verdict was judged by, so a report can tell what fails the check from what is there to review. Absent
   * in results made by hand: reports then take every broken flow and every new error as failing.
   */
  gate?: CheckGate;
}

export interface CheckGate {
  failOn: FailOn;
  failOnBrokenFlows: boolean;
  /** The reasons about the input rather than the change (nothing readable, input not read, limits cut). */
  inputReasons: string[];
}

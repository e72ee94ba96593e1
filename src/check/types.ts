import type { Diagnostic, SourceLocation } from '../manifests/types.js';
import type { Protocol } from '../model/types.js';
import type { Decision, Peer, PortRange } from '../policy/types.js';
import type { Finding } from '../rules/types.js';
import type { NamespaceReadiness, SuggestedFix, UnusedRule } from '../fix/types.js';

export type Verdict = 'pass' | 'fail';
export type FailOn = 'error' | 'warning' | 'never';

/** Why a path is risky when it opens. */
export type Risk = 'cross-namespace' | 'any-namespace' | 'internet' | 'metadata-endpoint';

/**
 * A risk the verdict can fail on (`failOnRisks`): a {@link Risk}, with the internet split by direction (a path
 * opened from it, or towards it).
 */
export type RiskGate =
  'internet-ingress' | 'internet-egress' | 'metadata-endpoint' | 'any-namespace' | 'cross-namespace';
export const RISK_GATES: readonly RiskGate[] = [
  'internet-ingress',
  'internet-egress',
  'metadata-endpoint',
  'any-namespace',
  'cross-namespace',
];

export interface PathChange {
  from: Peer;
  to: Peer;
  protocol: Protocol;
  ports: PortRange[];
  risk?: Risk[];
  /** Opened paths: the risks among `failOnRisks` this path has, which fail the verdict. */
  failsOn?: RiskGate[];
  /** For closed paths: why the head side denies it, with file:line. */
  explanation?: string;
  location?: SourceLocation;
  /** Opened and closed paths: who decided the side the change is on, at base and at head. */
  decidedBy?: DecidedBy;
}

/** The rule, policy and tier that decided a change's side on each side of the comparison (`Decision`). */
export interface DecidedBy {
  /** Absent when base does not know an end (a flow from a pod head adds). */
  base?: Decision;
  head: Decision;
}

export interface DiffResult {
  opened: PathChange[];
  closed: PathChange[];
  workloadsAdded: Peer[];
  workloadsRemoved: Peer[];
  /** Connections of added / removed workloads (new / gone, not opened / closed). */
  newConnections: PathChange[];
  goneConnections: PathChange[];
}

/** A flow endpoint outside the model is `{ip}` (or a description when it has no IP). */
export type FlowPeer = Peer | { ip: string } | { unmatched: string };

export interface ReplayedFlow {
  from: FlowPeer;
  to: FlowPeer;
  protocol: Protocol;
  port: number;
  count: number;
  firstSeen?: string;
  lastSeen?: string;
  explanation?: string;
  /** The policy line that explains a denial (for annotations and SARIF). */
  location?: SourceLocation;
  /** Broken and would-break flows: who decided the side head denies, at base and at head. */
  decidedBy?: DecidedBy;
  /** Broken flows: the rule that restores exactly this traffic, verified against head (`docs/fixes.md`). */
  fix?: SuggestedFix;
}

export interface FlowsResult {
  records: number;
  /** Records of connections past limit maxDistinctFlows: read but not replayed. */
  cut?: number;
  skipped: number;
  skippedSamples: { file: string; line: number; reason: string }[];
  window?: { firstSeen: string; lastSeen: string };
  broken: ReplayedFlow[];
  newlyAllowed: ReplayedFlow[];
  stillDenied: number;
  /**
   * Flows Hubble recorded as `AUDIT` (passed under policy audit mode, the policy in force would deny) that head
   * denies too: they break once the policies are enforced. Reported, not failing: nothing breaks while in audit.
   */
  wouldBreakWhenEnforced: ReplayedFlow[];
  unmatched: (ReplayedFlow & { reason: string })[];
  /** Connections dropped for reasons other than policy (kept out of the verdict). */
  otherDrops: number;
  /** Flows that passed when recorded but that base denies too: the recording and the base manifests disagree. */
  deniedAtBase: number;
  /** Per namespace with recorded traffic: could it take a default deny without cutting it (`docs/fixes.md`). */
  readiness?: NamespaceReadiness[];
  /** Allow rules no recorded flow used in the window: candidates to narrow (never failing). */
  unusedRules?: UnusedRule[];
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
}

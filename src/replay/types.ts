import type { SourceLocation } from '../manifests/types.js';
import type { Protocol } from '../model/types.js';
import type { Decision, Direction, Peer, WorkloadPeer } from '../policy/types.js';
import type { DecidedBy } from '../diff/types.js';
import type { RecordedAttribution } from '../flows/types.js';

/** The flow replay's results: recorded flows judged against base and head (README "check JSON", `flows`). */

/** A flow endpoint outside the model is `{ip}` (or a description when it has no IP). */
export type FlowPeer = Peer | { ip: string } | { unmatched: string };

export interface ReplayedFlow {
  from: FlowPeer;
  to: FlowPeer;
  protocol: Protocol;
  port: number;
  /**
   * Set for a request an L7 proxy recorded (Hubble L7): `GET /api/v1/pay`, `DNS api.github.com`. The flow is that
   * request, judged against the L7 rules of the connection it went over (`count` counts requests).
   */
  request?: string;
  count: number;
  firstSeen?: string;
  lastSeen?: string;
  explanation?: string;
  /** The policy line that explains a denial (for annotations and SARIF). */
  location?: SourceLocation;
  /** Broken and would-break flows: who decided the side head denies, at base and at head. */
  decidedBy?: DecidedBy;
  /** Broken and would-break flows: the policies the cluster said decided it when recorded (Hubble attribution). */
  recordedBy?: RecordedAttribution[];
  /**
   * Broken and would-break flows with an end the tree does not show: the representative peers it is among (pods
   * matching a selector in a namespace the repository does not hold), so the diff's closed path to one of them is
   * known to have carried this flow.
   */
  representedBy?: { from?: WorkloadPeer[]; to?: WorkloadPeer[] };
  /**
   * Would-break flows base allows: this change denies them, so enforcement would cut them because of it (a passing
   * check needs review). Absent for those base denies too, which the change leaves as they were.
   */
  introduced?: true;
}

/**
 * One direction of a recorded flow where the cluster's attribution and the model at base differ (see
 * `attributionMismatch`): a `model-cluster-mismatch` warning.
 */
export interface ModelClusterMismatch extends ReplayedFlow {
  /** What the cluster recorded for that direction. */
  recorded: RecordedAttribution;
  /** What decides that direction at base. */
  model: Decision;
  /** The two said side by side. */
  explanation: string;
}

/** What the replay finds: flows head would break, newly allows or cannot place, and what it leaves out. */
export interface ReplayOutcome {
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
  /** Directions of recorded flows whose Hubble attribution the model at base contradicts; absent when none. */
  modelClusterMismatches?: ModelClusterMismatch[];
}

/** An observed connection that keeps a namespace from taking a default deny, and which of its ends lack an allow. */
export interface BlockingFlow {
  from: FlowPeer;
  to: FlowPeer;
  protocol: Protocol;
  port: number;
  count: number;
  /** `egress` when the source's side lacks an explicit allow, `ingress` for the destination's. */
  uncovered: Direction[];
}

/**
 * Whether a namespace can take a default deny without cutting recorded traffic: every observed connection of its
 * workloads is `covered` when each of its ends in the namespace is explicitly allowed by a rule of a policy that
 * selects it, not merely let through because nothing isolates the pod.
 */
export interface NamespaceReadiness {
  namespace: string;
  /** Distinct connections (source, destination, protocol, port) into or out of the namespace that passed. */
  observed: number;
  covered: number;
  ready: boolean;
  blocking: BlockingFlow[];
}

/** An allow rule that no recorded flow used in the window: a candidate to narrow or remove. */
export interface UnusedRule {
  policy: string;
  direction: Direction;
  /** Index in `spec.ingress` / `spec.egress`. */
  index: number;
  file: string;
  line: number;
}

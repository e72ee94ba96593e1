import type { RiskGate } from '../config/types.js';
import type { SourceLocation } from '../manifests/types.js';
import type { Protocol } from '../model/types.js';
import type { Decision, Peer, PortRange } from '../policy/types.js';

/** The reachability diff's results: what a change opens and closes, each with why (README "check JSON"). */

/** Why a path is risky when it opens. */
export type Risk = 'cross-namespace' | 'any-namespace' | 'internet' | 'metadata-endpoint';

export interface PathChange {
  from: Peer;
  to: Peer;
  protocol: Protocol;
  ports: PortRange[];
  /**
   * Named ports opened or closed towards a representative peer, besides `ports` (which may then be empty): the
   * number a name means is resolved on the pod, which the tree does not hold (issue 17 item 6).
   */
  namedPorts?: string[];
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

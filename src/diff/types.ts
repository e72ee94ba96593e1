import type { RiskGate } from '../config/types.js';
import type { SourceLocation } from '../manifests/types.js';
import type { Protocol } from '../model/types.js';
import type { Decision, L7Filter, Peer, PortRange } from '../policy/types.js';

/** The reachability diff's results: what a change opens and closes, each with why (README "check JSON"). */

/** Why a path is risky when it opens. */
export type Risk = 'cross-namespace' | 'any-namespace' | 'internet' | 'metadata-endpoint' | 'node-entity';

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

/**
 * Ports allowed at base and at head between the same workloads whose L7 filter differs (Cilium `toPorts[].rules`,
 * issue 18): a path that becomes filtered, stops being filtered, or is filtered by other rules.
 */
export interface L7Change {
  from: Peer;
  to: Peer;
  protocol: Protocol;
  ports: PortRange[];
  /** The filter at base; absent: every request passed. */
  base?: L7Filter;
  /** The filter at head; absent: every request passes. */
  head?: L7Filter;
  /** What changed, in a few words: `now L7-filtered: only GET /api/.*`. */
  change: string;
  /** What the change does to the requests that pass, its risk (`l7Effect` in `l7.ts`). */
  effect: L7Effect;
  /**
   * Where the change is written at head: the rule head filters by that base did not, or, for a filter that is gone,
   * the rule that admits the port at head. Set by `check` (`annotateChanges`), for annotations and SARIF.
   */
  location?: SourceLocation;
}

/**
 * How an L7 change moves what passes: `applied` (filtered at head only), `narrowed` (a side starts filtering or loses
 * a rule), `changed` (rules lost and others gained), `widened` (a side stops filtering or gains a rule), `removed`
 * (no longer filtered). The first three may refuse a request base let through.
 */
export type L7Effect = 'applied' | 'narrowed' | 'changed' | 'widened' | 'removed';

/**
 * The rule's peer that decided a change (issue 17 item 13): what reports name a row of many paths by ("any pod in any
 * namespace") instead of listing every source.
 */
export interface PathCause {
  /** The end of the path the peer names: the source for an ingress rule, the destination for an egress rule. */
  folds: 'from' | 'to';
  /** The pods or addresses the peer names, in words: `any pod in any namespace`, `any pod in namespaces matching team=a`. */
  peers: string;
  /** For a NetworkPolicy, the peer item as written on one line: `namespaceSelector: {}`. */
  written?: string;
  /** The decision whose rule and peer it is: head's for an opened path, base's for a closed one. */
  decision: Decision;
  side: 'base' | 'head';
}

/**
 * Paths of one cause, which reports show as one row with the paths' differing end folded (`members`, one per path):
 * the rule's peer when one decided them all, else changes that read alike but for that end.
 */
export interface CauseGroup {
  /** Set when a rule's peer decided every path of the group (see {@link PathCause}). */
  peers?: string;
  written?: string;
  decision?: Decision;
  folds: 'from' | 'to';
  /** The end the paths share: `to` when the sources are folded, `from` when the destinations are. */
  from?: Peer;
  to?: Peer;
  /** How many paths the group folds: one per member. */
  paths: number;
  /** The first path's protocols and ports; every member's are the same. */
  ports: { protocol: Protocol; ports: PortRange[]; namedPorts?: string[] }[];
  /** Every risk of its paths; gating stays per path (`failsOn` of each change in `opened`). */
  risk?: Risk[];
  failsOn?: RiskGate[];
  location?: SourceLocation;
  members: Peer[];
}

export interface DiffResult {
  opened: PathChange[];
  closed: PathChange[];
  /** Absent or empty when no L7 filter changed. */
  l7Changed?: L7Change[];
  workloadsAdded: Peer[];
  workloadsRemoved: Peer[];
  /** Connections of added / removed workloads (new / gone, not opened / closed). */
  newConnections: PathChange[];
  goneConnections: PathChange[];
  /** The opened and closed paths folded by cause, as reports show them (set by `check`). */
  groups?: { opened: CauseGroup[]; closed: CauseGroup[] };
}

import type { FlowPeer } from '../check/types.js';
import type { Protocol } from '../model/types.js';
import type { Direction } from '../policy/types.js';

/**
 * One rule to add to one policy, verified before it is offered: the patched policy was re-parsed, is valid
 * against the schema, and allows the traffic it is for. The JSON contract of `fix` on broken flows and findings.
 */
export interface RulePatch {
  /** The policy's file, as locations name it (relative to the head root). */
  file: string;
  /** First line of the file the patch replaces (1-based). */
  line: number;
  /** Last line it replaces. A patch that only inserts lines replaces the line before them, repeated first. */
  endLine: number;
  /** `namespace/name` of the policy. */
  policy: string;
  direction: Direction;
  /** The rule to add, as a YAML sequence item for `spec.ingress` / `spec.egress`. */
  yaml: string;
  /** What lines `line..endLine` become: a GitHub suggestion, a SARIF replacement. */
  replacement: string;
  /** The whole policy document after the patch. */
  patchedPolicyYaml?: string;
  /** Set when the file is among the pull request's changed files: the PR comment can suggest the change in place. */
  inChangedFile?: boolean;
}

/** A suggested fix: one patch, or two when both ends deny (`alsoNeeded` is the other end's, needed as well). */
export interface SuggestedFix extends RulePatch {
  alsoNeeded?: RulePatch;
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

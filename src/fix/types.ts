import type { PolicyRef } from '../model/types.js';
import type { Direction } from '../policy/types.js';
import type { ReplayedFlow } from '../replay/types.js';

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
  /** The policy the rule goes into (a NetworkPolicy: the tier fixes are proposed in). */
  policy: PolicyRef;
  direction: Direction;
  /**
   * Where the rule list is, when it is not under `spec`: `['specs', 1]` for the second rule of a Cilium policy's
   * `specs`, the one that isolates the pod (the rule goes into `specs[1].egress`).
   */
  specPath?: (string | number)[];
  /**
   * What the patch does. Absent: it adds a rule to the policy's `spec.ingress` / `spec.egress` (or those of `specPath`). `policy`: it adds a
   * new policy (`policy` names it) after a pure default deny, which stays a default deny. `edit`: it changes one
   * value of the policy in place (the label or port a finding names), a one-line edit instead of a new rule.
   */
  change?: 'policy' | 'edit';
  /** The rule to add, as a YAML sequence item; for `policy`, the new policy's document; for `edit`, the edited line. */
  yaml: string;
  /** What lines `line..endLine` become: a GitHub suggestion, a SARIF replacement. */
  replacement: string;
  /** The whole policy document after the patch. */
  patchedPolicyYaml?: string;
  /** Set when the file is among the pull request's changed files: the PR comment can suggest the change in place. */
  inChangedFile?: boolean;
}

/**
 * A suggested fix: one patch, or two when both ends deny (`alsoNeeded` is the other end's, needed as well) or when a
 * restored `toFQDNs` name needs the DNS rule that lets Cilium learn its addresses (`alsoNeeded` is that rule).
 */
export interface SuggestedFix extends RulePatch {
  alsoNeeded?: RulePatch;
}

/** A broken flow of the replay, with the rule that restores exactly its traffic when one verifies against head. */
export interface BrokenFlow extends ReplayedFlow {
  fix?: SuggestedFix;
}

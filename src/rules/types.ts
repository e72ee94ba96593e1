import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic, FieldPath, Severity, SourceLocation } from '../manifests/types.js';
import type { ClusterModel, Namespace, PolicyRef, Workload } from '../model/types.js';
import type { PolicyEngine } from '../policy/types.js';
import type { SuggestedFix } from '../fix/types.js';

export interface ResourceRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** A lint finding: the JSON contract of `lint` and `check`. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  resource: ResourceRef;
  /** Set by `check`: the finding is new at head (base did not have it). */
  introduced?: boolean;
  /** Set when an `netpol-guard.io/ignore` annotation silences it; suppressed findings never fail a run. */
  suppressed?: { reason?: string };
  /** Extra places that explain the finding (the other policy, the Service...). */
  related?: (SourceLocation & { message: string })[];
  /** Set by `check` where a verified rule fixes the finding (`dns-egress-missing`; `docs/fixes.md`). */
  fix?: SuggestedFix;
}

export interface LintResult {
  findings: Finding[];
  /** The input's diagnostics no rule turned into a finding, then those the lint run raised itself. */
  diagnostics: Diagnostic[];
  /** Only those the lint run raised (a failed rule, an unknown rule id in an ignore annotation, …). */
  raised: Diagnostic[];
}

/** What a rule says about itself; the docs (`docs/rules.md`) are rendered from it. */
export interface RuleMeta {
  /** Stable kebab-case id, used in config, suppressions and reports. */
  id: string;
  /** Severity when the config does not override it. */
  severity: Severity;
  /**
   * The policy kinds the rule judges (`NetworkPolicy`, `AdminNetworkPolicy`...), as `kind` names them: a rule reads
   * only these, so adding a kind never changes what it says (kube-linter's object-kind scope).
   */
  kinds: readonly string[];
  /** One line: what the rule catches. */
  description: string;
  /** Why it matters: what breaks or opens when this goes unnoticed. */
  rationale: string;
  /** How to fix it. */
  remediation: string;
  /** A YAML example of the fix. */
  example: string;
  /**
   * For rules that turn loader or model diagnostics into findings: which diagnostics they take over. The runner drops
   * those from the result when the rule is enabled, so nothing is reported twice.
   */
  consumesDiagnostic?: (diagnostic: Diagnostic) => boolean;
  /**
   * Where the `netpol-guard.io/ignore` annotation that silences the rule's findings goes: on the policy (the default)
   * or on the Namespace the finding is about; false for findings of invalid or duplicate manifests, which only config
   * and path ignores reach.
   */
  suppressibleByAnnotation?: 'Namespace' | false;
}

/**
 * What a finding is about. A policy finding points at `path` inside the policy (its exact field at fault) and may be
 * silenced by the policy's `netpol-guard.io/ignore` annotation; `at` is for findings that only have a location.
 */
export type ReportTarget =
  | { policy: PolicyRef; path?: FieldPath }
  | { workload: Workload }
  | { namespace: Namespace }
  | { at: SourceLocation; resource: ResourceRef };

export type ReportDescriptor = ReportTarget & {
  message: string;
  related?: (SourceLocation & { message: string })[];
};

/** Everything a rule may look at, and the one way it reports. */
export interface RuleContext {
  readonly model: ClusterModel;
  readonly engine: PolicyEngine;
  readonly config: ResolvedConfig;
  /** Loader and model diagnostics, as given to the runner. */
  readonly diagnostics: readonly Diagnostic[];
  report(descriptor: ReportDescriptor): void;
}

/** A lint rule: metadata beside its logic. `check` must not throw on odd input; the runner guards it anyway. */
export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

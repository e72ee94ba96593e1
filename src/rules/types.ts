import type { Diagnostic, Severity, SourceLocation } from '../manifests/types.js';

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
}

export interface LintResult {
  findings: Finding[];
  diagnostics: Diagnostic[];
}

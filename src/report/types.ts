import type { RulePatch } from '../fix/types.js';
import type { Severity } from '../manifests/types.js';

/**
 * What a report needs to know about a rule. The rule registry satisfies it structurally, so reports do not depend
 * on the registry (and SARIF can describe rules that are not lint rules, such as `broken-flow`).
 */
export interface RuleDoc {
  id: string;
  severity: Severity;
  description: string;
  rationale: string;
  remediation: string;
  /** Defaults to the rule's section of the project's documentation. */
  helpUri?: string;
  /** SARIF `precision`: how often a result is a true problem (`high` unless said). */
  precision?: 'very-high' | 'high' | 'medium' | 'low';
}

export interface TextOptions {
  /** ANSI colours; the caller decides (TTY, `NO_COLOR`), the renderer never looks at the environment. */
  color: boolean;
}

export interface MarkdownOptions {
  /** Upper bound of the whole body in characters (default 60,000; GitHub rejects comments over 65,536). */
  maxLength?: number;
  /** A hidden HTML comment put first, by which the sticky comment is found again, e.g. `<!-- netpol-guard:default -->`. */
  marker?: string;
  /** The heading (default `netpol-guard`). */
  title?: string;
  /** Where the full report is (the job summary): linked from the note that says what was cut, and from the footer. */
  detailsUrl?: string;
  /** The run the report is for: links, commits and ages in the footer. Without it, nothing is linked. */
  context?: RunContext;
  /**
   * Where a suggested fix was posted as a clickable review suggestion (the review comment's address): the report
   * links to it in one line instead of repeating the lines. Fixes it gives none for are shown as YAML to paste.
   */
  suggestionUrl?: (patch: RulePatch) => string | undefined;
}

/**
 * What the caller knows about the run (the Action reads it from the runner's environment and the event), passed as
 * data: the renderer never looks at the environment or the clock.
 */
export interface RunContext {
  /** The repository's web address (`https://github.com/acme/gitops`): file:line links go to its blobs at `headSha`. */
  repositoryUrl?: string;
  headSha?: string;
  baseSha?: string;
  /** Where the report's paths are inside the repository (`k8s/`, or empty at its root). */
  pathPrefix?: string;
  /** When the run happened (ISO 8601): the age of the recorded flows is said relative to it. */
  now?: string;
}

export interface SarifOptions {
  /** `tool.driver.version`; left out when not given, so golden files do not change with each release. */
  toolVersion?: string;
  /** The repository root as an absolute URI (`file:///home/runner/work/repo/`): `originalUriBaseIds['%SRCROOT%']`. */
  uriBase?: string;
  /** Where the report's paths are inside the repository (`k8s/`, or empty at its root): artifact URIs start with it. */
  pathPrefix?: string;
}

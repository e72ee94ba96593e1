import { Minimatch } from 'minimatch';
import { checkDeadline, type Deadline } from '../deadline.js';
import type { ResolvedConfig, RuleSetting } from '../config/types.js';
import type { Diagnostic, SourceLocation } from '../manifests/types.js';
import { networkPolicyRef, policyKey } from '../model/policy-ref.js';
import type { ClusterModel, Namespace, NetworkPolicy, TieredPolicy } from '../model/types.js';
import { createEngine } from '../policy/engine.js';
import { compareText } from '../text/compare.js';
import type { PolicyEngine } from '../policy/types.js';
import { rules as registry } from './index.js';
import type { Finding, LintResult, ReportDescriptor, ResourceRef, Rule } from './types.js';

/**
 * The annotation that silences rules on one policy, or on one Namespace for findings about the namespace:
 * `"rule-a,rule-b"`, optionally followed by `: reason`.
 */
export const IGNORE_ANNOTATION = 'netpol-guard.io/ignore';

export interface LintInput {
  model: ClusterModel;
  /** Loader and model diagnostics; rules such as `schema` turn some of them into findings. */
  diagnostics: Diagnostic[];
  /** An engine already built over `model` (created when absent). */
  engine?: PolicyEngine;
  /**
   * The suppressions to honour, as {@link suppressionKeys} gives them (`suppressionsFrom: base`: those of the base
   * tree); undefined honours every annotation. An annotation outside the set leaves its findings active and is
   * reported as a {@link SUPPRESSION_NOT_HONOURED} diagnostic at the annotation.
   */
  honouredSuppressions?: ReadonlySet<string>;
  /** The run deadline, checked before each rule. */
  deadline?: Deadline;
}

/** The stage a deadline passed in lint stops, as the check names it. */
export const LINT_STAGE = 'linting';

/** The code of the diagnostic saying a suppression the pull request added was not honoured. */
export const SUPPRESSION_NOT_HONOURED = 'suppression-not-honoured';

interface Suppression {
  ids: Set<string>;
  reason?: string;
  resource: ResourceRef;
  where(): SourceLocation;
}

/**
 * Runs every enabled rule and returns the findings in a deterministic order (file, line, column, rule). Knows no rule
 * in particular: severities and `off` come from config, path ignores and suppression annotations apply to all alike.
 * A rule that throws becomes a diagnostic; the other rules still run.
 */
export function runLint(
  input: LintInput,
  config: ResolvedConfig,
  rules: readonly Rule[] = registry,
): LintResult {
  const engine = input.engine ?? createEngine(input.model);
  // Extended globs (`+(a|aa)`) backtrack without bound on a chosen file name; the config loader rejects them too.
  const ignored = config.ignore.map((glob) => new Minimatch(glob, { dot: true, noext: true }));
  const isIgnored = (file: string) => ignored.some((matcher) => matcher.match(file.replace(/\\/g, '/')));
  const knownIds = new Set(rules.map((rule) => rule.meta.id));
  const diagnostics: Diagnostic[] = [];
  const suppressions = readSuppressions(input.model, knownIds, diagnostics);
  const policies = policiesByKey(input.model);
  const findings: Finding[] = [];
  const consumers: ((diagnostic: Diagnostic) => boolean)[] = [];
  const honoured = (suppression: Suppression, id: string) =>
    input.honouredSuppressions?.has(suppressionKey(suppression.resource, id)) ?? true;
  const refused = new Set<string>();
  const refuse = (suppression: Suppression, id: string) => {
    const key = suppressionKey(suppression.resource, id);
    if (refused.has(key)) return;
    refused.add(key);
    const { kind, name } = suppression.resource;
    diagnostics.push({
      severity: 'warning',
      code: SUPPRESSION_NOT_HONOURED,
      message:
        `suppression added by this pull request is not honoured under suppressionsFrom: base: ${IGNORE_ANNOTATION} ` +
        `on ${kind} ${name} names ${id}, which the base does not suppress there, so its findings count`,
      ...suppression.where(),
      resource: suppression.resource,
    });
  };

  for (const rule of rules) {
    checkDeadline(input.deadline, LINT_STAGE);
    const setting: RuleSetting = config.rules[rule.meta.id] ?? rule.meta.severity;
    if (setting === 'off') continue;
    if (rule.meta.consumesDiagnostic) consumers.push(rule.meta.consumesDiagnostic);
    const report = (descriptor: ReportDescriptor) => {
      const { location, resource, annotated } = resolveTarget(descriptor, policies);
      const finding: Finding = {
        rule: rule.meta.id,
        severity: setting,
        message: descriptor.message,
        ...location,
        resource,
      };
      if (descriptor.related && descriptor.related.length > 0) finding.related = descriptor.related;
      const suppression = annotated ? suppressions.get(annotated) : undefined;
      if (suppression?.ids.has(rule.meta.id)) {
        if (honoured(suppression, rule.meta.id)) {
          finding.suppressed = suppression.reason === undefined ? {} : { reason: suppression.reason };
        } else refuse(suppression, rule.meta.id);
      }
      findings.push(finding);
    };
    try {
      rule.check({ model: input.model, engine, config, diagnostics: input.diagnostics, report });
    } catch (error) {
      diagnostics.push({
        severity: 'error',
        code: 'rule-failed',
        message: `rule ${rule.meta.id} failed and was skipped: ${(error as Error).message}`,
      });
    }
  }

  return {
    findings: dedupe(findings.filter((finding) => !isIgnored(finding.file))).sort(compareFindings),
    diagnostics: [
      ...input.diagnostics.filter((diagnostic) => !consumers.some((consumes) => consumes(diagnostic))),
      ...diagnostics,
    ],
    raised: diagnostics,
  };
}

/** Where a finding points, what it is about, and the manifest whose ignore annotation may silence it. */
function resolveTarget(
  descriptor: ReportDescriptor,
  policies: ReadonlyMap<string, NetworkPolicy | TieredPolicy>,
): {
  location: SourceLocation;
  resource: ResourceRef;
  annotated?: Annotated;
} {
  if ('policy' in descriptor) {
    const { kind, namespace, name, location } = descriptor.policy;
    const policy = policies.get(policyKey(descriptor.policy));
    return {
      location: descriptor.path && policy ? policy.locate(descriptor.path) : location,
      resource: { kind, ...(namespace !== undefined ? { namespace } : {}), name },
      ...(policy ? { annotated: policy } : {}),
    };
  }
  if ('workload' in descriptor) {
    const { workload } = descriptor;
    return {
      location: workload.loc,
      resource: { kind: workload.kind, namespace: workload.namespace, name: workload.name },
    };
  }
  if ('namespace' in descriptor) {
    const { namespace } = descriptor;
    // An inferred namespace has no manifest; such findings point at the first line of nothing rather than throw.
    return {
      location: namespace.loc ?? { file: '', line: 0, column: 0 },
      resource: { kind: 'Namespace', name: namespace.name },
      annotated: namespace,
    };
  }
  return { location: descriptor.at, resource: descriptor.resource };
}

/** The model's policies of every kind by {@link policyKey}: findings name them by reference. */
function policiesByKey(model: ClusterModel): Map<string, NetworkPolicy | TieredPolicy> {
  const policies = new Map<string, NetworkPolicy | TieredPolicy>();
  const add = (key: string, policy: NetworkPolicy | TieredPolicy) => {
    if (!policies.has(key)) policies.set(key, policy);
  };
  for (const policy of model.policies) add(policyKey(networkPolicyRef(policy)), policy);
  for (const policy of model.tieredPolicies ?? []) add(policyKey(policy.ref), policy);
  return policies;
}

/** A manifest that may carry the ignore annotation. */
type Annotated = NetworkPolicy | TieredPolicy | Namespace;

/**
 * The suppressions a tree's annotations make, one key per (resource, rule id), for {@link LintInput}'s
 * `honouredSuppressions`: a resource is known by kind, namespace and name, as both trees name it.
 */
export function suppressionKeys(model: ClusterModel): Set<string> {
  const keys = new Set<string>();
  for (const suppression of readSuppressions(model, new Set(), []).values()) {
    for (const id of suppression.ids) keys.add(suppressionKey(suppression.resource, id));
  }
  return keys;
}

function suppressionKey(resource: ResourceRef, id: string): string {
  return [resource.kind, resource.namespace ?? '', resource.name, id].join('\u0000');
}

/**
 * Parses the ignore annotation of every policy and declared namespace once. Unknown ids are reported (a typo would
 * otherwise silently suppress nothing) and the rest still apply.
 */
function readSuppressions(
  model: ClusterModel,
  knownIds: ReadonlySet<string>,
  diagnostics: Diagnostic[],
): Map<Annotated, Suppression> {
  const suppressions = new Map<Annotated, Suppression>();
  const read = (annotated: Annotated, where: () => SourceLocation, resource: ResourceRef) => {
    const value = annotated.annotations?.[IGNORE_ANNOTATION];
    if (value === undefined) return;
    const separator = value.indexOf(':');
    const idList = separator < 0 ? value : value.slice(0, separator);
    const reason = separator < 0 ? undefined : value.slice(separator + 1).trim() || undefined;
    const ids = new Set(
      idList
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    );
    for (const id of ids) {
      if (knownIds.has(id)) continue;
      diagnostics.push({
        severity: 'warning',
        code: 'unknown-rule',
        message: `${IGNORE_ANNOTATION} names unknown rule "${id}"; it suppresses nothing`,
        ...where(),
        resource,
      });
    }
    suppressions.set(annotated, { ids, ...(reason === undefined ? {} : { reason }), resource, where });
  };
  for (const policy of model.policies) {
    read(policy, () => policy.locate(['metadata', 'annotations', IGNORE_ANNOTATION]), {
      kind: 'NetworkPolicy',
      namespace: policy.namespace,
      name: policy.name,
    });
  }
  for (const policy of model.tieredPolicies ?? []) {
    const { kind, namespace, name } = policy.ref;
    read(policy, () => policy.locate(['metadata', 'annotations', IGNORE_ANNOTATION]), {
      kind,
      ...(namespace !== undefined ? { namespace } : {}),
      name,
    });
  }
  for (const namespace of model.namespaces.values()) {
    const { loc } = namespace;
    if (loc) read(namespace, () => loc, { kind: 'Namespace', name: namespace.name });
  }
  return suppressions;
}

function findingKey(finding: Finding): string {
  return [finding.rule, finding.file, finding.line, finding.column, finding.message].join('\u0000');
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const finding of findings) if (!seen.has(findingKey(finding))) seen.set(findingKey(finding), finding);
  return [...seen.values()];
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  );
}

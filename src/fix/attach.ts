import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReplayedFlow } from '../replay/types.js';
import type { Diagnostic } from '../manifests/types.js';
import type { Finding } from '../rules/types.js';
import { flowKey, type ObservedFlow } from '../replay/observed.js';
import {
  fixAllows,
  reusingOffered,
  suggestFindingFix,
  suggestFlowFix,
  type FixContext,
  type FixOutcome,
} from './suggest.js';
import type { BrokenFlow, RulePatch, SuggestedFix } from './types.js';

/** Where a side's manifests come from (as `runCheck` takes them). */
export type ManifestText = { root: string } | { root: string; rendered: { name: string; text: string } };

/**
 * Reads manifest files by the names locations give them (relative to the root), once each: the patches are made
 * on the text the loader read. Rendered manifests have one "file", the render's name.
 */
export function manifestTextReader(source: ManifestText): (file: string) => string | undefined {
  if ('rendered' in source) {
    const { name, text } = source.rendered;
    return (file) => (file === name ? text : undefined);
  }
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) cache.set(file, readQuietly(path.resolve(source.root, file)));
    return cache.get(file);
  };
}

function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/**
 * Fixes for the findings that have one (`dns-egress-missing`'s rule, the one-line edit of a label typo or a wrong
 * port); suppressed findings are left alone.
 */
export function withFindingFixes(
  findings: readonly Finding[],
  context: FixContext,
  changedFiles: ReadonlySet<string>,
  diagnostics: Diagnostic[],
): Finding[] {
  return findings.map((finding) => {
    if (finding.suppressed) return finding;
    const fix = take(suggestFindingFix(context, finding), changedFiles, diagnostics);
    return fix ? { ...finding, fix } : finding;
  });
}

/**
 * Broken flows that get a fix: each is verified on its own engine over the patched model, so the count bounds the
 * time a check spends on fixes. Broken flows come most-seen first, so the bound keeps the ones that matter most.
 */
const MAX_FLOW_FIXES = 100;

/**
 * Fixes for the broken flows (the first {@link MAX_FLOW_FIXES}), from the observed connection each of them is. A
 * flow that a finding's fix (`offered`) already restores gets that same fix: one fix per need, not two rules.
 */
export function withFlowFixes(
  broken: readonly ReplayedFlow[],
  observed: readonly ObservedFlow[],
  context: FixContext,
  changedFiles: ReadonlySet<string>,
  diagnostics: Diagnostic[],
  offered: readonly SuggestedFix[] = [],
): BrokenFlow[] {
  const byKey = new Map(observed.map((flow) => [flow.key, flow]));
  // The findings' fixes, then each flow's as it is chosen: a later flow reuses what an earlier one was given.
  const reusable = [...offered];
  return broken.map((flow, index) => {
    // A request refused at L7 goes over a connection head allows: an L3/L4 rule would not restore it.
    if (index >= MAX_FLOW_FIXES || flow.request) return flow;
    const connection = byKey.get(flowKey(flow.from, flow.to, flow.protocol, flow.port));
    if (!connection) return flow;
    const { from, to } = connection;
    const namespaces = new Set(
      [from, to].flatMap((end) => ('workload' in end ? [end.workload.namespace] : [])),
    );
    const shared = reusable.find(
      (fix) =>
        namespaces.has(fix.policy.namespace ?? '') &&
        fixAllows(context, fix, from, to, flow.protocol, flow.port),
    );
    if (shared) return { ...flow, fix: shared };
    // A toFQDNs rule of base allowed the address by the name DNS answered it for: the fix restores that name.
    const base = flow.decidedBy?.base;
    const name = base?.direction === 'egress' ? base.peer?.fqdn : undefined;
    const outcome = suggestFlowFix(context, from, to, flow.protocol, flow.port, name);
    const own = take(outcome, changedFiles, diagnostics);
    if (!own) return flow;
    const fix = reusingOffered(context, own, reusable, from, to, flow.protocol, flow.port);
    reusable.push(fix);
    return { ...flow, fix };
  });
}

/** The fix of an outcome, marked when its files are in the pull request; a problem is reported once. */
function take(
  outcome: FixOutcome,
  changedFiles: ReadonlySet<string>,
  diagnostics: Diagnostic[],
): SuggestedFix | undefined {
  if ('problem' in outcome) {
    const { problem } = outcome;
    if (!diagnostics.some((d) => d.code === problem.code && d.message === problem.message))
      diagnostics.push(problem);
    return undefined;
  }
  if (!('fix' in outcome)) return undefined;
  const mark = <T extends RulePatch>(patch: T): T =>
    changedFiles.has(patch.file) ? { ...patch, inChangedFile: true } : patch;
  const { alsoNeeded, ...patch } = outcome.fix;
  return { ...mark(patch), ...(alsoNeeded ? { alsoNeeded: mark(alsoNeeded) } : {}) };
}

/** Every patch of a check's fixes once, in report order: what `fix --write` applies. */
export function allPatches(fixes: Iterable<SuggestedFix | undefined>): RulePatch[] {
  const unique = new Map<string, RulePatch>();
  for (const fix of fixes) {
    if (!fix) continue;
    const { alsoNeeded, ...patch } = fix;
    for (const one of alsoNeeded ? [patch, alsoNeeded] : [patch]) {
      const key = JSON.stringify([one.file, one.policy, one.direction, one.yaml]);
      if (!unique.has(key)) unique.set(key, one);
    }
  }
  return [...unique.values()];
}

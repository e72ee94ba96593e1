import type { CheckResult } from '../check/types.js';

/**
 * Whether a run has nothing to say about its pull request (the Action's `comment-when-quiet: skip`): it passes, the
 * pull request changed no file that holds a policy, a workload or another object the analysis reads, and the report
 * shows no path opened or closed, no workload added or removed, no recorded flow broken, accepted, audited or newly
 * allowed, no finding introduced, accepted or resolved, and no diagnostic above info. What the repository had before
 * (pre-existing findings, flows that match nothing) is not about the pull request. A result that does not say which
 * files changed is never quiet.
 */
export function isQuiet(result: CheckResult): boolean {
  const { diff, flows } = result;
  if (result.verdict !== 'pass' || result.changedManifests === undefined) return false;
  const said = [
    result.changedManifests,
    result.findings.filter((finding) => finding.introduced),
    result.resolved ?? [],
    diff.opened,
    diff.closed,
    diff.workloadsAdded,
    diff.workloadsRemoved,
    diff.newConnections,
    diff.goneConnections,
    flows?.broken ?? [],
    flows?.acceptedCuts ?? [],
    flows?.wouldBreakWhenEnforced ?? [],
    flows?.newlyAllowed ?? [],
    result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info'),
  ];
  return said.every((items) => items.length === 0) && (flows?.skipped ?? 0) === 0;
}

import type { Diagnostic } from '../manifests/types.js';
import { noun } from '../text/plural.js';

/**
 * Which tree the recorded flows are read from: the pull request's (`head`), or the one it merges into (`base`), so a
 * pull request cannot edit the evidence it is judged by.
 */
export type FlowsFrom = 'head' | 'base';

/** The code of the diagnostic naming a flow file the pull request changed. */
export const FLOWS_CHANGED = 'flows-changed';

/** A flow file the pull request changed, with its changed lines when git could count them (not for gzip). */
export interface FlowFileChange {
  file: string;
  lines?: { added: number; deleted: number };
}

/**
 * One diagnostic per flow file the pull request changed. Replaying the pull request's own flows (`head`), an edit
 * that removes exactly the records a change breaks makes it pass: a warning, which the report's headline shows. With
 * `base` the edit is not used, and is named for information only.
 */
export function changedFlowDiagnostics(
  changes: readonly FlowFileChange[],
  flowsFrom: FlowsFrom,
): Diagnostic[] {
  return changes.map(({ file, lines }) => {
    const counted = lines
      ? ` (${lines.added} ${noun(lines.added, 'line')} added, ${lines.deleted} deleted)`
      : '';
    const effect =
      flowsFrom === 'head'
        ? "the replay reads the pull request's version (flows-from: head), so an edit can hide a flow the change " +
          'breaks: review it, or read the flows from the base (flows-from: base)'
        : "the replay reads the base's version (flows-from: base); the edit applies once merged";
    return {
      severity: flowsFrom === 'head' ? 'warning' : 'info',
      code: FLOWS_CHANGED,
      message: `this pull request changes recorded flows: ${file}${counted}; ${effect}`,
      file,
    };
  });
}

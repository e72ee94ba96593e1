import type { CheckResult } from '../check/types.js';
import { peerLabel } from '../diff/peers.js';
import type { Severity } from '../manifests/types.js';
import { l7Narrows } from '../diff/l7.js';
import { cleanText, truncate } from '../report/escape.js';
import { describeL7ChangeLine, refusedRequest } from '../report/format.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** One `::error file=...,line=...::` line: where a problem is in the pull request's diff. */
export interface Annotation {
  level: AnnotationLevel;
  title: string;
  message: string;
  /** Relative to the repository root, as GitHub matches it against the diff. */
  file: string;
  line: number;
  column?: number;
}

/** GitHub shows about this many annotations of one level per step; the rest are in the comment and summary. */
export const ANNOTATIONS_PER_LEVEL = 10;

const LEVEL: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };
const RANK: Record<AnnotationLevel, number> = { error: 0, warning: 1, notice: 2 };

interface Candidate extends Annotation {
  /** Lower shows first: broken flows, then what the pull request introduced, then what was already there. */
  priority: number;
}

const L7_TITLE = 'netpol-guard: L7 filter changed';

/** Longest message of one annotation: the rest of a crowded line is in the comment and the summary. */
const MAX_MESSAGE_LENGTH = 1_000;

/**
 * The annotations worth the few slots GitHub gives: only on files the pull request changed, one per distinct problem
 * and place (the broken flows a policy line denies, or the findings of one rule on one line, become one annotation
 * that lists them), broken flows (on the policy line that denies them), then introduced findings and changed L7
 * filters (on the rule that changes the filter), the most severe first, at most {@link ANNOTATIONS_PER_LEVEL} per
 * level, one error slot fewer when the step fails: its failure summary is an error annotation too. `toRepositoryPath` maps a report path (relative to the workspace).
 */
export function selectAnnotations(
  result: CheckResult,
  changedFiles: ReadonlySet<string>,
  toRepositoryPath: (file: string) => string,
): Annotation[] {
  const grouped = new Map<string, { candidate: Candidate; messages: string[] }>();
  const add = (candidate: Omit<Candidate, 'file'> & { file: string | undefined }) => {
    if (candidate.file === undefined) return;
    const file = toRepositoryPath(candidate.file);
    if (!changedFiles.has(file)) return;
    const message = cleanText(candidate.message);
    const key = JSON.stringify([candidate.level, candidate.title, file, candidate.line]);
    const group = grouped.get(key);
    if (!group) grouped.set(key, { candidate: { ...candidate, file, message }, messages: [message] });
    else {
      group.candidate.priority = Math.min(group.candidate.priority, candidate.priority);
      if (!group.messages.includes(message)) group.messages.push(message);
    }
  };
  for (const flow of result.flows?.broken ?? []) {
    const connection = `${peerLabel(flow.from)} → ${peerLabel(flow.to)} ${flow.protocol}/${flow.port}`;
    // A request an L7 proxy recorded is named first, bounded, with the rules that refuse it.
    const refused = refusedRequest(flow);
    add({
      level: 'error',
      title: 'netpol-guard: live flow would break',
      message: refused
        ? `${refused.request}: ${connection} (seen ${flow.count}×) would be refused at L7${refused.why}`
        : `${connection} (seen ${flow.count}×) would be denied${flow.explanation ? `: ${flow.explanation}` : ''}`,
      file: flow.location?.file,
      line: flow.location?.line ?? 1,
      column: flow.location?.column,
      priority: 0,
    });
  }
  // L7 filters the pull request changed, at the rule that changes each: a warning when requests base let through may
  // be refused, a notice when more pass.
  for (const change of result.diff.l7Changed ?? []) {
    add({
      level: l7Narrows(change.effect) ? 'warning' : 'notice',
      title: L7_TITLE,
      message: describeL7ChangeLine(change, '→'),
      file: change.location?.file,
      line: change.location?.line ?? 1,
      column: change.location?.column,
      priority: 1,
    });
  }
  for (const finding of result.findings) {
    if (finding.suppressed) continue;
    add({
      level: LEVEL[finding.severity],
      title: `netpol-guard: ${finding.rule}`,
      message: finding.message,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      priority: finding.introduced ? 1 : 2,
    });
  }
  // Input errors (a manifest that does not parse) hide everything in the file: worth an annotation too.
  for (const diagnostic of result.diagnostics) {
    // A base diagnostic's line is in the base's version of the file, not in the diff.
    if (diagnostic.severity !== 'error' || diagnostic.side === 'base') continue;
    add({
      level: 'error',
      title: `netpol-guard: ${diagnostic.code}`,
      message: diagnostic.message,
      file: diagnostic.file,
      line: diagnostic.line ?? 1,
      column: diagnostic.column,
      priority: 1,
    });
  }
  const slots: Record<AnnotationLevel, number> = {
    error: ANNOTATIONS_PER_LEVEL - (result.verdict === 'fail' ? 1 : 0),
    warning: ANNOTATIONS_PER_LEVEL,
    notice: ANNOTATIONS_PER_LEVEL,
  };
  return [...grouped.values()]
    .map(({ candidate, messages }) => ({ ...candidate, message: joined(candidate.title, messages) }))
    .sort((a, b) => RANK[a.level] - RANK[b.level] || a.priority - b.priority)
    .filter((candidate) => slots[candidate.level]-- > 0)
    .map(({ priority: _priority, ...annotation }) => annotation);
}

/** One problem's messages at one place: the message alone, or a count and one line each. */
function joined(title: string, messages: readonly string[]): string {
  const [only] = messages;
  if (messages.length === 1 && only !== undefined) return truncate(only, MAX_MESSAGE_LENGTH);
  const what = title.endsWith('live flow would break')
    ? 'live flows would break'
    : title === L7_TITLE
      ? 'L7 filters changed'
      : 'findings';
  return truncate(
    `${messages.length} ${what} here:\n${messages.map((m) => `- ${m}`).join('\n')}`,
    MAX_MESSAGE_LENGTH,
  );
}

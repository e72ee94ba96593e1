import type { CheckResult } from '../check/types.js';
import { peerLabel } from '../diff/peers.js';
import type { Severity } from '../manifests/types.js';
import { cleanText } from '../report/escape.js';

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

/**
 * The annotations worth the few slots GitHub gives: only on files the pull request changed, broken flows (on the
 * policy line that denies them) and introduced findings first, the most severe first, at most
 * {@link ANNOTATIONS_PER_LEVEL} per level. `toRepositoryPath` maps a report path (relative to the workspace).
 */
export function selectAnnotations(
  result: CheckResult,
  changedFiles: ReadonlySet<string>,
  toRepositoryPath: (file: string) => string,
): Annotation[] {
  const candidates: Candidate[] = [];
  const add = (candidate: Omit<Candidate, 'file'> & { file: string | undefined }) => {
    if (candidate.file === undefined) return;
    const file = toRepositoryPath(candidate.file);
    if (changedFiles.has(file))
      candidates.push({ ...candidate, file, message: cleanText(candidate.message) });
  };
  for (const flow of result.flows?.broken ?? []) {
    const connection = `${peerLabel(flow.from)} → ${peerLabel(flow.to)} ${flow.protocol}/${flow.port}`;
    add({
      level: 'error',
      title: 'netpol-guard: live flow would break',
      message: `${connection} (seen ${flow.count}×) would be denied${flow.explanation ? `: ${flow.explanation}` : ''}`,
      file: flow.location?.file,
      line: flow.location?.line ?? 1,
      column: flow.location?.column,
      priority: 0,
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
    if (diagnostic.severity !== 'error') continue;
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
  const shown = new Map<AnnotationLevel, number>();
  return candidates
    .sort((a, b) => RANK[a.level] - RANK[b.level] || a.priority - b.priority)
    .filter((candidate) => {
      const count = shown.get(candidate.level) ?? 0;
      shown.set(candidate.level, count + 1);
      return count < ANNOTATIONS_PER_LEVEL;
    })
    .map(({ priority: _priority, ...annotation }) => annotation);
}

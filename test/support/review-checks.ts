import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_URL } from '../../src/report/links.js';
import { FIRST_SCREEN, type RenderedGraph, type ReviewLayout } from './review-page.js';
import { BASE_SHA, HEAD_SHA, PR_NUMBER } from './reviews.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The repository and run that test/support/run-action.ts gives the Action. */
const REPOSITORY = 'https://github.com/acme/gitops';
const RUN = `${REPOSITORY}/actions/runs/4242`;
/** Where the case's head tree is in the pull request's repository (test/support/reviews.ts). */
const TREE = 'k8s/';
/**
 * Edge labels are text, for which WCAG AA asks 4.5:1; Mermaid's own dark theme gives them 4.43:1 (#ccc on #585858),
 * which a graph cannot change for one theme alone. Below this, a colour of ours made a label worse than the theme's.
 */
export const MIN_LABEL_CONTRAST = 4.4;

/**
 * What a reviewer would trip over in a rendered review, one sentence each; empty when none. `head` is the case's
 * head tree, which file links must point into, at a line the file has.
 */
export function layoutProblems(layout: ReviewLayout, head: string): string[] {
  const problems: string[] = [];
  if (!layout.decision) problems.push('no block gives the verdict (❌, ⚠ or ✅)');
  else if (layout.decision.bottom > FIRST_SCREEN)
    problems.push(
      `the verdict ends ${Math.round(layout.decision.bottom)} px down, below the first ${FIRST_SCREEN} px`,
    );
  for (const table of layout.tables)
    if (table.width > layout.columnWidth + 1)
      problems.push(`table "${table.header}" is ${table.width} px wide in a ${layout.columnWidth} px column`);
  for (const link of layout.links) {
    const problem = linkProblem(link, head);
    if (problem) problems.push(`link ${link}: ${problem}`);
  }
  return problems;
}

/** Why a link of the comment does not lead where it should, or undefined when it does. */
export function linkProblem(link: string, head: string): string | undefined {
  const blob = new RegExp(`^${REPOSITORY}/blob/([0-9a-f]{40})/([^#?]+)#L(\\d+)$`).exec(link);
  if (blob) {
    const [, sha, file = '', line] = blob;
    if (sha !== HEAD_SHA) return 'not the head commit';
    if (!file.startsWith(TREE)) return 'not a file of the tree';
    const local = path.join(head, decodeURIComponent(file.slice(TREE.length)));
    if (!existsSync(local)) return 'no such file at head';
    const lines = readFileSync(local, 'utf8').split('\n').length;
    return Number(line) >= 1 && Number(line) <= lines ? undefined : `the file has ${lines} lines`;
  }
  const docs = new RegExp(`^${PROJECT_URL}/blob/main/(docs/[\\w.-]+\\.md)(#[\\w-]+)?$`).exec(link);
  if (docs) return existsSync(path.join(ROOT, docs[1] ?? '')) ? undefined : 'no such page of the docs';
  const commit = new RegExp(`^${REPOSITORY}/commit/([0-9a-f]{40})$`).exec(link);
  if (commit) return [HEAD_SHA, BASE_SHA].includes(commit[1] ?? '') ? undefined : 'neither base nor head';
  if (link === RUN) return undefined;
  const suggestion = new RegExp(`^${REPOSITORY}/pull/(\\d+)#discussion_r\\d+$`).exec(link);
  if (suggestion)
    return Number(suggestion[1]) === PR_NUMBER ? undefined : 'a comment of another pull request';
  return 'not a head blob line, a page of the docs, a commit of the pull request or its run, or its review';
}

export function graphProblems(graphs: readonly RenderedGraph[]): string[] {
  return graphs.flatMap((graph, index) => [
    ...(graph.error ? [`graph ${index + 1} does not render: ${graph.error}`] : []),
    ...(!graph.error && graph.edges === 0 ? [`graph ${index + 1} has no edges`] : []),
    ...(!graph.error && graph.minLabelContrast < MIN_LABEL_CONTRAST
      ? [`graph ${index + 1} has a label at contrast ${graph.minLabelContrast.toFixed(2)}:1`]
      : []),
  ]);
}

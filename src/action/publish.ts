import * as core from '@actions/core';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGitHubClient, isPermissionDenied } from '../github/api.js';
import {
  commentAuthor,
  markStickyStale,
  stickyMarker,
  upsertStickyComment,
} from '../github/sticky-comment.js';
import { escapeMarkdown } from '../report/escape.js';
import { linkTarget } from '../report/links.js';
import { graphqlUrl, publishSuggestions, type Suggestion } from '../github/review.js';
import { fixItems } from '../fix/describe.js';
import { sarifReport } from '../check/sarif.js';
import type { CheckResult } from '../check/types.js';
import { writeFileInside } from '../files/contained.js';
import { renderJson, renderMarkdown } from '../report/index.js';
import { comparableReport } from '../report/footer.js';
import { isQuiet } from '../report/quiet.js';
import type { MarkdownOptions, RunContext } from '../report/types.js';
import type { Analysis } from './analyse.js';
import { selectAnnotations } from './annotations.js';
import { pullRequestHead, pullRequestNumber, type RunnerEnvironment } from './environment.js';
import type { ActionInputs } from './inputs.js';

/** GitHub rejects comments over 65,536 characters; the rest of the report stays in the job summary. */
const COMMENT_MAX_LENGTH = 60_000;
/** GitHub takes up to 1 MiB of job summary per step, counted in bytes: a little room is kept for the line end. */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 1024;

/**
 * Puts the result everywhere a reviewer or a later step looks: annotations, outputs, the JSON, Markdown and SARIF
 * files, the job summary, and last the sticky comment (the one part that needs a writable token).
 */
export async function publishResult(
  analysis: Analysis,
  inputs: ActionInputs,
  runner: RunnerEnvironment,
): Promise<void> {
  const { result } = analysis;
  const marker = stickyMarker(inputs.commentKey);

  if (inputs.annotations) {
    for (const a of selectAnnotations(result, analysis.changedFiles, analysis.toRepositoryPath)) {
      core[a.level](a.message, { title: a.title, file: a.file, startLine: a.line, startColumn: a.column });
    }
  }

  // Reports go under RUNNER_TEMP, the SARIF file into the workspace (or RUNNER_TEMP): never through a link the pull
  // request committed there.
  const reportDir = path.join(runner.tempDir, 'netpol-guard');
  const reportFile = path.join(reportDir, `${inputs.commentKey}.json`);
  writeFileInside([runner.tempDir], reportFile, renderJson(result));
  const context: RunContext = {
    repositoryUrl: runner.repositoryUrl,
    headSha: pullRequestHead(runner.event) ?? runner.sha,
    baseSha: analysis.baseSha,
    pathPrefix: analysis.repositoryPrefix,
    now: new Date().toISOString(),
  };
  const reportOptions = { context, detailsUrl: runner.runUrl };
  // The fixes as snippets: this is what a workflow_run workflow posts (no review there), and what is written before
  // the first API call.
  const body = renderMarkdown(result, { marker, maxLength: COMMENT_MAX_LENGTH, ...reportOptions });
  const markdownFile = path.join(reportDir, `${inputs.commentKey}.md`);
  writeFileInside([runner.tempDir], markdownFile, body);
  const sarifFile = path.resolve(runner.workspace, inputs.sarifFile);
  // `%SRCROOT%` is the repository root, as code scanning resolves paths, even when the workspace is below it.
  const repositoryRoot = path.resolve(runner.workspace, path.relative(analysis.repositoryPrefix, '.'));
  const uriBase = pathToFileURL(repositoryRoot + path.sep).href;
  writeFileInside(
    [runner.workspace, runner.tempDir],
    sarifFile,
    sarifReport(result, { uriBase, pathPrefix: analysis.repositoryPrefix }),
  );

  const { summary } = result;
  core.setOutput('verdict', result.verdict);
  core.setOutput('broken-flows', summary.brokenFlows);
  core.setOutput('opened', summary.opened);
  core.setOutput('closed', summary.closed);
  core.setOutput('errors', summary.errors);
  core.setOutput('warnings', summary.warnings);
  core.setOutput('report', reportFile);
  core.setOutput('markdown', markdownFile);
  core.setOutput('sarif', sarifFile);

  await core.summary.addRaw(boundedMarkdown(result, SUMMARY_MAX_BYTES, reportOptions), true).write();

  // The review first: the comment links each fix posted there to its clickable suggestion instead of repeating it.
  const reviewed = await review(analysis, inputs, runner);
  const linked =
    reviewed.size === 0
      ? body
      : renderMarkdown(result, {
          marker,
          maxLength: COMMENT_MAX_LENGTH,
          ...reportOptions,
          suggestionUrl: (patch) => reviewed.get(patchKey(analysis.toRepositoryPath(patch.file), patch)),
        });
  core.setOutput('comment-id', (await comment(linked, marker, inputs, runner, isQuiet(result))) ?? '');
}

/** What tells one suggested change from another: the lines of a file it replaces and what they become. */
function patchKey(file: string, patch: { line: number; endLine: number; replacement: string }): string {
  return JSON.stringify([file, patch.line, patch.endLine, patch.replacement]);
}

/**
 * Posts the suggested fixes whose lines are in the diff as one review of clickable suggestions (docs/fixes.md);
 * the others stay snippets in the comment. A read-only token keeps them all as snippets. Resolves with the address
 * of each suggestion's review comment, by {@link patchKey}.
 */
async function review(
  analysis: Analysis,
  inputs: ActionInputs,
  runner: RunnerEnvironment,
): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  const number = pullRequestNumber(runner.event);
  const headSha = pullRequestHead(runner.event);
  if (inputs.comment === 'never' || number === undefined || headSha === undefined) return links;
  const suggestions: Suggestion[] = fixItems(analysis.result).flatMap(({ subject, fix }) =>
    [fix, ...(fix.alsoNeeded ? [fix.alsoNeeded] : [])].map((patch) => ({
      path: analysis.toRepositoryPath(patch.file),
      line: patch.line,
      endLine: patch.endLine,
      replacement: patch.replacement,
      subject,
    })),
  );
  const client = createGitHubClient({ token: inputs.token, baseUrl: runner.apiUrl });
  try {
    const outcome = await publishSuggestions(
      client,
      { owner: runner.owner, repo: runner.repo, number, headSha },
      {
        key: inputs.commentKey,
        suggestions,
        author: await commentAuthor(client),
        graphqlUrl: graphqlUrl(runner.apiUrl),
      },
    );
    core.info(
      `Suggested fixes: ${outcome.posted} posted in a review, ${outcome.kept} already suggested, ` +
        `${outcome.minimized} outdated minimized, ${outcome.outside.length} outside the diff (in the comment).`,
    );
    for (const { suggestion, url } of outcome.links) links.set(patchKey(suggestion.path, suggestion), url);
  } catch (error) {
    if (!isPermissionDenied(error)) throw error;
    core.warning(
      `Cannot post suggested fixes as a review on pull request #${number}: the token is read-only. ` +
        'They are in the comment and the job summary as snippets to copy.',
    );
  }
  return links;
}

/**
 * The report in at most `maxBytes` bytes of UTF-8. The renderer bounds characters; names of many bytes per
 * character (CJK, emoji) make more bytes than characters, so the bound is lowered until the bytes fit.
 */
export function boundedMarkdown(
  result: CheckResult,
  maxBytes: number,
  options: Omit<MarkdownOptions, 'maxLength'> = {},
): string {
  let maxLength = maxBytes;
  let markdown = renderMarkdown(result, { ...options, maxLength });
  // Down in proportion, and by at least a tenth: a few rounds fit any text (at most 4 bytes per character).
  for (let round = 0; round < 20 && Buffer.byteLength(markdown) > maxBytes; round++) {
    const bytes = Buffer.byteLength(markdown);
    maxLength = Math.min(Math.floor((maxLength * maxBytes) / bytes), Math.floor(maxLength * 0.9));
    markdown = renderMarkdown(result, { ...options, maxLength });
  }
  return markdown;
}

/** Writes the sticky comment when asked and possible; resolves with its id. */
async function comment(
  body: string,
  marker: string,
  inputs: ActionInputs,
  runner: RunnerEnvironment,
  quiet: boolean,
): Promise<number | undefined> {
  if (inputs.comment === 'never') return undefined;
  const number = pullRequestNumber(runner.event);
  if (number === undefined) {
    core.info(`No pull request in this ${runner.eventName} event: the report is in the job summary only.`);
    return undefined;
  }
  const client = createGitHubClient({ token: inputs.token, baseUrl: runner.apiUrl });
  try {
    // A quiet run (nothing about this pull request to say) may leave the conversation alone, but never an earlier
    // comment of this step showing an older verdict: that one is updated.
    const create = !(inputs.commentWhenQuiet === 'skip' && quiet);
    const outcome = await upsertStickyComment(
      client,
      { owner: runner.owner, repo: runner.repo, number },
      { marker, body, mode: inputs.comment, comparable: comparableReport, create },
    );
    for (const other of outcome.skipped) {
      core.warning(
        `Comment ${other.id} by ${other.login} carries this step's marker, but this token may not edit it (it is ` +
          'not its own): left alone, and the report is in a comment of its own.',
      );
    }
    if (outcome.id === undefined) {
      core.info(
        'Nothing to say about this pull request (it changes no policy or workload, and the check found nothing): ' +
          'no comment written (comment-when-quiet: skip). The report is in the job summary.',
      );
      return undefined;
    }
    core.info(`Pull request comment ${outcome.id}: ${outcome.action}.`);
    return outcome.id;
  } catch (error) {
    if (!isPermissionDenied(error)) throw error;
    core.warning(
      `Cannot comment on pull request #${number}: the token is read-only (${(error as Error).message}). ` +
        'Pull requests from forks get a read-only GITHUB_TOKEN; the report is in the job summary, and the ' +
        'workflow_run pattern in the docs comments on them. Otherwise grant `pull-requests: write`.',
    );
    return undefined;
  }
}

/**
 * After a run failed before writing its report: the sticky comment of an earlier run gets a notice on top that it is
 * stale, naming this run's commit, its page and why it failed, so an old Pass is not read as this commit's. Never
 * throws: the step has failed already, and a comment that cannot be edited changes nothing of that.
 */
export async function markCommentStale(
  inputs: ActionInputs,
  runner: RunnerEnvironment,
  failure: string,
): Promise<void> {
  const number = pullRequestNumber(runner.event);
  if (inputs.comment === 'never' || number === undefined) return;
  const head = pullRequestHead(runner.event) ?? runner.sha;
  const runLink = linkTarget(runner.runUrl);
  const run = runLink ? ` ([the run](${runLink}))` : '';
  const notice =
    `> :warning: **Stale**: the run for ${head ? `\`${escapeMarkdown(head, 40)}\`` : 'a later commit'}${run} failed ` +
    `before writing its report: ${escapeMarkdown(failure, 300)}. The report below is of an earlier commit.`;
  try {
    const client = createGitHubClient({ token: inputs.token, baseUrl: runner.apiUrl });
    const id = await markStickyStale(
      client,
      { owner: runner.owner, repo: runner.repo, number },
      { marker: stickyMarker(inputs.commentKey), notice },
    );
    if (id !== undefined) core.info(`Pull request comment ${id}: marked stale.`);
  } catch (error) {
    core.warning(`Could not mark the earlier comment stale: ${(error as Error).message}`);
  }
}

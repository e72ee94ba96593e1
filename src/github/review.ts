import { createHash } from 'node:crypto';
import { escapeMarkdown } from '../report/escape.js';
import type { GitHubClient } from './api.js';
import type { PullRequestRef } from './sticky-comment.js';

/** A fix to offer as a clickable suggestion: lines `line..endLine` of `path` (repository-relative) become `replacement`. */
export interface Suggestion {
  path: string;
  line: number;
  endLine: number;
  replacement: string;
  /** What the fix is for, shown above the suggestion (plain text from the pull request: escaped when shown). */
  subject: string;
}

/** A pull request review comment, as far as this module reads it. */
interface ReviewComment {
  id: number;
  node_id?: string;
  /** `https://github.com/<owner>/<repo>/pull/<n>#discussion_r<id>`: where the suggestion can be applied. */
  html_url?: string;
  body?: string | null;
  user?: { login?: string; type?: string } | null;
}

interface PullFile {
  filename: string;
  patch?: string;
}

export interface ReviewOutcome {
  /** Suggestions posted in this run's review. */
  posted: number;
  /** Suggestions an earlier run already posted, left as they are. */
  kept: number;
  /** Earlier suggestions that no longer apply, minimized as outdated. */
  minimized: number;
  /** Suggestions whose lines are not in the diff: GitHub takes no review comment there (they stay snippets). */
  outside: Suggestion[];
  /**
   * The review comment of each suggestion on the diff, this run's or the earlier one kept (its `html_url`), so the
   * sticky comment links to it instead of repeating the block. A suggestion whose comment has no address is left out.
   */
  links: { suggestion: Suggestion; url: string }[];
}

/**
 * The lines of the head side a unified diff patch shows (added and context lines): the only lines GitHub accepts
 * review comments on.
 */
export function diffLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let line = 0;
  for (const text of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    if (line === 0 || text.startsWith('-') || text.startsWith('\\')) continue;
    lines.add(line++);
  }
  return lines;
}

/** The hidden line that ties a review comment to this step and to the fix it suggests. */
function suggestionMarker(key: string, suggestion: Suggestion): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([suggestion.path, suggestion.line, suggestion.endLine, suggestion.replacement]))
    .digest('hex')
    .slice(0, 16);
  return `<!-- netpol-guard:${key}:suggestion:${hash} -->`;
}

/** A fence longer than any run of backticks in the text, so the suggestion cannot close it early. */
function fence(text: string): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  return '`'.repeat(longest + 1);
}

function commentBody(marker: string, suggestion: Suggestion): string {
  const ticks = fence(suggestion.replacement);
  // The subject names workloads and files of the pull request: escaped like the sticky comment's text.
  return `${marker}\n**netpol-guard** suggests, for ${escapeMarkdown(suggestion.subject, 300)}:\n\n${ticks}suggestion\n${suggestion.replacement}\n${ticks}\n`;
}

/**
 * Posts the fixes whose lines are in the pull request's diff as one review (`event: COMMENT`), each a clickable
 * ```suggestion on the lines it replaces. A fix an earlier run already suggested is not posted again; earlier
 * suggestions that no longer apply are minimized as outdated (GraphQL `minimizeComment`). Comments are recognised by
 * their hidden marker and an App author (or `author`), so a marker pasted by a person is never touched.
 */
export async function publishSuggestions(
  client: GitHubClient,
  pr: PullRequestRef & { headSha: string },
  options: {
    key: string;
    suggestions: readonly Suggestion[];
    author: string | undefined;
    graphqlUrl: string;
  },
): Promise<ReviewOutcome> {
  const repo = `/repos/${encodeURIComponent(pr.owner)}/${encodeURIComponent(pr.repo)}`;
  const [files, comments] = await Promise.all([
    client.paginate<PullFile>(`${repo}/pulls/${pr.number}/files?per_page=100`),
    client.paginate<ReviewComment>(`${repo}/pulls/${pr.number}/comments?per_page=100`),
  ]);
  const inDiff = new Map(files.map((file) => [file.filename, diffLines(file.patch ?? '')]));
  const prefix = `<!-- netpol-guard:${options.key}:suggestion:`;
  const ours = comments.filter(
    (c) =>
      (options.author === undefined ? c.user?.type === 'Bot' : c.user?.login === options.author) &&
      (c.body ?? '').startsWith(prefix),
  );
  const outside: Suggestion[] = [];
  const fresh: { marker: string; suggestion: Suggestion }[] = [];
  const current = new Set<string>();
  const onDiff: { marker: string; suggestion: Suggestion }[] = [];
  for (const suggestion of options.suggestions) {
    const lines = inDiff.get(suggestion.path);
    const covered = lines !== undefined && range(suggestion).every((line) => lines.has(line));
    if (!covered) {
      outside.push(suggestion);
      continue;
    }
    const marker = suggestionMarker(options.key, suggestion);
    onDiff.push({ marker, suggestion });
    if (current.has(marker)) continue;
    current.add(marker);
    if (!ours.some((c) => (c.body ?? '').startsWith(marker))) fresh.push({ marker, suggestion });
  }
  let posted: ReviewComment[] = [];
  if (fresh.length > 0) {
    const review = await client.request<{ id?: number }>('POST', `${repo}/pulls/${pr.number}/reviews`, {
      commit_id: pr.headSha,
      event: 'COMMENT',
      body: `netpol-guard: ${fresh.length === 1 ? 'a suggested fix' : `${fresh.length} suggested fixes`}, each verified against the head of this pull request.`,
      comments: fresh.map(({ marker, suggestion }) => ({
        path: suggestion.path,
        line: suggestion.endLine,
        side: 'RIGHT',
        ...(suggestion.line < suggestion.endLine ? { start_line: suggestion.line, start_side: 'RIGHT' } : {}),
        body: commentBody(marker, suggestion),
      })),
    });
    // The review's answer does not list its comments: their addresses are read back.
    if (typeof review.id === 'number') {
      posted = await client.paginate<ReviewComment>(
        `${repo}/pulls/${pr.number}/reviews/${review.id}/comments?per_page=100`,
      );
    }
  }
  const urlOf = (marker: string) =>
    [...posted, ...ours].find((c) => (c.body ?? '').startsWith(marker) && c.html_url)?.html_url;
  const links = onDiff.flatMap(({ marker, suggestion }) => {
    const url = urlOf(marker);
    return url ? [{ suggestion, url }] : [];
  });
  const stale = ours.filter((c) => ![...current].some((marker) => (c.body ?? '').startsWith(marker)));
  for (const comment of stale) {
    if (!comment.node_id) continue;
    await client.request('POST', options.graphqlUrl, {
      query:
        'mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) { minimizedComment { isMinimized } } }',
      variables: { id: comment.node_id },
    });
  }
  return { posted: fresh.length, kept: current.size - fresh.length, minimized: stale.length, outside, links };
}

function range(suggestion: Suggestion): number[] {
  const lines: number[] = [];
  for (let line = suggestion.line; line <= suggestion.endLine; line++) lines.push(line);
  return lines;
}

/** GraphQL's endpoint beside a REST base: `https://api.github.com/graphql`, or GHES's `/api/graphql`. */
export function graphqlUrl(apiUrl: string): string {
  const base = apiUrl.replace(/\/+$/, '');
  return /\/api\/v3$/.test(base) ? base.replace(/\/v3$/, '/graphql') : `${base}/graphql`;
}

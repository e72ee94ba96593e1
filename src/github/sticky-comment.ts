import { GitHubApiError, type GitHubClient } from './api.js';

/** The fields of an issue comment the sticky comment needs. */
export interface IssueComment {
  id: number;
  body?: string | null;
  user?: { login?: string } | null;
}

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

/** Who writes with the workflow's `GITHUB_TOKEN`, whose `GET /user` is refused. */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';

/** The hidden line that marks this step's comment; the key tells several netpol-guard steps apart. */
export function stickyMarker(key: string): string {
  return `<!-- netpol-guard:${key} -->`;
}

/**
 * The comment to update: the first one carrying `marker` that `author` wrote. The author matters: anyone can paste
 * the marker into a comment of their own, and the token could not edit it anyway.
 */
export function findStickyComment(
  comments: readonly IssueComment[],
  marker: string,
  author: string,
): IssueComment | undefined {
  return comments.find((c) => c.user?.login === author && (c.body ?? '').includes(marker));
}

/** The login the token writes comments as. */
export async function commentAuthor(client: GitHubClient): Promise<string> {
  try {
    const user = await client.request<{ login?: unknown }>('GET', '/user');
    if (typeof user.login === 'string' && user.login !== '') return user.login;
  } catch (error) {
    // An installation token (the GITHUB_TOKEN) may not read /user; anything else is a real failure.
    if (!(error instanceof GitHubApiError) || (error.status !== 403 && error.status !== 404)) throw error;
  }
  return GITHUB_ACTIONS_LOGIN;
}

export type CommentOutcome = { action: 'created' | 'updated' | 'unchanged'; id: number };

/**
 * Creates the pull request's sticky comment or updates it in place, so a pull request carries one report per
 * key however often it is pushed to. `on-change` leaves an identical comment alone (no notification, no API write).
 */
export async function upsertStickyComment(
  client: GitHubClient,
  pr: PullRequestRef,
  options: { marker: string; body: string; mode: 'always' | 'on-change' },
): Promise<CommentOutcome> {
  const body = options.body.includes(options.marker) ? options.body : `${options.marker}\n${options.body}`;
  const issue = `/repos/${encodeURIComponent(pr.owner)}/${encodeURIComponent(pr.repo)}/issues`;
  const [author, comments] = await Promise.all([
    commentAuthor(client),
    client.paginate<IssueComment>(`${issue}/${pr.number}/comments?per_page=100`),
  ]);
  const existing = findStickyComment(comments, options.marker, author);
  if (!existing) {
    const created = await client.request<IssueComment>('POST', `${issue}/${pr.number}/comments`, { body });
    return { action: 'created', id: created.id };
  }
  if (options.mode === 'on-change' && existing.body === body) return { action: 'unchanged', id: existing.id };
  await client.request<IssueComment>('PATCH', `${issue}/comments/${existing.id}`, { body });
  return { action: 'updated', id: existing.id };
}

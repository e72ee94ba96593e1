import { GitHubApiError, type GitHubClient } from './api.js';

/** The fields of an issue comment the sticky comment needs. */
export interface IssueComment {
  id: number;
  body?: string | null;
  /** `type` is `Bot` for GitHub Apps (the workflow's `GITHUB_TOKEN` is the `github-actions` App). */
  user?: { login?: string; type?: string } | null;
}

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

/** The hidden line that marks this step's comment; the key tells several netpol-guard steps apart. */
export function stickyMarker(key: string): string {
  return `<!-- netpol-guard:${key} -->`;
}

/**
 * The comment to update: the first one carrying `marker` that `author` wrote. The author matters: anyone can paste
 * the marker into a comment of their own. An installation token (the workflow's `GITHUB_TOKEN`, a GitHub App's
 * token) cannot ask who it is: its comments are written by an App, `github-actions[bot]` or `<app>[bot]`, so without
 * an `author` the first marked comment an App wrote is taken. People cannot write as an App, so a comment pasted
 * with the marker is never taken for this one.
 */
export function findStickyComment(
  comments: readonly IssueComment[],
  marker: string,
  author: string | undefined,
): IssueComment | undefined {
  const wrote = (c: IssueComment) =>
    author === undefined ? c.user?.type === 'Bot' : c.user?.login === author;
  return comments.find((c) => wrote(c) && (c.body ?? '').includes(marker));
}

/** The login the token writes comments as; undefined for an installation token, which `GET /user` refuses. */
export async function commentAuthor(client: GitHubClient): Promise<string | undefined> {
  try {
    const user = await client.request<{ login?: unknown }>('GET', '/user');
    if (typeof user.login === 'string' && user.login !== '') return user.login;
  } catch (error) {
    // Anything but the refusal an installation token gets is a real failure.
    if (!(error instanceof GitHubApiError) || (error.status !== 403 && error.status !== 404)) throw error;
  }
  return undefined;
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

import { GitHubApiError, isPermissionDenied, type GitHubClient } from './api.js';

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

/** Who the workflow's own `GITHUB_TOKEN` writes as. */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';

/**
 * The comments that may be this step's, in the order to try them: those carrying `marker` that `author` wrote. The
 * author matters: anyone can paste the marker into a comment of their own. An installation token (the workflow's
 * `GITHUB_TOKEN`, a GitHub App's token) cannot ask who it is: its comments are written by an App,
 * `github-actions[bot]` or `<app>[bot]`, so without an `author` the marked comments Apps wrote are candidates,
 * `github-actions[bot]`'s first. People cannot write as an App; another App can, and its comment is skipped when the
 * token cannot edit it (see {@link upsertStickyComment}).
 */
export function stickyCandidates(
  comments: readonly IssueComment[],
  marker: string,
  author: string | undefined,
): IssueComment[] {
  const wrote = (c: IssueComment) =>
    author === undefined ? c.user?.type === 'Bot' : c.user?.login === author;
  const marked = comments.filter((c) => wrote(c) && (c.body ?? '').includes(marker));
  const byActions = (c: IssueComment) => (c.user?.login === GITHUB_ACTIONS_LOGIN ? 0 : 1);
  return marked.sort((a, b) => byActions(a) - byActions(b));
}

/** The login the token writes comments as; undefined for an installation token, which `GET /user` refuses. */
export async function commentAuthor(client: GitHubClient): Promise<string | undefined> {
  try {
    const user = await client.request<{ login?: unknown }>('GET', '/user');
    if (typeof user.login === 'string' && user.login !== '') return user.login;
  } catch (error) {
    // Anything but the refusal an installation token gets is a real failure; a rate limit is not a refusal.
    const refused = error instanceof GitHubApiError && (error.status === 403 || error.status === 404);
    if (!refused || error.rateLimited) throw error;
  }
  return undefined;
}

export interface CommentOutcome {
  /** `none`: there was no comment of this token's to update, and `create: false` asked for no new one. */
  action: 'created' | 'updated' | 'unchanged' | 'none';
  /** Undefined only when `action` is `none`. */
  id: number | undefined;
  /** Marked comments by someone else (another App) that this token may not edit: left alone. */
  skipped: { id: number; login: string }[];
}

/**
 * Creates the pull request's sticky comment or updates it in place, so a pull request carries one report per
 * key however often it is pushed to. `on-change` leaves an identical comment alone (no notification, no API write),
 * but only one known to be this token's: another App's copy of the report must not stand in for it.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  pr: PullRequestRef,
  options: {
    marker: string;
    body: string;
    mode: 'always' | 'on-change';
    /** What `on-change` compares of two bodies (default: all of them); parts that change every run are left out. */
    comparable?: (body: string) => string;
    /** False: update this token's comment when there is one, create none (a quiet run). Default true. */
    create?: boolean;
  },
): Promise<CommentOutcome> {
  const comparable = options.comparable ?? ((text: string) => text);
  const body = options.body.includes(options.marker) ? options.body : `${options.marker}\n${options.body}`;
  const issue = `/repos/${encodeURIComponent(pr.owner)}/${encodeURIComponent(pr.repo)}/issues`;
  const [author, comments] = await Promise.all([
    commentAuthor(client),
    client.paginate<IssueComment>(`${issue}/${pr.number}/comments?per_page=100`),
  ]);
  const skipped: CommentOutcome['skipped'] = [];
  for (const existing of stickyCandidates(comments, options.marker, author)) {
    const ours = author !== undefined || existing.user?.login === GITHUB_ACTIONS_LOGIN;
    if (ours && options.mode === 'on-change' && comparable(existing.body ?? '') === comparable(body))
      return { action: 'unchanged', id: existing.id, skipped };
    try {
      await client.request<IssueComment>('PATCH', `${issue}/comments/${existing.id}`, { body });
      return { action: 'updated', id: existing.id, skipped };
    } catch (error) {
      // A read-only token cannot edit any comment: that is for the caller. Any other refusal is this comment's.
      if (!(error instanceof GitHubApiError) || error.status !== 403 || isPermissionDenied(error))
        throw error;
      skipped.push({ id: existing.id, login: existing.user?.login ?? 'unknown' });
    }
  }
  if (options.create === false) return { action: 'none', id: undefined, skipped };
  const created = await client.request<IssueComment>('POST', `${issue}/${pr.number}/comments`, { body });
  return { action: 'created', id: created.id, skipped };
}

/** Brackets the notice that says a comment is stale, so a later notice replaces it instead of stacking. */
const STALE_START = '<!-- netpol-guard:stale -->';
const STALE_END = '<!-- /netpol-guard:stale -->';

/** `body` with `notice` (Markdown made safe by the caller) under its marker line, in place of an earlier notice. */
export function staleBody(body: string, marker: string, notice: string): string {
  const start = body.indexOf(STALE_START);
  const end = body.indexOf(STALE_END);
  const report =
    start !== -1 && end > start ? body.slice(0, start) + body.slice(end + STALE_END.length + 1) : body;
  const rest = report.startsWith(marker) ? report.slice(marker.length).replace(/^\n/, '') : report;
  return `${marker}\n${STALE_START}\n${notice}\n${STALE_END}\n${rest}`;
}

/**
 * Marks this step's comment stale (a later run failed before it could write its report), so the pull request does
 * not keep showing an old verdict as if it were current. Resolves with the comment edited, or undefined when there
 * is none of this token's to edit.
 */
export async function markStickyStale(
  client: GitHubClient,
  pr: PullRequestRef,
  options: { marker: string; notice: string },
): Promise<number | undefined> {
  const issue = `/repos/${encodeURIComponent(pr.owner)}/${encodeURIComponent(pr.repo)}/issues`;
  const [author, comments] = await Promise.all([
    commentAuthor(client),
    client.paginate<IssueComment>(`${issue}/${pr.number}/comments?per_page=100`),
  ]);
  const [existing] = stickyCandidates(comments, options.marker, author).filter(
    (c) => author !== undefined || c.user?.login === GITHUB_ACTIONS_LOGIN,
  );
  if (!existing) return undefined;
  const body = staleBody(existing.body ?? '', options.marker, options.notice);
  await client.request<IssueComment>('PATCH', `${issue}/comments/${existing.id}`, { body });
  return existing.id;
}

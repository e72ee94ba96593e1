import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { git, GitError, nulSeparated } from './git.js';

/** A checkout of the base commit in a temporary directory; `remove` deletes it and its worktree entry. */
export interface BaseTree {
  sha: string;
  dir: string;
  remove(): Promise<void>;
}

/**
 * The commit `ref` names in `repo`, fetched from `origin` when the checkout does not have it (actions/checkout
 * fetches one commit by default). Throws an error that says how to fix the workflow when it cannot be had.
 */
export async function resolveBaseCommit(repo: string, ref: string): Promise<string> {
  // A ref is passed to git as an argument: one that reads as an option must never reach it.
  if (ref.startsWith('-')) throw new Error(`"${ref}" is not a commit, branch or tag name`);
  const local = await revParse(repo, ref);
  if (local) return local;
  try {
    await git(['fetch', '--no-tags', '--depth=1', 'origin', ref], repo);
  } catch (error) {
    const reason = error instanceof GitError ? firstLine(error.stderr) : String(error);
    throw new Error(
      `the base commit ${ref} is not in the checkout and fetching it from origin failed (${reason}). ` +
        'Set `fetch-depth: 0` on actions/checkout so the base commit is present.',
    );
  }
  const fetched = await revParse(repo, 'FETCH_HEAD');
  if (!fetched) throw new Error(`fetched ${ref} from origin but it is not a commit`);
  return fetched;
}

/** Checks `sha` out into a fresh directory under `parent` (a detached worktree: the workspace is left alone). */
export async function checkoutBaseTree(repo: string, sha: string, parent: string): Promise<BaseTree> {
  const dir = mkdtempSync(path.join(parent, 'netpol-guard-base-'));
  try {
    await git(['worktree', 'add', '--detach', '--quiet', dir, sha], repo);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    sha,
    dir,
    async remove() {
      // `worktree remove` can refuse (e.g. files a render command left behind): the directory goes anyway.
      await git(['worktree', 'remove', '--force', dir], repo).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
      await git(['worktree', 'prune'], repo).catch(() => undefined);
    },
  };
}

/**
 * Files that differ between `base` and the workspace (committed or not, plus untracked files), relative to the
 * repository root; every tracked file when there is no base (first push).
 */
export async function changedFiles(repo: string, base: string | undefined): Promise<Set<string>> {
  const tracked = base
    ? await git(['diff', '--name-only', '--no-renames', '-z', base, '--'], repo)
    : await git(['ls-files', '--full-name', '-z'], repo);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z'], repo);
  return new Set([...nulSeparated(tracked), ...nulSeparated(untracked)]);
}

/**
 * Lines added and deleted per file between `base` and the workspace, for `files` (relative to `repo`, the working
 * directory); keyed by path relative to the repository root. Files git counts no lines of (binary, gzip, untracked)
 * are absent.
 */
export async function changedLineCounts(
  repo: string,
  base: string,
  files: readonly string[],
): Promise<Map<string, { added: number; deleted: number }>> {
  const counts = new Map<string, { added: number; deleted: number }>();
  if (files.length === 0) return counts;
  // `:(literal)`: a file name is not a pathspec pattern (`*`, `[` are ordinary characters in it).
  const output = await git(
    ['diff', '--numstat', '--no-renames', '-z', base, '--', ...files.map((file) => `:(literal)${file}`)],
    repo,
  );
  for (const entry of nulSeparated(output)) {
    const [added, deleted, file] = entry.split('\t');
    if (file === undefined || added === '-' || deleted === '-') continue;
    counts.set(file, { added: Number(added), deleted: Number(deleted) });
  }
  return counts;
}

/** Where `dir` sits inside its repository (`''` at the root, else `sub/dir/`): joins workspace paths to repo paths. */
export async function repositoryPrefix(dir: string): Promise<string> {
  return (await git(['rev-parse', '--show-prefix'], dir)).trim();
}

/**
 * The repository holding `dir`: its root and where `dir` sits in it (as {@link repositoryPrefix}); undefined when
 * `dir` is in no git repository (or git is missing), so callers fall back to `dir` itself.
 */
export async function repositoryOf(dir: string): Promise<{ root: string; prefix: string } | undefined> {
  try {
    const [root, prefix] = (await git(['rev-parse', '--show-toplevel', '--show-prefix'], dir)).split('\n');
    return root ? { root, prefix: prefix ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

async function revParse(repo: string, ref: string): Promise<string | undefined> {
  try {
    return (
      await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], repo)
    ).trim();
  } catch {
    return undefined;
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';

/** Entries never searched for manifests: version control and dependencies. */
const SKIPPED_ENTRIES = new Set(['.git', 'node_modules']);

/** Files under `root` (POSIX paths relative to it, sorted), and the symbolic links that were left out. */
export interface TreeFiles {
  files: string[];
  symlinks: string[];
}

/**
 * Lists the regular files of a tree. Symbolic links are not followed: in a pull request they could point at files
 * outside the tree (`/proc/self/environ`, the runner's credentials) whose content would end up in the report.
 */
export function listTreeFiles(root: string): TreeFiles {
  const files: string[] = [];
  const symlinks: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      // In a linked worktree `.git` is a file pointing at the repository: skipped all the same.
      if (SKIPPED_ENTRIES.has(entry.name)) continue;
      if (entry.isSymbolicLink()) symlinks.push(name);
      else if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) files.push(name);
    }
  };
  walk('');
  return { files: files.sort(), symlinks: symlinks.sort() };
}

/**
 * The files matched by at least one pattern and by no `!` pattern (minimatch, paths relative to the tree). A
 * pattern may start with `./`, as people often write it.
 */
export function selectFiles(files: readonly string[], patterns: readonly string[]): string[] {
  const normalise = (pattern: string) => pattern.replace(/^\.\//, '');
  const include = patterns.filter((p) => !p.startsWith('!')).map(normalise);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => normalise(p.slice(1)));
  return files.filter(
    (file) => include.some((p) => minimatch(file, p)) && !exclude.some((p) => minimatch(file, p)),
  );
}

import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from './types.js';

/** A file to read: where it is, and its name in locations (relative to the root, forward slashes). */
export interface ManifestFile {
  absolute: string;
  name: string;
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const SKIPPED_FOLDERS = new Set(['node_modules']);

/** The name a file gets in locations and reports: relative to the root, with forward slashes on every OS. */
export function displayName(absolute: string, root: string): string {
  return path.relative(root, absolute).split(path.sep).join('/') || path.basename(absolute);
}

/**
 * The manifest files under `paths` (relative to `root` or absolute), sorted by name so results never depend on
 * the file system's order. Folders are walked for `.yaml`, `.yml` and `.json`, skipping `node_modules` and
 * hidden entries (`.git`, `.github`, tool configs such as `.gitlab-ci.yml`); a file named explicitly is read
 * whatever its name. Paths that cannot be read become diagnostics.
 */
export async function findManifestFiles(
  paths: readonly string[],
  root: string,
  diagnostics: Diagnostic[],
): Promise<ManifestFile[]> {
  const found = new Map<string, ManifestFile>();
  const visitedFolders = new Set<string>();
  const unreadable = (absolute: string, error: unknown) =>
    diagnostics.push({
      severity: 'error',
      code: 'unreadable',
      message: `cannot read ${JSON.stringify(displayName(absolute, root))}: ${describeError(error)}`,
      file: displayName(absolute, root),
    });
  const addFile = (absolute: string) => found.set(absolute, { absolute, name: displayName(absolute, root) });

  const walk = async (folder: string): Promise<void> => {
    let entries: Dirent[];
    try {
      // Symbolic links may loop back to a folder already walked: remember folders by their real path.
      const real = await realpath(folder);
      if (visitedFolders.has(real)) return;
      visitedFolders.add(real);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      unreadable(folder, error);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const absolute = path.join(folder, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(absolute).catch(() => undefined);
        isFolder = target?.isDirectory() ?? false;
        // A dangling link named like a manifest is kept, so that reading it reports the problem.
        isFile = target === undefined || target.isFile();
      }
      if (isFolder) await walk(absolute);
      else if (isFile && MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) addFile(absolute);
    }
  };

  for (const given of paths) {
    const absolute = path.resolve(root, given);
    try {
      const info = await stat(absolute);
      if (info.isDirectory()) await walk(absolute);
      else addFile(absolute);
    } catch (error) {
      unreadable(absolute, error);
    }
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `ENOENT: no such file or directory, stat '/x'` reads better as `no such file or directory`. */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}

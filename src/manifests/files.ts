import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside, symlinkOnPath } from '../files/contained.js';
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
 * whatever its name. Paths that cannot be read become diagnostics. Symbolic links below `root` are never followed
 * (a pull request may link a manifest name to any file of the runner): each one that would have been read is an
 * error naming it. A path given outside `root` is the caller's choice and is taken as given, its entries are not.
 */
export async function findManifestFiles(
  paths: readonly string[],
  root: string,
  diagnostics: Diagnostic[],
): Promise<ManifestFile[]> {
  const found = new Map<string, ManifestFile>();
  const unreadable = (absolute: string, error: unknown) =>
    diagnostics.push({
      severity: 'error',
      code: 'unreadable',
      message: `cannot read ${JSON.stringify(displayName(absolute, root))}: ${describeError(error)}`,
      file: displayName(absolute, root),
    });
  const notFollowed = (absolute: string, link: string) =>
    diagnostics.push(symlinkDiagnostic(displayName(absolute, root), link));
  const addFile = (absolute: string) => found.set(absolute, { absolute, name: displayName(absolute, root) });

  const walk = async (folder: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      unreadable(folder, error);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const absolute = path.join(folder, entry.name);
      const manifestName = MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase());
      if (entry.isSymbolicLink()) {
        // Only links that would have been read are worth an error: a folder, or a file named like a manifest.
        const linksFolder = (await stat(absolute).catch(() => undefined))?.isDirectory() ?? false;
        if (manifestName || linksFolder) notFollowed(absolute, displayName(absolute, root));
      } else if (entry.isDirectory()) await walk(absolute);
      else if (entry.isFile() && manifestName) addFile(absolute);
    }
  };

  for (const given of paths) {
    const absolute = path.resolve(root, given);
    const link = isInside(root, absolute) ? symlinkOnPath(root, absolute) : undefined;
    if (link !== undefined) {
      notFollowed(absolute, link);
      continue;
    }
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

/** The error for a path that is, or lies under, a symbolic link (`link`) that was not followed. */
export function symlinkDiagnostic(file: string, link: string): Diagnostic {
  return {
    severity: 'error',
    code: 'symlink',
    message:
      `${JSON.stringify(link)} is a symbolic link: it is not followed (it could point outside the repository), ` +
      'so what it points to is not analysed. Name the target itself',
    file,
  };
}

/** `ENOENT: no such file or directory, stat '/x'` reads better as `no such file or directory`. */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'is a symbolic link, which is not followed';
  return error instanceof Error ? error.message : String(error);
}

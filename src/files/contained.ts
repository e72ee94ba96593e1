import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/**
 * Reading and writing files of a tree a pull request controls. A pull request can commit a symbolic link anywhere
 * (`.netpol-guard.yaml -> ../.git/config`, `netpol-guard.sarif -> ~/.bashrc`, a linked parent folder): following it
 * reads or writes outside the tree, with the runner's rights. These helpers never follow one below the root.
 */

/** Why a path of a tree is refused; the message names the path, never what a file holds. */
export class UnsafePathError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'UnsafePathError';
  }
}

/** True when `absolute` is `root` or lies below it (lexically: `..` segments are resolved first). */
export function isInside(root: string, absolute: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(absolute));
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  );
}

/**
 * The first entry on the way from `root` down to `absolute` (both included, `root` excluded) that is a symbolic
 * link, relative to `root`; undefined when there is none, or when the path does not exist past some point (a
 * missing entry cannot be a link). `absolute` must be inside `root`.
 */
export function symlinkOnPath(root: string, absolute: string): string | undefined {
  const segments = path.relative(path.resolve(root), path.resolve(absolute)).split(path.sep).filter(Boolean);
  let current = path.resolve(root);
  for (const [index, segment] of segments.entries()) {
    current = path.join(current, segment);
    const info = lstatSync(current, { throwIfNoEntry: false });
    if (info === undefined) return undefined;
    if (info.isSymbolicLink()) return segments.slice(0, index + 1).join('/');
  }
  return undefined;
}

/**
 * Reads a file of the tree under `root` without following a symbolic link at it or in a folder above it (up to
 * `root`), and only when it is a regular file of at most `maxBytes`. Throws an {@link UnsafePathError} (or the
 * file system's error, e.g. ENOENT) otherwise.
 */
export function readFileInside(root: string, absolute: string, maxBytes = Number.MAX_SAFE_INTEGER): Buffer {
  const shown = displayPath(root, absolute);
  if (!isInside(root, absolute)) throw new UnsafePathError(shown, 'is outside the tree, so it is not read');
  const link = symlinkOnPath(root, absolute);
  if (link !== undefined) throw new UnsafePathError(shown, linkReason(link, 'read'));
  // O_NOFOLLOW closes the gap between the check above and the open for the last entry.
  const fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new UnsafePathError(shown, 'is not a regular file, so it is not read');
    if (info.size > maxBytes)
      throw new UnsafePathError(shown, `has ${info.size} bytes, more than the ${maxBytes} read`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `text` to `absolute`, which must be inside one of `roots` (the workspace, `RUNNER_TEMP`): the folders on the
 * way are created as needed, and neither they nor the file may be a symbolic link, so the write cannot land outside
 * the root. Throws an {@link UnsafePathError} naming the path otherwise.
 */
export function writeFileInside(roots: readonly string[], absolute: string, text: string): void {
  const root = roots.find((candidate) => isInside(candidate, absolute));
  if (root === undefined) {
    throw new UnsafePathError(absolute, `is outside ${roots.join(' and ')}, so it is not written`);
  }
  const shown = displayPath(root, absolute);
  const segments = path.relative(path.resolve(root), path.resolve(absolute)).split(path.sep).filter(Boolean);
  if (segments.length === 0) throw new UnsafePathError(shown, 'is a folder, not a file');
  let folder = path.resolve(root);
  for (const [index, segment] of segments.slice(0, -1).entries()) {
    folder = path.join(folder, segment);
    const info = lstatSync(folder, { throwIfNoEntry: false });
    if (info === undefined) mkdirSync(folder);
    else if (info.isSymbolicLink())
      throw new UnsafePathError(shown, linkReason(segments.slice(0, index + 1).join('/'), 'written'));
    else if (!info.isDirectory())
      throw new UnsafePathError(shown, `${segments.slice(0, index + 1).join('/')} is not a folder`);
  }
  writeFileNoFollow(path.join(folder, segments[segments.length - 1] ?? ''), text, shown);
}

/**
 * Writes `text` to a regular file, never through a symbolic link at `absolute` itself (the folders above it are the
 * caller's business; see {@link writeFileInside}). `shown` names the file in errors.
 */
export function writeFileNoFollow(absolute: string, text: string, shown = absolute): void {
  let fd: number;
  try {
    fd = openSync(
      absolute,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
      0o644,
    );
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ELOOP')
      throw new UnsafePathError(shown, linkReason(shown, 'written'));
    throw error;
  }
  try {
    if (!fstatSync(fd).isFile())
      throw new UnsafePathError(shown, 'is not a regular file, so it is not written');
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

function linkReason(link: string, verb: 'read' | 'written'): string {
  return `${link} is a symbolic link, which is not followed (it could point outside the tree), so this is not ${verb}`;
}

function displayPath(root: string, absolute: string): string {
  const relative = path.relative(path.resolve(root), path.resolve(absolute));
  return relative === '' || relative.startsWith('..') ? absolute : relative.split(path.sep).join('/');
}

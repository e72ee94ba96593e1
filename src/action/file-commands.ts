import { lstatSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** The runner's file commands: what a step writes there sets later steps' environment, PATH, outputs and state. */
const FILE_COMMANDS = [
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
] as const;

/** A snapshot of the file commands, to undo what code run in between wrote to them. */
export interface FileCommandGuard {
  /** Puts back every file that changed since the snapshot; resolves with their variable names. */
  restore(): string[];
}

/**
 * Remembers the content of the file-command files named in `env`. A render command is not told where they are, but
 * it runs as the runner's user and can find them (they sit under `RUNNER_TEMP`): what it wrote is undone before the
 * step ends, when the runner reads them.
 */
export function guardFileCommands(env: NodeJS.ProcessEnv): FileCommandGuard {
  const snapshot = FILE_COMMANDS.flatMap((name) => {
    const file = env[name];
    return file ? [{ name, file, content: contentOf(file) }] : [];
  });
  return {
    restore() {
      const changed = snapshot.filter(({ file, content }) => !sameContent(contentOf(file), content));
      for (const { file, content } of changed) {
        // Removed first: the file may have been replaced by a symbolic link, which must not be written through.
        rmSync(file, { force: true });
        if (typeof content !== 'string') writeFileSync(file, content, { flag: 'wx' });
      }
      return changed.map(({ name }) => name);
    },
  };
}

/** A file's bytes; what stands at the path when it is not a regular file. */
type Content = Buffer | 'missing' | 'not a file';

function contentOf(file: string): Content {
  try {
    return lstatSync(file).isFile() ? readFileSync(file) : 'not a file';
  } catch {
    return 'missing';
  }
}

function sameContent(a: Content, b: Content): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.equals(b);
}

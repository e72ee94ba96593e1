import { execFile } from 'node:child_process';

/** A git command that failed, with what git said on stderr. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed: ${stderr.trim() || 'no message'}`);
    this.name = 'GitError';
  }
}

/** Runs git in `cwd` and resolves with its stdout. No shell: arguments are passed as they are. */
export function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      // Large repositories list many files; terminal prompts would hang a CI job forever.
      { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => {
        if (error) reject(new GitError(args, stderr || error.message));
        else resolve(stdout);
      },
    );
  });
}

/** Splits `-z` output (NUL-terminated names). */
export function nulSeparated(output: string): string[] {
  return output.split('\0').filter((name) => name !== '');
}

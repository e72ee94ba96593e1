import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throwaway git repository for tests: files are written, committed, and the commit's sha returned. */
export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes `files` (path → content, or `null` to delete) and commits them; resolves with the new commit. */
  commit(message: string, files: Record<string, string | null>): string;
  /** Copies a folder (e.g. a fixture tree) to `target` inside the repository, replacing what was there. */
  copyTree(source: string, target: string): void;
}

/** A temporary directory removed by the returned function. */
export function temporaryDirectory(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `git init` in `dir` with an identity and no signing, so commits work on any machine. */
export function createTestRepo(dir: string): TestRepo {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
      },
    }).trim();
  git('init', '--quiet', '--initial-branch=main');
  git('config', 'commit.gpgsign', 'false');
  return {
    dir,
    git,
    commit(message, files) {
      for (const [file, content] of Object.entries(files)) {
        const absolute = path.join(dir, file);
        if (content === null) {
          rmSync(absolute, { force: true });
        } else {
          mkdirSync(path.dirname(absolute), { recursive: true });
          writeFileSync(absolute, content);
        }
      }
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    copyTree(source, target) {
      rmSync(path.join(dir, target), { recursive: true, force: true });
      cpSync(source, path.join(dir, target), { recursive: true });
    },
  };
}

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUNDLE = path.join(ROOT, 'dist/index.js');

/**
 * Builds dist/ when it is older than a source file, so the end-to-end tests run the bundle of the code under test.
 * Only when stale: CI builds just before the tests, and rebuilding then would pull dist/ from under other test files
 * that run the CLI bundle at the same time.
 */
export function ensureFreshBundle(): string {
  const sources = [
    path.join(ROOT, 'package.json'),
    path.join(ROOT, 'scripts/build.mjs'),
    ...walk(path.join(ROOT, 'src')),
  ];
  const newestSource = Math.max(...sources.map((file) => statSync(file).mtimeMs));
  if (!existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < newestSource) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  return BUNDLE;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

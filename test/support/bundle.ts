import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUNDLE = path.join(ROOT, 'dist/index.js');

/**
 * Builds dist/ when its recorded source hash differs from the sources' (scripts/build.mjs --if-stale), so the
 * end-to-end tests run the bundle of the code under test. Only when stale: CI builds just before the tests, and
 * rebuilding then would pull dist/ from under other test files that run the CLI bundle at the same time.
 */
export function ensureFreshBundle(): string {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  return BUNDLE;
}

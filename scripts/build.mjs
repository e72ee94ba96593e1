// The one build script: bundles the Action (dist/index.js), the CLI (dist/cli.js) and the flow-reading worker they
// start (dist/flows-worker.js) with esbuild.
// dist/ is committed; CI rebuilds it and fails when the committed copy differs.
// `--if-stale` builds only when dist/source-hash differs from the sources' hash (what the end-to-end tests call:
// a checkout or a stash changes mtimes but not content, so times cannot tell a stale bundle).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const entries = [
  { in: 'src/action/index.ts', out: 'index' },
  { in: 'src/cli/index.ts', out: 'cli' },
  // Reads flow logs on a second thread during a check (src/flows/background.ts finds it next to the bundles).
  { in: 'src/flows/worker.ts', out: 'flows-worker' },
].filter((e) => existsSync(e.in));

const HASH_FILE = 'dist/source-hash';
const hash = sourceHash();
if (
  process.argv.includes('--if-stale') &&
  existsSync(HASH_FILE) &&
  readFileSync(HASH_FILE, 'utf8').trim() === hash
)
  process.exit(0);

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outExtension: { '.js': '.js' },
  legalComments: 'none',
  logLevel: 'warning',
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __ngCreateRequire } from 'node:module'; const require = __ngCreateRequire(import.meta.url);",
  },
});
writeFileSync(HASH_FILE, `${hash}\n`);

/** SHA-256 over what the bundle is built from: this script, the lock file and every file under src/, by path. */
function sourceHash() {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
    );
  const files = ['scripts/build.mjs', 'package.json', 'package-lock.json', ...walk('src')].sort();
  const digest = createHash('sha256');
  for (const file of files)
    digest
      .update(`${file.replace(/\\/g, '/')}\0`)
      .update(readFileSync(file))
      .update('\0');
  return digest.digest('hex');
}

// The one build script: bundles the Action (dist/index.js), the CLI (dist/cli.js) and the flow-reading worker they
// start (dist/flows-worker.js) with esbuild.
// dist/ is committed; CI rebuilds it and fails when the committed copy differs.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';

const entries = [
  { in: 'src/action/index.ts', out: 'index' },
  { in: 'src/cli/index.ts', out: 'cli' },
  // Reads flow logs on a second thread during a check (src/flows/background.ts finds it next to the bundles).
  { in: 'src/flows/worker.ts', out: 'flows-worker' },
].filter((e) => existsSync(e.in));

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

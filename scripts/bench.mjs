// `npm run bench`: bundles the benchmark (scripts/bench/main.ts and the pipeline it measures, from src/) into
// node_modules/.cache (out of the linters' way) and runs it with this command's arguments.
// See scripts/bench/main.ts and docs/performance.md.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const outdir = 'node_modules/.cache/netpol-guard-bench';
const bundle = `${outdir}/bench.js`;
await build({
  // The flow-reading worker sits next to the bench bundle, as dist/ has it next to the Action's.
  entryPoints: [
    { in: 'scripts/bench/main.ts', out: 'bench' },
    { in: 'src/flows/worker.ts', out: 'flows-worker' },
  ],
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __ngCreateRequire } from 'node:module'; const require = __ngCreateRequire(import.meta.url);",
  },
});
const run = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_SIZES, generateBenchTree, type BenchSize, type GeneratedTree } from './generate.js';
import { measure, type MeasureInput, type MeasureMode, type Measurement } from './measure.js';

/**
 * `npm run bench [-- --size small|medium|large|all] [--runs N] [--profile]`: generates (or reuses) each size's tree
 * and flow log under `.bench/`, measures the check in child processes (best of N runs, default 2) and prints
 * per-phase times, the JSON.parse floor, the whole check's ratio to it, peak RSS and how each phase grows from
 * medium to large. Results also go to `.bench/results.json`.
 */

const BUNDLE = fileURLToPath(import.meta.url);
// `npm run` runs scripts from the package root.
const REPO = process.cwd();
const WORK = join(REPO, '.bench');

const PHASES = [
  'load',
  'model',
  'lint',
  'connectivity base',
  'connectivity head',
  'diff',
  'flow read+aggregate',
  'replay',
] as const;

interface SizeResult {
  size: BenchSize;
  tree: GeneratedTree;
  phases: Measurement;
  whole: Measurement;
  manifests: Measurement;
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') {
    const [, mode, json] = argv;
    const result = await measure(mode as MeasureMode, JSON.parse(json!) as MeasureInput);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const sizeArg = option(argv, '--size') ?? 'all';
  const names = sizeArg === 'all' ? Object.keys(BENCH_SIZES) : [sizeArg];
  const sizes = names.map((name) => {
    const size = BENCH_SIZES[name];
    if (!size) throw new Error(`unknown size ${name}: small, medium, large or all`);
    return size;
  });
  const profile = argv.includes('--profile');
  const runs = Number(option(argv, '--runs') ?? 2);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number from 1');

  console.log(machine());
  const results: SizeResult[] = [];
  for (const size of sizes) {
    const tree = await prepare(size);
    const input: MeasureInput = { base: tree.base, head: tree.head, flows: tree.flows };
    const result: SizeResult = {
      size,
      tree,
      phases: bestOf(runs, () => child('phases', input)),
      whole: bestOf(runs, () => child('whole', input)),
      manifests: bestOf(runs, () => child('manifests', input)),
    };
    results.push(result);
    printSize(result);
    if (profile) {
      const dir = join(WORK, 'profiles', size.name);
      child('whole', input, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
      console.log(`  CPU profile of the whole check: ${dir}/ (open in Chrome DevTools > Performance)`);
    }
  }
  const medium = results.find((r) => r.size.name === 'medium');
  const large = results.find((r) => r.size.name === 'large');
  if (medium && large) printGrowth(medium, large);
  writeFileSync(join(WORK, 'results.json'), `${JSON.stringify({ machine: machine(), results }, null, 2)}\n`);
}

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  if (index >= 0) return argv[index + 1];
  const inline = argv.find((arg) => arg.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

function machine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `machine: ${cpus().length} cores, ${model}, Node ${process.version}`;
}

/** Reuses a generated tree when the generator has not changed since (the large one takes a while to write). */
async function prepare(size: BenchSize): Promise<GeneratedTree> {
  const generator = readFileSync(join(REPO, 'scripts', 'bench', 'generate.ts'));
  const stamp = createHash('sha256').update(generator).update(size.name).digest('hex').slice(0, 16);
  const dir = join(WORK, 'data', size.name);
  const marker = join(dir, 'generated.json');
  if (existsSync(marker)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8')) as { stamp: string; tree: GeneratedTree };
    if (saved.stamp === stamp) return saved.tree;
  }
  const start = performance.now();
  const tree = await generateBenchTree(size, dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(marker, JSON.stringify({ stamp, tree }));
  console.log(`generated ${size.name} in ${seconds(performance.now() - start)}`);
  return tree;
}

function child(mode: MeasureMode, input: MeasureInput, nodeFlags: string[] = []): Measurement {
  const run = spawnSync(process.execPath, [...nodeFlags, BUNDLE, '--child', mode, JSON.stringify(input)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`benchmark child (${mode}) failed with status ${run.status}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Measurement;
}

/**
 * The best of several runs, each in its own process: per step the shortest time (a shared machine only ever adds
 * time; short phases of the medium size would otherwise carry their share of noise into the growth ratios), the
 * largest peak RSS, the least CPU time.
 */
function bestOf(runs: number, measure: () => Measurement): Measurement {
  const all = Array.from({ length: runs }, measure);
  const [first] = all as [Measurement];
  const times: Record<string, number> = {};
  for (const key of Object.keys(first.times))
    times[key] = Math.min(...all.map((measured) => measured.times[key] ?? Infinity));
  return {
    times,
    counts: first.counts,
    peakRssBytes: Math.max(...all.map((measured) => measured.peakRssBytes)),
    cpuMs: Math.min(...all.map((measured) => measured.cpuMs)),
  };
}

function seconds(ms: number): string {
  return ms >= 10_000
    ? `${(ms / 1000).toFixed(1)} s`
    : ms >= 1000
      ? `${(ms / 1000).toFixed(2)} s`
      : `${ms.toFixed(0)} ms`;
}

function mib(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}

function row(label: string, value: string, note = ''): string {
  return `  ${label.padEnd(28)}${value.padStart(10)}${note ? `  ${note}` : ''}`;
}

function printSize({ size, tree, phases, whole, manifests }: SizeResult): void {
  const n = (value: number) => value.toLocaleString('en-US');
  console.log(
    `\n${size.name}: ${n(tree.workloads)} workloads in ${n(tree.namespaces)} namespaces, ` +
      `${n(tree.basePolicies)} policies (head ${n(tree.headPolicies)}), ` +
      `${n(tree.flowLines)} flow lines (${mib(tree.flowBytes)})`,
  );
  const c = phases.counts;
  const notes: Record<string, string> = {
    'connectivity base': `${n(c.connectionsBase ?? 0)} connections`,
    'connectivity head': `${n(c.connectionsHead ?? 0)} connections`,
    diff: `${n(c.opened ?? 0)} opened, ${n(c.closed ?? 0)} closed`,
    lint: `${n(c.findings ?? 0)} findings (both sides)`,
    'flow read+aggregate': `${n(c.flowRecords ?? 0)} records -> ${n(c.aggregatedFlows ?? 0)} flows`,
    replay: `${n(c.brokenFlows ?? 0)} broken`,
  };
  for (const phase of PHASES) console.log(row(phase, seconds(phases.times[phase] ?? 0), notes[phase]));
  console.log(row('report rendering', seconds(whole.times.report ?? 0), 'JSON + Markdown'));
  console.log(row('phases peak RSS', mib(phases.peakRssBytes)));
  const floor = whole.times.floor ?? 0;
  const check = whole.times.check ?? 0;
  console.log(row('floor (JSON.parse per line)', seconds(floor)));
  console.log(row('whole check', seconds(check), '`check --format json`, in process'));
  console.log(row('whole check / floor', `${(check / floor).toFixed(2)}x`));
  console.log(row('whole check peak RSS', mib(whole.peakRssBytes)));
  console.log(row('whole check CPU time', seconds(whole.cpuMs), 'user + system, with the floor'));
  console.log(row('manifests-only check', seconds(manifests.times.check ?? 0), mib(manifests.peakRssBytes)));
  console.log(row('manifests-only CPU time', seconds(manifests.cpuMs)));
}

/**
 * How each phase grows from medium to large, next to how what it reads (its input) and what it produces (its output)
 * grow: no phase should grow faster than its input, or, where the output itself outgrows the input (every path a
 * `namespaceSelector: {}` edit opens is reported), faster than its output.
 */
function printGrowth(medium: SizeResult, large: SizeResult): void {
  const growth = (from: number | undefined, to: number | undefined) => (to ?? 0) / (from ?? 1);
  const count = (key: string) => growth(medium.phases.counts[key], large.phases.counts[key]);
  const workloads = growth(medium.tree.workloads, large.tree.workloads);
  const lines = growth(medium.tree.flowLines, large.tree.flowLines);
  const size: Record<string, { input: number; output?: number }> = {
    load: { input: workloads },
    model: { input: workloads },
    lint: { input: workloads },
    'connectivity base': { input: workloads, output: count('connectionsBase') },
    'connectivity head': { input: workloads, output: count('connectionsHead') },
    diff: { input: workloads, output: count('opened') },
    'flow read+aggregate': { input: lines, output: count('aggregatedFlows') },
    replay: { input: count('aggregatedFlows') },
    'report rendering': { input: growth(medium.whole.counts.jsonBytes, large.whole.counts.jsonBytes) },
    'whole check': { input: Math.max(workloads, lines) },
    'manifests-only check': { input: workloads },
  };
  const times: Record<string, [number | undefined, number | undefined]> = {
    ...Object.fromEntries(
      PHASES.map((phase) => [phase, [medium.phases.times[phase], large.phases.times[phase]]]),
    ),
    'report rendering': [medium.whole.times.report, large.whole.times.report],
    'whole check': [medium.whole.times.check, large.whole.times.check],
    'manifests-only check': [medium.manifests.times.check, large.manifests.times.check],
  };
  const x = (ratio: number) => `x${ratio.toFixed(1)}`;
  console.log('\nmedium -> large: time, input (output) and whether the time grows within them');
  for (const [phase, [from, to]] of Object.entries(times)) {
    const time = growth(from, to);
    const { input, output } = size[phase]!;
    const within =
      time <= input * 1.05 ? 'within input' : output && time <= output ? 'within output' : 'FASTER';
    const sizes = `${x(input)}${output === undefined ? '' : ` (${x(output)})`}`;
    console.log(`  ${phase.padEnd(28)}${x(time).padStart(10)}  ${sizes.padEnd(16)}${within}`);
  }
  console.log(
    '  (input: workloads, flow lines, aggregated flows for the replay, the JSON result for the report; output:\n' +
      '   connections, opened paths, aggregated flows; within: at most 5% above, the spread of best-of-N runs)',
  );
}

await main(process.argv.slice(2));

import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFlowsInBackground } from '../../src/flows/background.js';
import { readFlows } from '../../src/flows/read.js';

const FILES = [
  resolve('fixtures/flows/hubble/basic-sample-400-tcp-flows.json'),
  resolve('fixtures/flows/calico/flows.log'),
  resolve('fixtures/flows/does-not-exist.jsonl'),
];

/** A program like the bundled Action: it reads the flows through background.ts and prints the result. */
const PROGRAM = `
import { readFlowsInBackground } from ${JSON.stringify(resolve('src/flows/background.ts'))};
const result = await readFlowsInBackground(JSON.parse(process.argv[2]));
process.stdout.write(JSON.stringify(result));
`;

/** A program that gives up on its read (as a check that fails does) and must then be able to exit. */
const ABANDONING_PROGRAM = `
import { readFlowsInBackground } from ${JSON.stringify(resolve('src/flows/background.ts'))};
const stop = new AbortController();
void readFlowsInBackground(JSON.parse(process.argv[2]), { signal: stop.signal }).then(() => console.log('answered'));
setTimeout(() => stop.abort(), 50);
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netpol-guard-background-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Bundles the program, with the worker next to it when asked, as scripts/build.mjs lays out dist/. */
async function bundle(withWorker: boolean, program = PROGRAM): Promise<string> {
  const out = await mkdtemp(join(dir, 'bundle-'));
  await writeFile(join(out, 'program.ts'), program);
  await build({
    entryPoints: [
      { in: join(out, 'program.ts'), out: 'program' },
      ...(withWorker ? [{ in: resolve('src/flows/worker.ts'), out: 'flows-worker' }] : []),
    ],
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  return join(out, 'program.js');
}

const runProgram = (program: string) =>
  // The timeout only keeps a regression from hanging the suite: a hanging program fails the test.
  execFileSync(process.execPath, [program, JSON.stringify(FILES)], { encoding: 'utf8', timeout: 60_000 });
const runBundled = (program: string) => JSON.parse(runProgram(program)) as unknown;

describe('readFlowsInBackground', () => {
  it('reads in this thread, with the same result, when no worker is bundled (running the sources)', async () => {
    expect(await readFlowsInBackground(FILES)).toEqual(await readFlows(FILES));
  });

  it('gives the result readFlows gives, skipped files included, from the bundled worker', async () => {
    const expected = JSON.parse(JSON.stringify(await readFlows(FILES))) as unknown;
    expect(runBundled(await bundle(true))).toEqual(expected);
    expect(runBundled(await bundle(false))).toEqual(expected);
  });

  it('takes the answer of the worker next to the bundle', async () => {
    const program = await bundle(false);
    const answer = { flows: [], stats: { records: 7, skipped: 0, ignored: 0, skippedSamples: [] } };
    await writeFile(
      join(dirname(program), 'flows-worker.js'),
      `import { parentPort } from 'node:worker_threads'; parentPort.postMessage(${JSON.stringify(answer)});`,
    );
    expect(runBundled(program)).toEqual(answer);
  });

  it('reads in this thread when the worker dies without answering', async () => {
    const expected = JSON.parse(JSON.stringify(await readFlows(FILES))) as unknown;
    const program = await bundle(false);
    await writeFile(join(dirname(program), 'flows-worker.js'), `throw new Error('worker broke');`);
    expect(runBundled(program)).toEqual(expected);
    await writeFile(join(dirname(program), 'flows-worker.js'), `process.exit(3);`);
    expect(runBundled(program)).toEqual(expected);
  });

  it('stops a worker that has not answered once the read is given up, so the process can exit', async () => {
    const program = await bundle(false, ABANDONING_PROGRAM);
    // A worker that never answers nor ends: only terminating it lets the program exit.
    await writeFile(join(dirname(program), 'flows-worker.js'), `setInterval(() => {}, 1000);`);
    expect(runProgram(program)).toBe('');
  });

  it('stops reading in this thread once the read is given up', async () => {
    const result = await readFlowsInBackground(FILES, { signal: AbortSignal.abort() });
    expect(result.flows).toEqual([]);
    expect(result.stats.records).toBe(0);
  });
});

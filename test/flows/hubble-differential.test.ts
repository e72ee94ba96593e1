import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_SIZES, generateBenchTree } from '../../scripts/bench/generate.js';
import { readFlows } from '../../src/flows/read.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netpol-guard-hubble-differential-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Hubble reader, lines read off their bytes', () => {
  // The benchmark's generated export: pods named again and again, requests seen twice, replies, drops, world peers.
  it('reads a realistic export exactly as when every line is parsed', async () => {
    const tree = await generateBenchTree(BENCH_SIZES.small!, join(dir, 'tree'));
    const text = await readFile(tree.flows, 'utf8');
    // A space after the opening brace is the same JSON, but not the layout the byte reader takes.
    const parsedOnly = join(dir, 'parsed-only.jsonl');
    await writeFile(parsedOnly, text.replaceAll('{"flow":{', '{ "flow":{'));
    const [read, parsed] = await Promise.all([readFlows([tree.flows]), readFlows([parsedOnly])]);
    expect(read.flows.length).toBeGreaterThan(400);
    expect(read.flows).toEqual(parsed.flows);
    expect({ ...read, flows: [] }).toEqual({ ...parsed, flows: [] });
  });
});

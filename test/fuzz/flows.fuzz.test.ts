import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFlows } from '../../src/flows/read.js';
import { tempFolder } from '../hostile/support.js';
import { mutated, noisyText, readText } from './corpus.js';

/**
 * The flow readers over random and mutated lines, through `readFlows` on real files: it never throws, counts at most
 * one outcome per record, and every sample names the file and one of its lines.
 */
const LOGS = [
  'fixtures/flows/hubble/basic-sample-10-flows.json',
  'fixtures/flows/hubble/synthetic-verdicts.jsonl',
  'fixtures/flows/calico/flows.log',
  'fixtures/flows/native/flows.jsonl',
  'fixtures/flows/native/flows.csv',
  'fixtures/flows/native/flows.yaml',
  'fixtures/flows/native/flows.json',
  'fixtures/hostile-flows/wrong-types.jsonl',
  'fixtures/hostile-flows/native-wrong-types.jsonl',
];
const lines = LOGS.flatMap((file) => readText(file).split('\n'));
const texts = LOGS.map(readText);

const folder = tempFolder('flow-fuzz');
let written = 0;

async function expectReadable(
  content: string,
  format: 'auto' | 'hubble' | 'calico' | 'native',
): Promise<void> {
  const file = path.join(folder, `flows-${written++}.log`);
  writeFileSync(file, content);
  const { stats, flows } = await readFlows([file], { format, root: folder, maxLineBytes: 4096 });
  const lineCount = content.split('\n').length;
  // At most one outcome per record: a record has a line of its own or, in a document read whole (a JSON array, a YAML
  // flow sequence), is separated from the next by a comma. (A native record may stand for several connections, and
  // a Calico record for flows of two reporters: records, not flows, are bounded.)
  const commas = content.split(',').length - 1;
  expect(stats.skipped).toBeLessThanOrEqual(lineCount + commas);
  for (const sample of stats.skippedSamples) {
    expect(sample.file).toBe(path.basename(file));
    expect(sample.line).toBeGreaterThanOrEqual(0);
    expect(sample.line).toBeLessThanOrEqual(lineCount);
    expect(sample.reason).not.toBe('');
  }
  for (const flow of flows) {
    expect(flow.port).toBeGreaterThanOrEqual(1);
    expect(flow.port).toBeLessThanOrEqual(65535);
    expect(['TCP', 'UDP', 'SCTP']).toContain(flow.protocol);
    expect(flow.count).toBeGreaterThanOrEqual(1);
  }
}

const format = fc.constantFrom('auto' as const, 'hubble' as const, 'calico' as const, 'native' as const);

describe('readFlows fuzzing', () => {
  it('survives files of random lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(noisyText, { maxLength: 8 }), format, (random, chosen) =>
        expectReadable(random.join('\n'), chosen),
      ),
      { numRuns: 150 },
    );
  });

  it('survives real lines, mutated and mixed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutated(lines), { minLength: 1, maxLength: 6 }), format, (mixed, chosen) =>
        expectReadable(mixed.join('\n'), chosen),
      ),
      { numRuns: 150 },
    );
  });

  it('survives whole logs, mutated (documents read whole included)', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(texts), format, (text, chosen) => expectReadable(text, chosen)),
      { numRuns: 100 },
    );
  });
});

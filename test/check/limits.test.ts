import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';

const DIR = resolve('fixtures/config/limits');
const side = (name: string) => ({ root: `${DIR}/${name}`, paths: [`${DIR}/${name}`] });

describe('limits from the config file', () => {
  it("bound the loader and the flow reader of a check (the head's .netpol-guard.yaml)", async () => {
    const result = await runCheck({ base: side('base'), head: side('head'), flows: [`${DIR}/flows.jsonl`] });
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'file-too-large',
        file: 'policy.yaml',
        message: 'the file has 413 bytes, more than the 300 of limit maxFileBytes; it is not read',
      }),
    );
    // The rest is still analysed: the pod is there, the short flow line is read.
    expect(result.flows).toMatchObject({
      records: 1,
      skipped: 2,
      skippedSamples: [{ line: 2, reason: 'line longer than 200 bytes' }],
    });
  });
});

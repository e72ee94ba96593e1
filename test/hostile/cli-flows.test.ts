import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_SKIPPED_SAMPLES } from '../../src/flows/read.js';
import { cli } from '../support/cli.js';
import {
  expectBrokenFlowReported,
  expectNoCrash,
  expectPlaceReported,
  expectValidFindingReported,
  FORMATS,
  HOSTILE_FLOWS,
  jsonReport,
  pullRequestWith,
  tempFolder,
} from './support.js';

/**
 * One hostile flow file through `check` in every format. Each file holds good lines (web -> api on port 80, which
 * the pull request cuts) among bad ones: the bad lines are skipped and counted, the first few named by file and line,
 * and the good ones still give the broken flow. `count` is how many connections the good lines stand for.
 */
interface FlowCase {
  file: string;
  skippedLines: number[];
  records: number;
  count: number;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const committed = (name: string, skippedLines: number[], records = 2, count = 2): FlowCase => ({
  file: `${HOSTILE_FLOWS}/${name}`,
  skippedLines,
  records,
  count,
});

/** Two good Hubble lines around one line of 5 MB: longer than the longest line read. */
function fiveMegabyteLine(): string {
  const lines = readFileSync(`${HOSTILE_FLOWS}/not-json.jsonl`, 'utf8').split('\n');
  const [first = '', , , , , , last = ''] = lines;
  const huge = `{"flow":{"verdict":"FORWARDED","source":{"labels":["k8s:${'x'.repeat(5 * 1024 * 1024)}"]}}}`;
  const file = path.join(tempFolder('flows'), 'five-megabytes.jsonl');
  writeFileSync(file, [first, huge, last, ''].join('\n'));
  return file;
}

const cases: FlowCase[] = [
  committed('not-json.jsonl', range(2, 6)),
  committed('not-a-flow.jsonl', range(2, 8)),
  committed('wrong-types.jsonl', range(2, 17)),
  committed('unknown-verdict.jsonl', range(2, 5)),
  committed('truncated.jsonl', [3]),
  committed('native-wrong-types.jsonl', range(2, 19), 1, 3),
  committed('hostile-names.jsonl', range(4, 6), 4, 3),
  { file: fiveMegabyteLine(), skippedLines: [2], records: 2, count: 2 },
];

describe.each(cases)('flows of $file', ({ file, skippedLines, records, count }) => {
  const { base, head } = pullRequestWith({});
  const args = ['check', '--base', base, '--head', head, '--flows', file];
  const sampled = skippedLines.slice(0, DEFAULT_MAX_SKIPPED_SAMPLES);

  it.each(FORMATS)(
    'check --format %s skips the bad lines by line and keeps the good ones',
    async (format) => {
      const outcome = await cli([...args, '--format', format]);
      expectNoCrash(outcome);
      expect(outcome.code).toBe(1);
      for (const line of sampled) expectPlaceReported(format, outcome.stdout, { file, line });
      expectBrokenFlowReported(format, outcome.stdout, count);
      expectValidFindingReported(format, outcome.stdout);
    },
  );

  it('counts every skipped line, names the first ones and counts the good ones', async () => {
    const report = jsonReport((await cli([...args, '--format', 'json'])).stdout);
    expect(report.flows).toMatchObject({ records, skipped: skippedLines.length });
    expect(report.flows?.skippedSamples.map((sample) => [sample.file, sample.line])).toEqual(
      sampled.map((line) => [file, line]),
    );
  });
});

describe('reasons given for skipped lines', () => {
  const { base, head } = pullRequestWith({});
  const reasons = async (name: string) => {
    const outcome = await cli(['check', '--base', base, '--head', head, '--flows', name, '--format', 'json']);
    return jsonReport(outcome.stdout).flows?.skippedSamples.map((sample) => sample.reason) ?? [];
  };

  it('say what is wrong with the line', async () => {
    expect(await reasons(`${HOSTILE_FLOWS}/truncated.jsonl`)).toEqual([
      'truncated last line (not complete JSON)',
    ]);
    expect(await reasons(`${HOSTILE_FLOWS}/unknown-verdict.jsonl`)).toEqual([
      'unknown verdict "MAYBE"',
      'unknown verdict 99',
      'unknown verdict "</details>@here"',
      'unknown verdict null',
    ]);
    expect((await reasons(cases.at(-1)?.file ?? ''))[0]).toBe(
      `line longer than ${DEFAULT_MAX_LINE_BYTES} bytes`,
    );
  });
});

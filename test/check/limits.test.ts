import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { l7CutDiagnostics } from '../../src/check/unread.js';
import type { FlowReadResult } from '../../src/flows/read.js';
import { sarifReport } from '../../src/check/sarif.js';
import type { CheckResult } from '../../src/check/types.js';
import { renderJson, renderMarkdown } from '../../src/report/index.js';

const DIR = resolve('fixtures/config/limits');
const side = (name: string, dir = DIR) => ({ root: `${dir}/${name}`, paths: [`${dir}/${name}`] });

/** The reports the CLI and the Action write, each of which must say what was cut. */
function reports(result: CheckResult): Record<string, string> {
  return { markdown: renderMarkdown(result), json: renderJson(result), sarif: sarifReport(result) };
}

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

describe('maxTotalBytes: the bytes of one side', () => {
  const TOTAL = resolve('fixtures/config/total-limit');

  it('leaves out the file that would pass it and every file after it, and the check fails on them', async () => {
    const result = await runCheck({ base: side('base', TOTAL), head: side('head', TOTAL) });

    expect(result.verdict).toBe('fail');
    expect(result.reasons).toContain(
      'input that could not be analysed: 20-default-deny.yaml (input-too-large), 30-small.yaml (input-too-large)',
    );
    // 30-small.yaml would fit in what is left: which files are read does not depend on their sizes.
    const message =
      'with this file the manifests of this side would pass limit maxTotalBytes (200 bytes): it is not read, nor ' +
      'any file after it';
    for (const file of ['20-default-deny.yaml', '30-small.yaml']) {
      expect(result.diagnostics).toContainEqual({
        severity: 'error',
        code: 'input-too-large',
        file,
        message,
      });
    }
    // The file that fits is analysed: its namespace has no default deny at head.
    expect(result.findings.map((f) => `${f.rule} ${f.file}`)).toEqual([
      'namespace-without-default-deny 10-app.yaml',
    ]);
    for (const [format, text] of Object.entries(reports(result))) {
      expect(text, format).toContain('input-too-large');
      expect(text, format).toContain('limit maxTotalBytes');
    }
  });
});

describe('maxRunSeconds: the run deadline', () => {
  const DEMO = resolve('fixtures/demo');
  const demo = {
    base: side('base', DEMO),
    head: side('head', DEMO),
    flows: [`${DEMO}/flows/hubble.jsonl`],
  };

  it('at 0 has passed at the first checkpoint: nothing is analysed, the check fails, the reports say why', async () => {
    const result = await runCheck({ ...demo, maxRunSeconds: 0, clock: () => 0 });

    expect(result.verdict).toBe('fail');
    expect(result.reasons).toEqual([
      'the analysis passed limit maxRunSeconds (0 s) and stopped before reading the manifests',
    ]);
    expect(result.findings).toEqual([]);
    expect(result.flows).toBeUndefined();
    const message =
      'the analysis ran past its deadline of 0 seconds (limit maxRunSeconds) and stopped; not done: reading the ' +
      'manifests, linting, the reachability diff, explaining the changes, replaying the flows';
    expect(result.diagnostics).toEqual([{ severity: 'error', code: 'limit', message }]);
    for (const [format, text] of Object.entries(reports(result))) {
      expect(text, format).toContain('limit maxRunSeconds');
    }
  });

  it('passed later, reports what the stages before it found', async () => {
    // A clock a second further on each time it is read: the deadline, 2 s after the start, passes at the second
    // checkpoint, once the manifests are read.
    let reads = 0;
    const clock = () => 1000 * reads++;
    const TOTAL = resolve('fixtures/config/total-limit');
    const result = await runCheck({
      base: side('base', TOTAL),
      head: side('head', TOTAL),
      maxRunSeconds: 2,
      clock,
    });

    expect(result.verdict).toBe('fail');
    expect(result.reasons).toEqual([
      'the analysis passed limit maxRunSeconds (2 s) and stopped before linting',
    ]);
    expect(result.diagnostics.map((d) => `${d.code} ${d.file ?? ''}`)).toEqual([
      'input-too-large 20-default-deny.yaml',
      'input-too-large 30-small.yaml',
      'limit ',
    ]);
    expect(result.diagnostics.at(-1)?.message).toMatch(
      /not done: linting, the reachability diff, explaining the changes, replaying the flows; reported from the stages done: reading the manifests$/,
    );
  });

  it('is checked inside a stage too: lint stops before its first rule once the deadline has passed', async () => {
    // With the clock above, 3 s pass at the first check inside lint (the checkpoint before it read 2 s).
    let reads = 0;
    const result = await runCheck({ ...demo, maxRunSeconds: 3, clock: () => 1000 * reads++ });
    expect(result.reasons).toEqual([
      'the analysis passed limit maxRunSeconds (3 s) and stopped before linting',
    ]);
    expect(result.findings).toEqual([]);
  });

  it('without a clock there is none: the run is analysed whole', async () => {
    const result = await runCheck({ ...demo, maxRunSeconds: 0 });
    expect(result.flows?.broken.length).toBeGreaterThan(0);
  });
});

describe('L7 records past their bounds', () => {
  const read = (l7Cut: FlowReadResult['stats']['l7Cut']): FlowReadResult => ({
    flows: [],
    stats: { records: 0, skipped: 0, ignored: 0, skippedSamples: [], ...(l7Cut ? { l7Cut } : {}) },
  });

  it('are one warning naming each bound reached', () => {
    expect(l7CutDiagnostics(read({ http: 2, dnsAddresses: 1, tooLong: 3 }))).toEqual([
      {
        severity: 'warning',
        code: 'limit',
        message:
          'L7 records left out of the flows read: 2 of further distinct HTTP requests (past 100000); ' +
          '1 address of names answered with more than 1000; 3 with a method, host, path or name too long to keep; ' +
          'what they say is not used',
      },
    ]);
  });

  it('are no warning when none was left out', () => {
    expect(l7CutDiagnostics(read(undefined))).toEqual([]);
  });
});

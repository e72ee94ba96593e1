import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { cli } from '../support/cli.js';

/** The committed hostile manifests; the CLI tests use this folder as the head of a pull request. */
export const HOSTILE = 'fixtures/hostile';
export const HOSTILE_FLOWS = 'fixtures/hostile-flows';

/** The change under review in `fixtures/hostile`: the base of a pull request is the folder without it. */
export const PULL_REQUEST_FILE = 'pull-request-policies.yaml';
/** The workloads the valid policies and the good flows are about (hostile names included). */
export const WORKLOADS_FILE = 'hostile-names.yaml';

/** What must survive any hostile neighbour: the valid policy's finding, at its file and line. */
export const VALID_FINDING = { rule: 'dns-egress-missing', file: PULL_REQUEST_FILE, line: 11 } as const;

export const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export type CliOutcome = Awaited<ReturnType<typeof cli>>;

/** A new empty folder under the system temp folder. */
export function tempFolder(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `netpol-hostile-${prefix}-`));
}

/**
 * A pull request around one hostile input: head holds the input beside the valid workloads and policies, base holds
 * the workloads only. Returns both folders; `files` are written into head as given (text or bytes).
 */
export function pullRequestWith(files: Record<string, string | Buffer>): { base: string; head: string } {
  const base = tempFolder('base');
  const head = tempFolder('head');
  copyFileSync(path.join(HOSTILE, WORKLOADS_FILE), path.join(base, WORKLOADS_FILE));
  for (const name of [WORKLOADS_FILE, PULL_REQUEST_FILE]) {
    copyFileSync(path.join(HOSTILE, name), path.join(head, name));
  }
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(head, name), content);
  return { base, head };
}

/** The committed corpus as a pull request: base is `fixtures/hostile` without the pull request's file. */
export function corpusBase(): string {
  const base = tempFolder('corpus-base');
  for (const name of readdirSync(HOSTILE)) {
    if (name !== PULL_REQUEST_FILE) copyFileSync(path.join(HOSTILE, name), path.join(base, name));
  }
  return base;
}

/** Neither stream carries a stack trace, and stderr stays empty: a crash of the CLI prints its message there. */
export function expectNoCrash(outcome: CliOutcome): void {
  expect(outcome.stdout + outcome.stderr).not.toMatch(/\n\s+at /);
  expect(outcome.stderr).toBe('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A place in an input file as a report must name it. */
export interface Place {
  file: string;
  line?: number;
}

interface JsonReport {
  findings: { rule: string; file?: string; line?: number }[];
  diagnostics: { file?: string; line?: number; code: string }[];
  flows?: {
    records: number;
    skipped: number;
    skippedSamples: { file: string; line: number; reason: string }[];
    broken: { port: number; count: number }[];
  };
}

interface SarifLog {
  runs: {
    results: { ruleId: string; locations?: SarifLocation[] }[];
    invocations: {
      toolExecutionNotifications: { descriptor: { id: string }; locations?: SarifLocation[] }[];
    }[];
  }[];
}

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
}

function sarifRun(stdout: string): SarifLog['runs'][number] {
  const run = (JSON.parse(stdout) as SarifLog).runs[0];
  if (!run) throw new Error('the SARIF log has no run');
  return run;
}

function sarifPlaces(locations: SarifLocation[] | undefined): string[] {
  return (locations ?? []).map(
    (l) =>
      `${decodeURIComponent(l.physicalLocation.artifactLocation.uri)}:${l.physicalLocation.region.startLine}`,
  );
}

/**
 * Asserts that a report of any format names a place: a finding's, a diagnostic's or a skipped flow record's file and
 * line. In SARIF those are results or tool notifications; `line` 0 or absent is about the whole file, which SARIF
 * puts at line 1.
 */
export function expectPlaceReported(format: Format, stdout: string, place: Place): void {
  const { file, line } = place;
  const located = line ? `${file}:${line}` : file;
  switch (format) {
    case 'text':
      // `file:line:column` for findings and diagnostics, `file:line` for skipped flow records.
      expect(stdout).toMatch(new RegExp(`${escapeRegExp(located)}[:\\s]`));
      return;
    case 'markdown':
      expect(stdout).toContain(line ? `\`${located}\`` : `\`${file}`);
      return;
    case 'json': {
      const report = JSON.parse(stdout) as JsonReport;
      const places = [
        ...report.findings.map((f) => ({ file: f.file, line: f.line })),
        ...report.diagnostics.map((d) => ({ file: d.file, line: d.line })),
        ...(report.flows?.skippedSamples ?? []),
      ].map((p) => (p.line ? `${p.file}:${p.line}` : `${p.file}`));
      expect(places).toContain(located);
      return;
    }
    case 'sarif': {
      const run = sarifRun(stdout);
      const places = [
        ...run.results.flatMap((r) => sarifPlaces(r.locations)),
        ...(run.invocations[0]?.toolExecutionNotifications ?? []).flatMap((n) => sarifPlaces(n.locations)),
      ];
      expect(places).toContain(`${file}:${line || 1}`);
      return;
    }
  }
}

/** Asserts that a `check` report of any format still shows the live flow the pull request breaks. */
export function expectBrokenFlowReported(format: Format, stdout: string, count: number): void {
  switch (format) {
    case 'text':
      expect(stdout).toMatch(/Broken flows \(1\):\n {2}front\/web/);
      expect(stdout).toContain(`TCP/80  seen ${count} times`);
      return;
    case 'markdown':
      expect(stdout).toContain('### Live flows that would break (1)');
      return;
    case 'json':
      expect((JSON.parse(stdout) as JsonReport).flows?.broken).toEqual([
        expect.objectContaining({ port: 80, count }),
      ]);
      return;
    case 'sarif':
      expect(sarifRun(stdout).results.filter((r) => r.ruleId === 'broken-flow')).toHaveLength(1);
      return;
  }
}

/** Asserts that the valid policy's finding is in a report of any format. */
export function expectValidFindingReported(format: Format, stdout: string): void {
  expect(stdout).toContain(VALID_FINDING.rule);
  expectPlaceReported(format, stdout, VALID_FINDING);
}

/** The JSON report of a `check` or `lint` run, for assertions on exact counts. */
export function jsonReport(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

import { createReadStream } from 'node:fs';
import { runCheck } from '../../src/check/run.js';
import { loadConfig } from '../../src/config/load.js';
import { annotateChanges } from '../../src/diff/annotate.js';
import { diffConnectivity } from '../../src/diff/connectivity.js';
import { replayFlows, replaySide } from '../../src/replay/replay.js';
import { readFlows } from '../../src/flows/read.js';
import { cniEvidence, loadSide, modelSide, type AnalysedSide } from '../../src/check/side.js';
import { ParseCache } from '../../src/manifests/load.js';
import { chooseCni } from '../../src/model/cni.js';
import { renderJson, renderMarkdown } from '../../src/report/index.js';
import { runLint } from '../../src/rules/run.js';

/**
 * The measuring half of the benchmark, run in a child process per measurement so that each peak RSS is its own.
 * `phases` times each step of `runCheck` separately, calling the same functions in the same order; `whole` times the
 * JSON.parse floor and then the whole check as `check --format json` runs it, in the same process; `manifests`
 * times the check without flows.
 */
export type MeasureMode = 'phases' | 'whole' | 'manifests';

export interface MeasureInput {
  base: string;
  head: string;
  flows: string;
}

/** Milliseconds per named step, and the process's peak resident set in bytes. */
export interface Measurement {
  times: Record<string, number>;
  peakRssBytes: number;
  /**
   * User and system CPU time of the whole process (every thread, the floor's parse included), in milliseconds: on a
   * shared machine it moves far less than the wall times.
   */
  cpuMs: number;
  /** Sizes that explain the times (connections per side, aggregated flows, changes found). */
  counts: Record<string, number>;
}

async function timed<T>(times: Record<string, number>, name: string, step: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await step();
  times[name] = (times[name] ?? 0) + performance.now() - start;
  return value;
}

/**
 * What reading the flow log costs at the least: every line split off and handed to `JSON.parse`, nothing else.
 * The check cannot beat this by much (it must look at every line), so its time over this one is the headline.
 */
export async function jsonParseFloor(file: string): Promise<number> {
  let lines = 0;
  let carry: Buffer | undefined;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const data = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let newline = data.indexOf(0x0a); newline >= 0; newline = data.indexOf(0x0a, start)) {
      if (newline > start) {
        JSON.parse(data.toString('utf8', start, newline));
        lines++;
      }
      start = newline + 1;
    }
    carry = start < data.length ? data.subarray(start) : undefined;
  }
  if (carry) {
    JSON.parse(carry.toString('utf8'));
    lines++;
  }
  return lines;
}

export async function measure(mode: MeasureMode, input: MeasureInput): Promise<Measurement> {
  const times: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const side = (root: string) => ({ root, paths: [root] });
  if (mode === 'whole') {
    counts.floorLines = await timed(times, 'floor', () => jsonParseFloor(input.flows));
    const result = await timed(times, 'check', () =>
      runCheck({ base: side(input.base), head: side(input.head), flows: [input.flows] }),
    );
    const json = await timed(times, 'check', () => renderJson(result));
    await timed(times, 'report', () => renderJson(result).length + renderMarkdown(result).length);
    counts.jsonBytes = json.length;
    counts.opened = result.summary.opened;
    counts.closed = result.summary.closed;
    counts.brokenFlows = result.summary.brokenFlows;
    counts.findings = result.findings.length;
  } else if (mode === 'manifests') {
    const result = await timed(times, 'check', () =>
      runCheck({ base: side(input.base), head: side(input.head) }),
    );
    await timed(times, 'check', () => renderJson(result));
  } else {
    await measurePhases(input, times, counts);
  }
  const usage = process.resourceUsage();
  return {
    times,
    counts,
    peakRssBytes: usage.maxRSS * 1024,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  };
}

/** The steps of `runCheck` one by one (see src/check/run.ts and side.ts), each timed on its own. */
async function measurePhases(
  input: MeasureInput,
  times: Record<string, number>,
  counts: Record<string, number>,
): Promise<void> {
  // The check reads flows on a worker thread with a heap of its own, from the start: read here first, the read's
  // garbage collection does not walk the manifest side's heap, which the worker's never holds.
  const read = await timed(times, 'flow read+aggregate', () => readFlows([input.flows]));
  counts.flowRecords = read.stats.records;
  counts.aggregatedFlows = read.flows.length;
  const { config } = loadConfig(undefined, input.head);
  const parseCache = new ParseCache();
  const load = (root: string) =>
    timed(times, 'load', () => loadSide({ root, paths: [root] }, config, parseCache));
  const [baseLoaded, headLoaded] = [await load(input.base), await load(input.head)];
  // As the check chooses it: the config's, else from both sides' policy kinds.
  const { cni } = chooseCni(config.cni, [...cniEvidence(baseLoaded), ...cniEvidence(headLoaded)]);
  // Head's engine made like base's, as the check makes it.
  const model = (loaded: typeof baseLoaded, like?: AnalysedSide) =>
    timed(times, 'model', () => modelSide(loaded, config, cni, undefined, like?.engine));
  const base = await model(baseLoaded);
  const head = await model(headLoaded, base);
  counts.workloads = head.model.workloads.length;
  counts.policies = head.model.policies.length;

  const findings = await timed(times, 'lint', () => [
    ...runLint(head, config).findings,
    ...runLint(base, config).findings,
  ]);
  counts.findings = findings.length;

  // Only the counts are kept: one side's connections must not weigh on the other's garbage collection (the check
  // itself never holds either whole).
  const connectivity = (side: AnalysedSide) => side.engine.connectivity().length;
  counts.connectionsBase = await timed(times, 'connectivity base', () => connectivity(base));
  counts.connectionsHead = await timed(times, 'connectivity head', () => connectivity(head));
  const diff = await timed(times, 'diff', () => {
    const result = diffConnectivity(base.engine, head.engine);
    annotateChanges(result, base.engine, head.engine);
    return result;
  });
  counts.opened = diff.opened.length;
  counts.closed = diff.closed.length;

  const outcome = await timed(times, 'replay', () => {
    const cidrs = { podCidrs: config.cluster.podCidrs, serviceCidrs: config.cluster.serviceCidrs };
    const side = (s: AnalysedSide) => replaySide(s.model, s.engine, cidrs);
    return replayFlows(read.flows, side(base), side(head));
  });
  counts.brokenFlows = outcome.broken.length;
}

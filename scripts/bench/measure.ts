import { createReadStream } from 'node:fs';
import { runCheck } from '../../src/check/run.js';
import { loadConfig } from '../../src/config/load.js';
import { annotateChanges } from '../../src/diff/annotate.js';
import { diffConnectivity } from '../../src/diff/connectivity.js';
import { matchingOutsidePods, replayFlows, type ReplaySide } from '../../src/replay/replay.js';
import { createFlowMatcher } from '../../src/flows/match.js';
import { readFlows } from '../../src/flows/read.js';
import { loadManifests, ParseCache } from '../../src/manifests/load.js';
import { buildModel } from '../../src/model/build.js';
import type { ClusterModel } from '../../src/model/types.js';
import { createEngine } from '../../src/policy/engine.js';
import type { PolicyEngine } from '../../src/policy/types.js';
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
  return { times, counts, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}

interface Side {
  model: ClusterModel;
  engine: PolicyEngine;
  diagnostics: Parameters<typeof runLint>[0]['diagnostics'];
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
  const load = (root: string) => timed(times, 'load', () => loadManifests([root], { root, parseCache }));
  const [baseLoaded, headLoaded] = [await load(input.base), await load(input.head)];
  const model = (loaded: Awaited<ReturnType<typeof loadManifests>>) =>
    timed(times, 'model', (): Side => {
      const built = buildModel(loaded.objects, {
        defaultNamespace: config.defaultNamespace,
        namespaceLabels: Object.fromEntries(
          Object.entries(config.namespaces).map(([name, ns]) => [name, ns.labels]),
        ),
      });
      return {
        model: built.model,
        engine: createEngine(built.model),
        diagnostics: [...loaded.diagnostics, ...built.diagnostics],
      };
    });
  const base = await model(baseLoaded);
  const head = await model(headLoaded);
  counts.workloads = head.model.workloads.length;
  counts.policies = head.model.policies.length;

  const findings = await timed(times, 'lint', () => [
    ...runLint(head, config).findings,
    ...runLint(base, config).findings,
  ]);
  counts.findings = findings.length;

  // Only the counts are kept: one side's connections must not weigh on the other's garbage collection (the check
  // itself never holds either whole).
  const connectivity = (side: Side) => side.engine.connectivity().length;
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
    const replaySide = (s: Side): ReplaySide => ({
      engine: s.engine,
      match: matchingOutsidePods(createFlowMatcher(s.model, cidrs).match),
    });
    return replayFlows(read.flows, replaySide(base), replaySide(head));
  });
  counts.brokenFlows = outcome.broken.length;
}

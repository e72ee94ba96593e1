import type { ResolvedConfig } from '../config/types.js';
import type { UnanalysedPolicy } from '../kinds/unanalysed.js';
import { loadManifests, parseManifestText, type ParseCache } from '../manifests/load.js';
import type { Diagnostic, LoadResult } from '../manifests/types.js';
import { buildModel, type BuildModelOptions } from '../model/build.js';
import { chooseCni, type Cni, type PolicyObjectSeen } from '../model/cni.js';
import type { ClusterModel } from '../model/types.js';
import { unrenderedTreeHint } from '../model/unrendered.js';
import { createEngine, createEngineLike } from '../policy/engine.js';
import type { PolicyEngine } from '../policy/types.js';
import type { ManifestSource } from './run.js';

/** One side of a comparison, loaded and modelled, with its engine. */
export interface AnalysedSide {
  model: ClusterModel;
  engine: PolicyEngine;
  diagnostics: Diagnostic[];
  /** Kubernetes objects read (used or not); zero with errors means there was nothing to analyse. */
  objectCount: number;
  /** Network policies of kinds the engine does not evaluate: caveats on what it says about their namespaces. */
  unanalysed: UnanalysedPolicy[];
}

/** A side's manifests as read, before its model is built: a comparison chooses the CNI from both sides first. */
export interface LoadedSide {
  source: ManifestSource;
  loaded: LoadResult;
}

/**
 * Loads a side's manifests (files or rendered text). Both sides of a comparison pass the same `parseCache`, so the
 * files a change leaves alone are parsed once.
 */
export async function loadSide(
  source: ManifestSource,
  config: ResolvedConfig,
  parseCache?: ParseCache,
): Promise<LoadedSide> {
  const loaded =
    'rendered' in source
      ? parseManifestText(source.rendered.text, source.rendered.name, { limits: config.limits })
      : await loadManifests(source.paths, {
          root: source.root,
          limits: config.limits,
          ...(parseCache ? { parseCache } : {}),
        });
  return { source, loaded };
}

/** The objects of a side that tell which CNI it runs on (`chooseCni`), those of kinds not evaluated included. */
export function cniEvidence(side: LoadedSide): PolicyObjectSeen[] {
  return [
    ...side.loaded.objects.map(({ apiVersion, kind, loc }) => ({
      apiVersion,
      kind,
      file: loc.file,
      line: loc.line,
    })),
    ...side.loaded.unanalysed,
  ];
}

/**
 * Builds a loaded side's model for `cni` and its engine; `cniAssumed` is the diagnostic that says why that CNI. With
 * `like` (the other side's engine), the engine takes what the two models share (`createEngineLike`): a pull request
 * that changes only policies leaves every pod as it was, so only the changed namespaces' pods are evaluated again.
 */
export function modelSide(
  side: LoadedSide,
  config: ResolvedConfig,
  cni: Cni,
  cniAssumed?: Diagnostic,
  like?: PolicyEngine,
): AnalysedSide {
  const { source, loaded } = side;
  const { model, diagnostics } = buildModel(loaded.objects, {
    defaultNamespace: config.defaultNamespace,
    namespaceLabels: Object.fromEntries(
      Object.entries(config.namespaces).map(([name, ns]) => [name, ns.labels]),
    ),
    complete: config.complete,
    outsideWorkloads: outsideWorkloads(config),
    cni,
    cilium: config.cilium,
  });
  const skipped = Object.values(loaded.skippedKinds).reduce((sum, n) => sum + n, 0);
  const hint = 'rendered' in source ? undefined : unrenderedTreeHint(loaded.files, loaded.objects, model);
  return {
    model,
    engine: like ? createEngineLike(like, model) : createEngine(model),
    diagnostics: [
      ...loaded.diagnostics,
      ...(cniAssumed ? [cniAssumed] : []),
      ...diagnostics,
      ...(hint ? [hint] : []),
    ],
    objectCount: loaded.objects.length + skipped,
    unanalysed: loaded.unanalysed,
  };
}

/** Loads one side and builds its model for the CNI its own policies tell (`reach`, `explain`, `lint`, `fix`). */
export async function analyseSide(
  source: ManifestSource,
  config: ResolvedConfig,
  parseCache?: ParseCache,
): Promise<AnalysedSide> {
  const side = await loadSide(source, config, parseCache);
  const { cni, diagnostic } = chooseCni(config.cni, cniEvidence(side));
  return modelSide(side, config, cni, diagnostic);
}

/** The config's `workloads:`, placed in the config file for messages that point at a workload. */
export function outsideWorkloads(config: ResolvedConfig): NonNullable<BuildModelOptions['outsideWorkloads']> {
  const loc = { file: config.file ?? '.netpol-guard.yaml', line: 1, column: 1 };
  return config.workloads.map((workload) => ({ ...workload, loc }));
}

/** True when input errors left nothing to analyse (exit code 1 of `reach`/`explain`/`lint`). */
export function nothingToAnalyse(side: AnalysedSide): boolean {
  return side.objectCount === 0 && side.diagnostics.some((d) => d.severity === 'error');
}

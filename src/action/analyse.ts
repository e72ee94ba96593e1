import * as core from '@actions/core';
import path from 'node:path';
import { RENDERED_NAME, runCheck, type ManifestSource } from '../check/run.js';
import { changedFlowDiagnostics, type FlowFileChange, type FlowsFrom } from '../check/evidence.js';
import type { CheckResult } from '../check/types.js';
import { DEFAULT_CONFIG_FILE } from '../config/defaults.js';
import { isInside } from '../files/contained.js';
import { symlinkDiagnostic } from '../manifests/files.js';
import type { Diagnostic } from '../manifests/types.js';
import { chooseBase } from '../git/base.js';
import { listTreeFiles, selectFiles, type TreeFiles } from '../git/files.js';
import { renderEnvironment, runRender } from '../git/render.js';
import {
  changedFiles,
  changedLineCounts,
  checkoutBaseTree,
  repositoryPrefix,
  resolveBaseCommit,
} from '../git/trees.js';
import type { RunnerEnvironment } from './environment.js';
import { guardFileCommands } from './file-commands.js';
import type { ActionInputs } from './inputs.js';
import type { SealOutcome } from './seal.js';
import { noun } from '../text/plural.js';

/** The check's result with what placing it on the pull request's diff needs. */
export interface Analysis {
  result: CheckResult;
  /** Files the pull request changed, relative to the repository root. */
  changedFiles: Set<string>;
  /** Where the workspace sits in its repository (`''` at the root, else `sub/dir/`). */
  repositoryPrefix: string;
  /** Maps a report path (relative to the workspace) to one relative to the repository root. */
  toRepositoryPath(file: string): string;
  /** The commit compared against; undefined when everything is new. */
  baseSha: string | undefined;
}

/**
 * Compares the base tree with the workspace: finds the base commit, checks it out beside the workspace, reads (or
 * renders) the manifests of both trees and runs the check. The base checkout is removed whatever happens.
 */
export async function analysePullRequest(
  inputs: ActionInputs,
  runner: RunnerEnvironment,
  seal: SealOutcome,
): Promise<Analysis> {
  const { workspace } = runner;
  const choice = chooseBase(runner.eventName, runner.event, inputs.baseRef);
  if (choice.kind === 'missing') throw new Error(choice.message);
  const baseSha = choice.kind === 'ref' ? await resolveBaseCommit(workspace, choice.ref) : undefined;
  core.info(
    baseSha ? `Base: ${baseSha} (${choice.source})` : `No base (${choice.source}): everything is new`,
  );

  const render = renderCommand(inputs, runner.eventName, seal);
  // Listed before the base is checked out: a RUNNER_TEMP inside the workspace must not add the base tree to head.
  const headFiles = listTreeFiles(workspace);
  const baseTree = baseSha ? await checkoutBaseTree(workspace, baseSha, runner.tempDir) : undefined;
  try {
    const baseFiles = baseTree ? listTreeFiles(baseTree.dir) : undefined;
    const headFlows = flowFiles(inputs.flows, headFiles, workspace, workspace);
    const baseFlows =
      baseTree && baseFiles ? flowFiles(inputs.flows, baseFiles, baseTree.dir, workspace) : undefined;
    const flows = chooseFlows(inputs.flowsFrom, headFlows, baseFlows);
    // Flow logs and the config file are often JSON or YAML too: they are never manifests, in either tree.
    const notManifests = new Set([
      ...headFlows.inTree,
      ...(baseFlows?.inTree ?? []),
      relativeTo(workspace, inputs.config ?? DEFAULT_CONFIG_FILE),
    ]);
    const sideSource = async (root: string, files: TreeFiles, side: string): Promise<ManifestSource> => {
      if (render) {
        const fileCommands = guardFileCommands(process.env);
        try {
          const text = await runRender(render, root, {
            env: renderEnvironment(process.env, inputs.renderEnv),
            timeoutMs: inputs.renderTimeout * 1000,
          });
          return { root, rendered: { name: RENDERED_NAME, text } };
        } finally {
          const changed = fileCommands.restore();
          if (changed.length > 0) {
            core.warning(
              `The render command wrote to ${changed.join(', ')} (${side}), which would change later steps: undone.`,
            );
          }
        }
      }
      const paths = selectFiles(files.files, inputs.manifests).filter((file) => !notManifests.has(file));
      core.info(`${side}: ${paths.length} ${noun(paths.length, 'manifest file')}`);
      // Links are passed on, not followed: the loader reports each as input it did not read.
      return { root, paths: [...paths, ...selectFiles(files.symlinks, inputs.manifests)] };
    };

    const base: ManifestSource =
      baseTree && baseFiles
        ? await sideSource(baseTree.dir, baseFiles, 'base')
        : { root: workspace, paths: [] };
    const head = await sideSource(workspace, headFiles, 'head');
    const prefix = await repositoryPrefix(workspace);
    const changed = await changedFiles(workspace, baseSha);
    const flowChanges = baseSha
      ? await changedFlowFiles(workspace, baseSha, prefix, changed, [
          ...new Set([...headFlows.inTree, ...(baseFlows?.inTree ?? [])]),
        ])
      : [];
    const result = await runCheck({
      base,
      head,
      flows: flows.files,
      // Names in reports are the tree's paths, wherever the tree was checked out.
      flowsRoot: flows.root,
      flowsFormat: inputs.flowsFormat,
      ...configSource(inputs, workspace, baseTree?.dir),
      ...(inputs.failOn ? { failOn: inputs.failOn } : {}),
      ...(inputs.failOnRisks ? { failOnRisks: inputs.failOnRisks } : {}),
      ...(inputs.failOnUnreadInput === undefined ? {} : { failOnUnreadInput: inputs.failOnUnreadInput }),
      ...(inputs.suppressionsFrom ? { suppressionsFrom: inputs.suppressionsFrom } : {}),
      ...(inputs.cni ? { cni: inputs.cni } : {}),
      ...(inputs.maxRunSeconds === undefined ? {} : { maxRunSeconds: inputs.maxRunSeconds }),
      clock: Date.now,
      diagnostics: [...flows.diagnostics, ...changedFlowDiagnostics(flowChanges, flows.from)],
      // Report paths are relative to the workspace: fixes in these files become suggestions on their lines.
      changedFiles: [...changed]
        .filter((file) => file.startsWith(prefix))
        .map((file) => file.slice(prefix.length)),
    });
    return {
      result,
      changedFiles: changed,
      repositoryPrefix: prefix,
      toRepositoryPath: (file) => `${prefix}${file}`,
      baseSha,
    };
  } finally {
    await baseTree?.remove();
  }
}

/**
 * Events on which the pull request's code may run: a fork's `pull_request` gets a read-only token and no secrets,
 * and a `push` is code already in the repository. Others (`pull_request_target`, `workflow_run`, `issue_comment`...)
 * run with a write token and the secrets while the checkout may be the pull request's.
 */
const RENDER_EVENTS = new Set(['pull_request', 'push']);

/**
 * The render command to run, if any: the tree's render scripts (a kustomize plugin, a Makefile) are code, run only
 * on {@link RENDER_EVENTS} unless allowed, and only once the token has left this process's environment.
 */
function renderCommand(inputs: ActionInputs, eventName: string, seal: SealOutcome): string | undefined {
  if (!inputs.render) return undefined;
  if (!RENDER_EVENTS.has(eventName) && !inputs.allowRenderOnPrTarget) {
    core.warning(
      `render is not run on ${eventName} events (it would run pull request code with a write token and secrets): ` +
        'analysing the raw manifests instead. Set allow-render-on-pr-target: true only if the checkout is trusted.',
    );
    return undefined;
  }
  if (!seal.sealed) {
    throw new Error(
      `render is not run: the token could not be removed from this process's environment (${seal.reason}), ` +
        'where the render command could read it',
    );
  }
  return inputs.render;
}

/** The flow files the `flows` input names in one tree, and the problems met choosing them. */
interface FlowChoice {
  /** Where the tree is checked out: report names of its files are relative to it. */
  root: string;
  /** Absolute paths to read. */
  files: string[];
  /** The files matched in the tree (and links not followed), relative to it: what the pull request could edit. */
  inTree: string[];
  diagnostics: Diagnostic[];
}

/**
 * Flow files: absolute paths outside the workspace as given (an artifact downloaded beside it, under `RUNNER_TEMP`),
 * globs (and absolute paths inside the workspace) matched among the regular files of the tree checked out at `root`
 * (the workspace, or the base tree). A symbolic link is never followed, and a glob that matches no file is an input
 * problem: flows that were asked for and not read must not pass for flows that do not break.
 */
function flowFiles(
  patterns: readonly string[],
  tree: TreeFiles,
  root: string,
  workspace: string,
): FlowChoice {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const inTree: string[] = [];
  const exclusions = patterns.filter((p) => p.startsWith('!'));
  for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
    if (path.isAbsolute(pattern) && !isInside(workspace, pattern)) {
      // A missing file is reported by the reader, as a file that yielded no record.
      files.push(pattern);
      continue;
    }
    const relative = path.isAbsolute(pattern) ? relativeTo(workspace, pattern) : pattern;
    const matched = selectFiles(tree.files, [relative, ...exclusions]);
    const links = selectFiles(tree.symlinks, [relative, ...exclusions]);
    for (const link of links) diagnostics.push(symlinkDiagnostic(link, link));
    if (matched.length === 0 && links.length === 0) {
      diagnostics.push({
        severity: 'error',
        code: 'flows-unmatched',
        message: `no flow file matched ${JSON.stringify(pattern)}: the flows asked for are not replayed`,
      });
    }
    files.push(...matched.map((f) => path.join(root, f)));
    inTree.push(...matched, ...links);
  }
  return { root, files: [...new Set(files)], inTree: [...new Set(inTree)], diagnostics };
}

/**
 * The flows replayed: the head tree's, or with `flows-from: base` the base tree's, so a pull request that edits or
 * deletes recorded flows does not change what it is judged by. Without a base commit, the head's, with a warning.
 */
function chooseFlows(
  flowsFrom: FlowsFrom,
  head: FlowChoice,
  base: FlowChoice | undefined,
): FlowChoice & { from: FlowsFrom } {
  if (flowsFrom === 'base' && base) {
    core.info('Flows: read from the base tree (flows-from: base)');
    return { ...base, from: 'base' };
  }
  if (flowsFrom === 'base') {
    core.warning('flows-from: base, but there is no base commit: the flows are read from the head tree');
  }
  return { ...head, from: 'head' };
}

/** The flow files of either tree that the pull request changed (added, edited, deleted), with their line counts. */
async function changedFlowFiles(
  workspace: string,
  baseSha: string,
  prefix: string,
  changed: ReadonlySet<string>,
  flowFiles: readonly string[],
): Promise<FlowFileChange[]> {
  const touched = flowFiles.filter((file) => changed.has(`${prefix}${file}`)).sort();
  const counts = await changedLineCounts(workspace, baseSha, touched);
  return touched.map((file) => {
    const lines = counts.get(`${prefix}${file}`);
    return lines ? { file, lines } : { file };
  });
}

/**
 * Where the check reads its configuration: the `config` input (or `.netpol-guard.yaml`) in the workspace, or with
 * `config-from: base` the same file in the base tree, so that a pull request cannot relax its own check.
 */
function configSource(
  inputs: ActionInputs,
  workspace: string,
  baseDir: string | undefined,
): { configFile?: string; configRoot?: string } {
  const relative = inputs.config === undefined ? undefined : relativeTo(workspace, inputs.config);
  const configFile = relative === undefined ? {} : { configFile: relative };
  // A file outside the repository is in neither tree: it is read where it is.
  if (inputs.configFrom === 'head' || relative?.startsWith('../')) return configFile;
  if (!baseDir) {
    core.warning(
      'config-from: base, but there is no base commit: the configuration is read from the head tree',
    );
    return configFile;
  }
  core.info('Configuration: read from the base tree (config-from: base)');
  return { ...configFile, configRoot: baseDir };
}

/** `file` (absolute, or relative to `root`) as a POSIX path relative to `root`, as the tree listings give it. */
function relativeTo(root: string, file: string): string {
  return path.relative(root, path.resolve(root, file)).split(path.sep).join('/');
}

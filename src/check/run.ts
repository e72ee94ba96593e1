import type { FlowFormat } from '../flows/types.js';
import type { CheckResult, FailOn } from './types.js';

/**
 * One side of the comparison. Either manifest files under `root` (paths relative to it or absolute; folders are
 * walked), or the YAML printed by a render command (`kustomize build`, `helm template`) named `name` in reports.
 */
export type ManifestSource =
  | { root: string; paths: string[] }
  | { root: string; rendered: { name: string; text: string } };

export interface CheckOptions {
  base: ManifestSource;
  head: ManifestSource;
  /** Recorded flow files (Hubble, Calico, native; gzip accepted). */
  flows?: string[];
  flowsFormat?: FlowFormat | 'auto';
  /** Path of the config file; undefined means `.netpol-guard.yaml` in the head root when present. */
  configFile?: string;
  /** Overrides the config's `failOn`. */
  failOn?: FailOn;
}

/** Runs lint at head, the reachability diff and the flow replay: the whole PR verdict. (Contract; implementation in progress.) */
export declare function runCheck(options: CheckOptions): Promise<CheckResult>;

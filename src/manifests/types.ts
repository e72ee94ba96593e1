import type { UnanalysedPolicy } from '../kinds/unanalysed.js';
import type { ParseCache } from './load.js';

/** Where something stands in an input file: 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem with the input (not a lint finding): unreadable files, malformed YAML, schema errors,
 * limits reached. Diagnostics never stop a run; they travel with the results.
 */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine code, e.g. `yaml-syntax`, `schema`, `unrendered-template`, `default-namespace`. */
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** The object the diagnostic is about, when there is one. */
  resource?: { kind: string; namespace?: string; name: string };
  /** Set on diagnostics about the base of a comparison (reported, never failing the check); absent: head. */
  side?: 'base';
}

/** A path into an object, as in JSON Pointer segments: `['spec', 'ingress', 0, 'from']`. */
export type FieldPath = readonly (string | number)[];

/**
 * One Kubernetes object read from a file. `value` is the plain JSON value of the document;
 * `locate` maps a field path inside it back to the file (falling back to the nearest located ancestor).
 */
export interface LoadedObject {
  apiVersion: string;
  kind: string;
  name: string;
  /** `metadata.namespace` as written; undefined when absent. */
  namespace: string | undefined;
  value: Record<string, unknown>;
  loc: SourceLocation;
  locate(path: FieldPath): SourceLocation;
  /**
   * Set for an object of a custom API group (`monitoring.coreos.com`) that the analysis does not read as such: the
   * model only learns from it which pods an operator may make (docs/partial-trees.md).
   */
  customResource?: true;
}

export interface LoadOptions {
  /** Base directory that file names in locations are made relative to (default: process.cwd()). */
  root?: string;
  /** Limits against hostile input; see README "Limits". */
  limits?: Partial<LoadLimits>;
  /** Shared by the loads of one comparison so that a file unchanged between base and head is parsed once. */
  parseCache?: ParseCache;
}

export interface LoadLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Most bytes of manifest files read for one side (one tree, or one render's output). */
  maxTotalBytes: number;
  /** Most documents read from one file. */
  maxDocumentsPerFile: number;
  /** Most alias expansions in one document (YAML `maxAliasCount`). */
  maxAliasCount: number;
  /** Deepest nesting of one document. */
  maxDepth: number;
}

export interface LoadResult {
  objects: LoadedObject[];
  diagnostics: Diagnostic[];
  /** Count of objects per kind that were read but are not used by the analysis. */
  skippedKinds: Record<string, number>;
  /** Network policies of kinds the engine does not evaluate (each also named in a diagnostic). */
  unanalysed: UnanalysedPolicy[];
  /** Files read (relative to root). */
  files: string[];
}

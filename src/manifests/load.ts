import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter } from 'yaml';
import { readDocuments, type FileReading, type ManifestFormat } from './documents.js';
import { describeError, findManifestFiles, type ManifestFile } from './files.js';
import {
  applyKustomizeNamespaces,
  isKustomizationFile,
  readFluxKustomization,
  readKustomization,
  type KustomizationFile,
} from './kustomize.js';
import { collectObjects, needsFieldPositions, NOT_KUBERNETES, type FileObjects } from './objects.js';
import { locationAt } from './positions.js';
import type { Diagnostic, LoadLimits, LoadOptions, LoadResult } from './types.js';

/**
 * Limits against hostile input (a pull request may add any file). Each is far above what real manifests need:
 * a rendered chart of a large platform is a few MiB and thousands of documents, and nests about 20 levels.
 */
export const DEFAULT_LOAD_LIMITS: Readonly<LoadLimits> = {
  maxFileBytes: 16 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  maxDocumentsPerFile: 100_000,
  maxAliasCount: 1_000,
  maxDepth: 200,
};

/**
 * Loads the Kubernetes objects the analysis uses from files and folders (walked recursively, sorted). Never
 * throws for bad input: unreadable paths, malformed or hostile files and invalid NetworkPolicies become
 * diagnostics with file and line, and every other document still loads.
 */
export async function loadManifests(paths: string[], options: LoadOptions = {}): Promise<LoadResult> {
  const root = path.resolve(options.root ?? process.cwd());
  const limits = { ...DEFAULT_LOAD_LIMITS, ...options.limits };
  const result = emptyResult();
  const files = await findManifestFiles(paths, root, result.diagnostics);
  const budget = { left: limits.maxTotalBytes, spent: false };
  const kustomizations: KustomizationFile[] = [];
  for (const file of files) {
    const read = readManifestFile(file, limits, budget);
    result.files.push(file.name);
    if ('problem' in read) {
      result.diagnostics.push({ ...read.problem, file: file.name });
      continue;
    }
    const parse = () => parseFileText(read.text, file.name, formatOf(file.name), limits);
    const parsed = options.parseCache ? options.parseCache.get(read.text, file.name, limits, parse) : parse();
    addFileResult(result, parsed);
    if (parsed.kustomization) kustomizations.push(parsed.kustomization);
  }
  result.diagnostics = foldNotKubernetes(result.diagnostics);
  // A tree is read unrendered: place what its kustomizations build as `kustomize build` would, and what Flux
  // Kustomizations with a targetNamespace build as kustomize-controller would.
  for (const object of result.objects) {
    const flux = readFluxKustomization(object);
    if (flux) kustomizations.push(flux);
  }
  // Flux paths are relative to the repository, which may be one of the paths given rather than the root.
  const sourceRoots = paths.map((given) =>
    path.relative(root, path.resolve(root, given)).split(path.sep).join('/'),
  );
  if (kustomizations.length > 0 || result.objects.some((object) => object.customResource))
    Object.assign(result, applyKustomizeNamespaces(result, kustomizations, sourceRoots));
  return sortSkippedKinds(result);
}

/**
 * One `not-kubernetes` note for all the files that hold no manifests (Helm values, app configs, docker-compose):
 * a GitOps repository holds dozens, and a note per file buries the diagnostics that matter. It stays at the first
 * such file and names a few.
 */
function foldNotKubernetes(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const notes = diagnostics.filter((d) => d.code === NOT_KUBERNETES);
  if (notes.length < 2) return [...diagnostics];
  const [first, ...rest] = notes;
  const named = notes.slice(0, 3).map((d) => d.file);
  const more = notes.length > named.length ? ` and ${notes.length - named.length} more` : '';
  const folded: Diagnostic = {
    ...first!,
    message:
      `${notes.length} files hold documents that are not Kubernetes manifests (${named.join(', ')}${more}: ` +
      'mappings without kind and apiVersion, as in Helm values or docker-compose files); they are skipped',
  };
  const dropped = new Set(rest);
  return diagnostics.flatMap((d) => (d === first ? [folded] : dropped.has(d) ? [] : [d]));
}

/**
 * Parsed files shared by the two loads of a comparison. A pull request changes a few files, so base and head share
 * most of their text: a file with the same name, text and limits is parsed once and its objects are shared, read
 * only, by both sides. YAML parsing is most of a check's cost on a large repository, so this nearly halves it.
 * Live for one comparison only: it holds every file it has seen.
 */
export class ParseCache {
  /** The last file parsed under each name and limits (a side has one file of a name). */
  private readonly files = new Map<string, { text: string; parsed: FileResult }>();

  /** The parse of a file, made by `parse` only when no equal file was parsed before. */
  get(text: string, file: string, limits: LoadLimits, parse: () => FileResult): FileResult {
    const key = `${file}\u0000${JSON.stringify(limits)}`;
    const known = this.files.get(key);
    if (known?.text === text) return known.parsed;
    const parsed = parse();
    this.files.set(key, { text, parsed });
    return parsed;
  }
}

/**
 * Loads manifests given as text, such as the output of `helm template` or `kustomize build`; `file` names the
 * text in locations. Same results and diagnostics as `loadManifests` for a file with that content.
 */
export function parseManifestText(text: string, file: string, options: LoadOptions = {}): LoadResult {
  const limits = { ...DEFAULT_LOAD_LIMITS, ...options.limits };
  const result = emptyResult();
  result.files.push(file);
  const size = Buffer.byteLength(text);
  if (size > limits.maxFileBytes) {
    result.diagnostics.push({ ...tooLarge(size, limits), file });
  } else if (size > limits.maxTotalBytes) {
    result.diagnostics.push({ ...totalReached(limits), file });
  } else {
    addFileResult(result, parseFileText(text.replace(/^\uFEFF/, ''), file, formatOf(file), limits));
  }
  return sortSkippedKinds(result);
}

type FileRead = { text: string } | { problem: Omit<Diagnostic, 'file'> };

/**
 * Synchronous: manifests are small files, mostly in the page cache, and a synchronous read costs a fraction of an
 * asynchronous one's round trips through the thread pool (thousands of files: 75 ms against 400 ms). The flow
 * logs, the large input, are read on a worker thread meanwhile.
 */
function readManifestFile(
  file: ManifestFile,
  limits: LoadLimits,
  budget: { left: number; spent: boolean },
): FileRead {
  // Once a file did not fit, no later one is read: which files were left out does not depend on their sizes.
  if (budget.spent) return { problem: totalReached(limits) };
  let fd: number | undefined;
  try {
    // No-follow: the file was found as a regular file, and must still be one (never a link) when it is read.
    fd = openSync(file.absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
    // Checked before reading: a hostile file may be far larger than memory.
    const { size } = fstatSync(fd);
    if (size > limits.maxFileBytes) return { problem: tooLarge(size, limits) };
    if (size > budget.left) {
      budget.spent = true;
      return { problem: totalReached(limits) };
    }
    budget.left -= size;
    return { text: decode(readFileSync(fd)) };
  } catch (error) {
    return {
      problem: {
        severity: 'error',
        code: 'unreadable',
        message: `cannot read the file: ${describeError(error)}`,
      },
    };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** UTF-8, or UTF-16 with a byte-order mark (what PowerShell's `>` writes); the mark itself is dropped. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

function tooLarge(size: number, limits: LoadLimits): Omit<Diagnostic, 'file'> {
  return {
    severity: 'error',
    code: 'file-too-large',
    message: `the file has ${size} bytes, more than the ${limits.maxFileBytes} of limit maxFileBytes; it is not read`,
  };
}

function totalReached(limits: LoadLimits): Omit<Diagnostic, 'file'> {
  return {
    severity: 'error',
    code: 'input-too-large',
    message:
      `with this file the manifests of this side would pass limit maxTotalBytes (${limits.maxTotalBytes} ` +
      'bytes): it is not read, nor any file after it',
  };
}

function formatOf(file: string): ManifestFormat {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}

interface FileResult extends FileObjects {
  diagnostics: Diagnostic[];
  /** What the file states when it is a kustomization (`kustomization.yaml`). */
  kustomization?: KustomizationFile;
}

/**
 * Everything one file contributes. A document of template syntax is not read, and one diagnostic names the first:
 * the file's other documents still load.
 */
function parseFileText(text: string, file: string, format: ManifestFormat, limits: LoadLimits): FileResult {
  const lineCounter = new LineCounter();
  const reading: FileReading = { file, text, lineCounter, diagnostics: [], templateOffsets: [] };
  const collected: FileObjects = {
    objects: [],
    skippedKinds: new Map(),
    unanalysed: [],
    notKubernetesReported: false,
  };
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const line = text.slice(0, nul).split('\n').length;
    // An error, not a warning: a NUL byte hides every policy of the file, so the file must not pass unread.
    const binary: Diagnostic = {
      severity: 'error',
      code: 'binary-file',
      message: 'the file holds NUL bytes: it is binary, not a manifest, and is not read',
      file,
      line,
      column: 1,
    };
    return { ...collected, diagnostics: [binary] };
  }
  let kustomization: KustomizationFile | undefined;
  const isKustomization = isKustomizationFile(file);
  try {
    for (const document of readDocuments(reading, format, limits, needsFieldPositions)) {
      if (isKustomization) kustomization ??= readKustomization(file, document.value);
      collectObjects(document, reading, collected);
    }
  } catch (error) {
    // The stack can still run out on a document nested within maxDepth when maxDepth is set very high.
    if (!(error instanceof RangeError)) throw error;
    reading.diagnostics.push({
      severity: 'error',
      code: 'too-deep',
      message: 'the file nests too deeply to read; lower limit maxDepth',
      file,
    });
  }
  const [firstTemplate] = reading.templateOffsets;
  if (firstTemplate !== undefined) {
    const count = reading.templateOffsets.length;
    const which = count === 1 ? 'a document of this file is' : `${count} documents of this file are`;
    reading.diagnostics.unshift({
      severity: 'error',
      code: 'unrendered-template',
      message:
        `unrendered template syntax ("{{ ... }}"): ${which} a Helm or Go template, not a manifest, and not read ` +
        '(the other documents are). Render it first and check the output (the `render` option, e.g. ' +
        '`helm template` or `kustomize build`), or leave the templates folder out of the manifest paths',
      ...locationAt(file, lineCounter, firstTemplate),
    });
  }
  return { ...collected, diagnostics: reading.diagnostics, ...(kustomization ? { kustomization } : {}) };
}

function emptyResult(): LoadResult {
  return { objects: [], diagnostics: [], skippedKinds: {}, unanalysed: [], files: [] };
}

function addFileResult(result: LoadResult, file: FileResult): void {
  for (const object of file.objects) result.objects.push(object);
  for (const policy of file.unanalysed) result.unanalysed.push(policy);
  for (const diagnostic of file.diagnostics) result.diagnostics.push(diagnostic);
  for (const [kind, count] of file.skippedKinds)
    result.skippedKinds[kind] = (result.skippedKinds[kind] ?? 0) + count;
}

function sortSkippedKinds(result: LoadResult): LoadResult {
  const sorted = Object.keys(result.skippedKinds).sort();
  result.skippedKinds = Object.fromEntries(sorted.map((kind) => [kind, result.skippedKinds[kind] ?? 0]));
  return result;
}

import { resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sarifReport } from '../../check/sarif.js';
import type { CheckResult } from '../../check/types.js';
import { isInside, symlinkOnPath, writeFileInside, writeFileNoFollow } from '../../files/contained.js';
import { repositoryOf } from '../../git/trees.js';
import { displayName, symlinkDiagnostic } from '../../manifests/files.js';
import type { LintResult } from '../../rules/types.js';
import { loadConfig } from '../../config/load.js';
import type { ResolvedConfig } from '../../config/types.js';
import type { Diagnostic } from '../../manifests/types.js';
import { analyseSide, type AnalysedSide } from '../../check/side.js';
import { UsageError, type CliIo } from '../io.js';
import { oneOf } from '../args.js';
import { CNIS, type Cni } from '../../model/cni.js';

/** The `--cni` option every command that analyses takes; it overrides the config's `cni`. */
export const CNI_OPTION = { cni: { type: 'string' } } as const;

/** `--cni`, checked; undefined when not given. */
export function cniOption(value: string | undefined): Cni | undefined {
  return value === undefined ? undefined : oneOf('cni', value, CNIS, 'generic');
}

/**
 * Loads the config and one side made of the given paths, relative to the working directory; `cni` (`--cni`)
 * overrides the config's.
 */
export async function loadPaths(
  paths: string[],
  configFile: string | undefined,
  io: CliIo,
  cni?: string,
): Promise<{ side: AnalysedSide; config: ResolvedConfig; diagnostics: Diagnostic[] }> {
  if (paths.length === 0) throw new UsageError('give at least one file or folder of manifests');
  const given = cniOption(cni);
  const loaded = loadConfig(configFile, io.cwd);
  const { diagnostics } = loaded;
  const config = given === undefined ? loaded.config : { ...loaded.config, cni: given };
  const side = await analyseSide({ root: io.cwd, paths: paths.map((p) => resolve(io.cwd, p)) }, config);
  return { side, config, diagnostics: [...diagnostics, ...side.diagnostics] };
}

/**
 * Writes a report to `--output FILE` when given, else to stdout. Inside the working directory (a checkout, maybe of
 * a pull request) neither the file nor a folder above it may be a symbolic link; elsewhere the file itself may not.
 */
export function emit(io: CliIo, text: string, output: string | undefined): void {
  if (!output) return io.stdout(text);
  const file = resolve(io.cwd, output);
  if (isInside(io.cwd, file)) writeFileInside([io.cwd], file, text);
  else writeFileNoFollow(file, text);
}

/** The error for each path under `root` that is, or lies under, a symbolic link, which the CLI does not follow. */
export function linkedPaths(root: string, files: readonly string[]): Diagnostic[] {
  return files.flatMap((file) => {
    const link = isInside(root, file) ? symlinkOnPath(root, file) : undefined;
    return link === undefined ? [] : [symlinkDiagnostic(displayName(file, root), link)];
  });
}

/** `file:line: severity: message` lines for diagnostics on stderr-style output. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : ''}${d.severity}: ${d.message}\n`)
    .join('');
}

/**
 * SARIF whose `%SRCROOT%` is the root of the git repository holding `root` (the directory report paths are
 * relative to), so code scanning finds the files however deep `--head` is; `root` itself outside a repository.
 */
export async function sarifFor(result: CheckResult | LintResult, root: string): Promise<string> {
  const repository = await repositoryOf(root);
  return sarifReport(result, {
    uriBase: pathToFileURL((repository?.root ?? root) + sep).href,
    pathPrefix: repository?.prefix ?? '',
  });
}

import { writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sarifReport } from '../../check/sarif.js';
import type { CheckResult } from '../../check/types.js';
import { repositoryOf } from '../../git/trees.js';
import type { LintResult } from '../../rules/types.js';
import { loadConfig } from '../../config/load.js';
import type { ResolvedConfig } from '../../config/types.js';
import type { Diagnostic } from '../../manifests/types.js';
import { analyseSide, type AnalysedSide } from '../../check/side.js';
import { UsageError, type CliIo } from '../io.js';

/** Loads the config and one side made of the given paths, relative to the working directory. */
export async function loadPaths(
  paths: string[],
  configFile: string | undefined,
  io: CliIo,
): Promise<{ side: AnalysedSide; config: ResolvedConfig; diagnostics: Diagnostic[] }> {
  if (paths.length === 0) throw new UsageError('give at least one file or folder of manifests');
  const { config, diagnostics } = loadConfig(configFile, io.cwd);
  const side = await analyseSide({ root: io.cwd, paths: paths.map((p) => resolve(io.cwd, p)) }, config);
  return { side, config, diagnostics: [...diagnostics, ...side.diagnostics] };
}

/** Writes a report to `--output FILE` when given, else to stdout. */
export function emit(io: CliIo, text: string, output: string | undefined): void {
  if (output) writeFileSync(resolve(io.cwd, output), text);
  else io.stdout(text);
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

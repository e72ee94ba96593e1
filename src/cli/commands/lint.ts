import { nothingToAnalyse } from '../../check/side.js';
import type { FailOn } from '../../config/types.js';
import { renderLintJson, renderLintMarkdown, renderLintText } from '../../report/index.js';
import { blocks } from '../../check/verdict.js';
import { runLint } from '../../rules/run.js';
import { oneOf, parseCommandArgs } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import { emit, sarifFor, loadPaths, CNI_OPTION } from './common.js';

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** `lint PATH...`: the trap catalogue over the given manifests; exit 1 when a finding reaches `--fail-on`. */
export async function lintCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: 'string' },
    config: { type: 'string' },
    ...CNI_OPTION,
    'fail-on': { type: 'string' },
    output: { type: 'string' },
  });
  const format = oneOf('format', values.format, ['text', 'json', 'markdown', 'sarif'], 'text');
  const { side, config, diagnostics } = await loadPaths(positionals, values.config, io, values.cni);
  const failOn = oneOf('fail-on', values['fail-on'], FAIL_ON, config.failOn);
  const result = runLint({ model: side.model, engine: side.engine, diagnostics }, config);
  const render = {
    text: () => renderLintText(result, { color: io.color && !values.output }),
    json: () => renderLintJson(result),
    markdown: () => renderLintMarkdown(result),
    sarif: () => sarifFor(result, io.cwd),
  }[format];
  emit(io, await render(), values.output);
  if (nothingToAnalyse(side)) return EXIT.failed;
  return result.findings.some((f) => blocks(f, failOn)) ? EXIT.failed : EXIT.ok;
}
